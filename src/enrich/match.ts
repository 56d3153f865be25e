import { foldKey } from '../domain/normalize.js';

/** Word overlap of two titles (Sørensen–Dice on folded words): 1 for the same words, 0 for none shared. */
export function titleSimilarity(a: string, b: string): number {
  const wa = foldKey(a).split(' ').filter(Boolean);
  const wb = foldKey(b).split(' ').filter(Boolean);
  if (!wa.length || !wb.length) return 0;
  const count = new Map<string, number>();
  for (const w of wa) count.set(w, (count.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      shared++;
      count.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** Below this a title search result is not the paper (0.9: a word or two of difference in a long title). */
export const TITLE_THRESHOLD = 0.9;

/**
 * The best of several candidates for a paper's title and year: the most similar title, at least
 * the threshold, and a year within one of the paper's when both are known; null when none is.
 */
export function bestTitleMatch<
  T extends { title?: string | null; display_name?: string | null; publication_year?: number | null },
>(
  title: string,
  year: number | null,
  candidates: readonly T[],
  threshold = TITLE_THRESHOLD,
): { work: T; confidence: number } | null {
  let best: { work: T; confidence: number } | null = null;
  for (const work of candidates) {
    const t = work.title ?? work.display_name ?? '';
    const sim = titleSimilarity(title, t);
    const y = work.publication_year;
    if (sim < threshold) continue;
    if (year !== null && typeof y === 'number' && Math.abs(y - year) > 1) continue;
    if (!best || sim > best.confidence) best = { work, confidence: sim };
  }
  return best;
}
