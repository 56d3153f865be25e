import type { Db } from './driver.js';
import type { AuthorNode, PaperNode, TopicNode } from './model.js';
import { NEWEST_FIRST } from './sort-keys.js';

export interface OverlapRow {
  topics: TopicNode[];
  /** The newest `limit` papers about every topic. */
  papers: PaperNode[];
  paperCount: number;
  unionCount: number;
  jaccard: number;
}

/**
 * Papers about every one of the topics, counted and the newest listed, with the Jaccard index of
 * the topics' paper sets. The walk starts at the topic with the fewest papers and tests the
 * others per paper; topic sizes come from the degree store, so for one or two topics the union
 * is arithmetic rather than a scan.
 */
export async function topicOverlap(db: Db, topicIds: string[], limit: number): Promise<OverlapRow> {
  const [row] = await db.read(
    `UNWIND range(0, size($ids) - 1) AS i
     MATCH (t:Topic {id: $ids[i]})
     WITH collect(t) AS topics
     CALL (topics) {
       UNWIND topics AS t
       // Unlabelled, so Neo4j reads the degree store instead of walking (only papers are ABOUT topics).
       WITH t, COUNT { (t)<-[:ABOUT]-() } AS size ORDER BY size
       RETURN collect(t) AS bySize, collect(size) AS sizes
     }
     WITH topics, sizes, bySize[0] AS smallest, bySize[1..] AS rest
     CALL (smallest, rest) {
       OPTIONAL MATCH (smallest)<-[:ABOUT]-(p:Paper)
       WHERE all(t IN rest WHERE EXISTS { (p)-[:ABOUT]->(t) })
       RETURN collect(p) AS common
     }
     OPTIONAL CALL (topics) {
       WITH topics WHERE size(topics) > 2
       UNWIND topics AS t
       MATCH (t)<-[:ABOUT]-(p:Paper)
       RETURN count(DISTINCT p) AS manyUnion
     }
     WITH topics, sizes, manyUnion, common, size(common) AS paperCount
     RETURN [t IN topics | t {.*}] AS topics, paperCount,
            CASE size(topics) WHEN 0 THEN 0 WHEN 1 THEN sizes[0] WHEN 2 THEN sizes[0] + sizes[1] - paperCount
                 ELSE manyUnion END AS unionCount,
            COLLECT { UNWIND common AS p WITH p ORDER BY ${NEWEST_FIRST('p')} LIMIT $limit RETURN p {.*} } AS papers`,
    { ids: [...new Set(topicIds)], limit },
  );
  const paperCount = (row?.paperCount as number) ?? 0;
  const unionCount = (row?.unionCount as number) ?? 0;
  return {
    topics: (row?.topics as TopicNode[]) ?? [],
    papers: (row?.papers as PaperNode[]) ?? [],
    paperCount,
    unionCount,
    jaccard: unionCount ? paperCount / unionCount : 0,
  };
}

/** Authors of every paper about all of the topics, by name; read only when a client asks for them. */
export async function topicOverlapAuthors(db: Db, topicIds: string[]): Promise<AuthorNode[]> {
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (t:Topic {id: id})
     WITH collect(t) AS topics
     WITH topics[0] AS first, topics[1..] AS rest
     MATCH (first)<-[:ABOUT]-(p:Paper)
     WHERE all(t IN rest WHERE EXISTS { (p)-[:ABOUT]->(t) })
     MATCH (p)<-[:AUTHORED]-(a:Author)
     WITH DISTINCT a ORDER BY a.name
     RETURN a {.*} AS a`,
    { ids: [...new Set(topicIds)] },
  );
  return rows.map((r) => r.a as AuthorNode);
}
