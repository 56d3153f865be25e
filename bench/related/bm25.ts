import type { Db } from '../../src/db/driver.js';
import { TEXT_INDEX } from '../../src/db/schema/constraints.js';

/**
 * The plain baseline: Lucene BM25 with every word of the paper (title, abstract, keywords) as the
 * query, no selection of words, best first, kept to one list.
 */
export async function bm25Related(
  db: Db,
  paperId: string,
  first: number,
  withinList: string,
): Promise<string[]> {
  const rows = await db.read(
    `MATCH (p:Paper {id: $paperId}) WHERE size(coalesce(p.terms, [])) > 0
     CALL db.index.fulltext.queryNodes($index, reduce(q = '', t IN p.terms | q + ' ' + t), {limit: 1000})
       YIELD node, score
     WITH p, node, score WHERE node <> p AND EXISTS { (node)-[:LISTED_IN]->(:Section {listId: $withinList}) }
     RETURN node.id AS id ORDER BY score DESC, node.title LIMIT $first`,
    { paperId, first, withinList, index: TEXT_INDEX },
  );
  return rows.map((r) => r.id as string);
}
