import type { Db } from '../driver.js';
import type { AuthorNode, PaperNode } from '../schema/model.js';
import { EMPTY_PLAN, Projection } from '../selection/projection.js';

export interface CoAuthorRow {
  author: AuthorNode;
  sharedPapers: number;
  papers: PaperNode[];
}

/**
 * Co-authors of many authors in one query: strongest (most shared papers) first, then by name.
 * The same Cypher the look-ahead folds into a parent's query (projection.ts).
 */
export async function coAuthorsOf(
  db: Db,
  authorIds: readonly string[],
  first: number,
): Promise<CoAuthorRow[][]> {
  const projection = new Projection();
  const coAuthors = projection.include('x', {
    kind: 'coAuthors',
    key: 'coAuthors',
    first,
    author: EMPTY_PLAN,
    papers: EMPTY_PLAN,
  });
  const rows = await db.read(
    `UNWIND $ids AS key
     MATCH (x:Author {id: key})
     WITH key, x, ${coAuthors} AS coAuthors
     RETURN key, coAuthors`,
    { ...projection.params, ids: [...new Set(authorIds)] },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.coAuthors as CoAuthorRow[]]));
  return authorIds.map((k) => byKey.get(k) ?? []);
}
