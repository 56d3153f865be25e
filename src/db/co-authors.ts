import type { Db } from './driver.js';
import type { AuthorNode, PaperNode } from './model.js';

export interface CoAuthorRow {
  author: AuthorNode;
  sharedPapers: number;
  papers: PaperNode[];
}

/** Co-authors of many authors in one query: strongest (most shared papers) first, then by name. */
export async function coAuthorsOf(
  db: Db,
  authorIds: readonly string[],
  first: number,
): Promise<CoAuthorRow[][]> {
  const rows = await db.read(
    `UNWIND $ids AS key
     CALL (key) {
       MATCH (:Author {id: key})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
       WHERE c.id <> key
       WITH c, collect(p {.*}) AS papers
       ORDER BY size(papers) DESC, c.name
       LIMIT $first
       RETURN collect({author: c {.*}, sharedPapers: size(papers), papers: papers}) AS coAuthors
     }
     RETURN key, coAuthors`,
    { ids: [...new Set(authorIds)], first },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.coAuthors as CoAuthorRow[]]));
  return authorIds.map((k) => byKey.get(k) ?? []);
}
