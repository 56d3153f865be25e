import type { Db } from '../driver.js';
import { SEARCH_INDEX } from '../schema/constraints.js';
import type { NodeType } from '../schema/model.js';

export interface SearchRow {
  score: number;
  type: NodeType;
  node: Record<string, unknown>;
}

/** Escapes Lucene's query syntax, so user text is only ever searched for, never parsed as operators. */
export function luceneQuery(text: string): string {
  const terms = text
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`))
    .filter(Boolean)
    .slice(0, 16);
  // Each word matches exactly or as a prefix ("adag" finds Adagrad); all words must match.
  return terms.map((t) => `(${t} OR ${t}*)`).join(' AND ');
}

/** Full-text search over paper titles and author names, best first. */
export async function search(db: Db, text: string, first: number): Promise<SearchRow[]> {
  const q = luceneQuery(text);
  if (!q) return [];
  const rows = await db.read(
    `CALL db.index.fulltext.queryNodes($index, $q, {limit: $first}) YIELD node, score
     RETURN score, labels(node)[0] AS type, node {.*} AS node
     ORDER BY score DESC LIMIT $first`,
    { index: SEARCH_INDEX, q, first },
  );
  return rows as unknown as SearchRow[];
}
