import type { Db } from '../driver.js';
import type { AuthorNode, PaperNode } from '../schema/model.js';

export interface PathRow {
  authors: AuthorNode[];
  links: Array<{ from: AuthorNode; to: AuthorNode; papers: PaperNode[] }>;
}

/**
 * The shortest chain of co-authorships between two authors, at most maxLength links, with every
 * paper each pair wrote together. maxLength is a validated integer (1..6): Cypher needs the
 * bound of a variable-length pattern as a literal.
 */
export async function collaborationPath(
  db: Db,
  fromId: string,
  toId: string,
  maxLength: number,
): Promise<PathRow | null> {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 6)
    throw new RangeError('maxLength must be 1..6');
  if (fromId === toId) {
    const [row] = await db.read('MATCH (a:Author {id: $id}) RETURN a {.*} AS a', { id: fromId });
    return row ? { authors: [row.a as AuthorNode], links: [] } : null;
  }
  const [row] = await db.read(
    `MATCH (a:Author {id: $fromId}), (b:Author {id: $toId})
     MATCH path = shortestPath((a)-[:AUTHORED*..${maxLength * 2}]-(b))
     WITH [n IN nodes(path) WHERE n:Author] AS authors
     UNWIND range(0, size(authors) - 2) AS i
     WITH authors, i, authors[i] AS x, authors[i + 1] AS y
     MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
     WITH authors, i, x, y, p ORDER BY p.year, p.title
     WITH authors, i, x, y, collect(p {.*}) AS papers ORDER BY i
     RETURN [n IN authors | n {.*}] AS authors, collect({from: x {.*}, to: y {.*}, papers: papers}) AS links`,
    { fromId, toId },
  );
  return row ? { authors: row.authors as AuthorNode[], links: row.links as PathRow['links'] } : null;
}
