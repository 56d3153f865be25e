/** Ranking metrics with binary relevance; `rel[i]` says whether the i-th result is relevant. */

export const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** Relevant results among the first k, over k (a short list counts its missing places as misses). */
export function precisionAt(rel: readonly boolean[], k: number): number {
  return rel.slice(0, k).filter(Boolean).length / k;
}

/** DCG@k over the ideal DCG@k of `relevantTotal` relevant items ranked first. */
export function ndcgAt(rel: readonly boolean[], k: number, relevantTotal: number): number {
  const dcg = rel.slice(0, k).reduce((s, r, i) => s + (r ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantTotal); i++) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}
