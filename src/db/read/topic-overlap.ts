import type { Db } from '../driver.js';
import type { AuthorNode, PaperNode, TopicNode } from '../schema/model.js';
import { NEWEST_FIRST } from '../schema/sort-keys.js';
import { defaultMinConfidence, gradeFor } from '../schema/topic-edges.js';
import { pairCount, topicPairId } from '../schema/topic-pairs.js';

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
export async function topicOverlap(
  db: Db,
  topicIds: string[],
  limit: number,
  minConfidence = defaultMinConfidence(),
): Promise<OverlapRow> {
  const ids = [...new Set(topicIds)];
  const grade = gradeFor(minConfidence);
  const [row] = await (ids.length === 2 && grade !== null
    ? pairOverlap(db, ids as [string, string], limit, minConfidence, grade)
    : anyOverlap(db, ids, limit, minConfidence));
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

/** Assignments at or above the asked confidence. */
const SHOWN = 'WHERE a.confidence >= $min';

/**
 * Two topics, the common question, in bounded work: the overlap count and the topic sizes come
 * from the pair counters (topic-pairs.ts) at the asked grade. The newest papers about
 * both come from walking the paper_newest index when the overlap is dense enough that a page is
 * found within a few reads per hit, else from the smaller topic's papers.
 */
function pairOverlap(db: Db, [a, b]: [string, string], limit: number, min: number, grade: number) {
  return db.read(
    `MATCH (t1:Topic {id: $a}), (t2:Topic {id: $b})
     OPTIONAL MATCH (pair:TopicPair {id: $pair})
     OPTIONAL MATCH (own1:TopicPair {id: $own1})
     OPTIONAL MATCH (own2:TopicPair {id: $own2})
     CALL () { MATCH (p:Paper) RETURN count(p) AS total }
     WITH t1, t2, total, ${pairCount('pair', '$grade')} AS both,
          ${pairCount('own1', '$grade')} AS d1, ${pairCount('own2', '$grade')} AS d2
     WITH t1, t2, both, d1, d2,
          both > 0 AND toFloat($limit) * total / both < CASE WHEN d1 < d2 THEN d1 ELSE d2 END AS walk,
          CASE WHEN d1 <= d2 THEN t1 ELSE t2 END AS smaller, CASE WHEN d1 <= d2 THEN t2 ELSE t1 END AS other
     CALL (t1, t2, walk) {
       WITH t1, t2 WHERE walk
       MATCH (p:Paper) USING INDEX p:Paper(newest)
       WHERE p.newest IS NOT NULL AND EXISTS { (p)-[a:ABOUT]->(t1) ${SHOWN} } AND EXISTS { (p)-[a:ABOUT]->(t2) ${SHOWN} }
       WITH p ORDER BY p.newest LIMIT $limit
       RETURN collect(p {.*}) AS walked
     }
     CALL (smaller, other, walk) {
       WITH smaller, other WHERE NOT walk
       MATCH (smaller)<-[a1:ABOUT]-(p:Paper)-[a2:ABOUT]->(other)
       WHERE a1.confidence >= $min AND a2.confidence >= $min
       WITH p ORDER BY ${NEWEST_FIRST('p')} LIMIT $limit
       RETURN collect(p {.*}) AS expanded
     }
     RETURN [t1 {.*}, t2 {.*}] AS topics, both AS paperCount, d1 + d2 - both AS unionCount,
            CASE WHEN walk THEN walked ELSE expanded END AS papers`,
    { a, b, pair: topicPairId(a, b), own1: topicPairId(a, a), own2: topicPairId(b, b), limit, min, grade },
  );
}

/** Any other number of topics, or a confidence off the tenths: a walk over the smallest topic's papers. */
function anyOverlap(db: Db, ids: string[], limit: number, min: number) {
  return db.read(
    `UNWIND range(0, size($ids) - 1) AS i
     MATCH (t:Topic {id: $ids[i]})
     WITH collect(t) AS topics
     CALL (topics) {
       UNWIND topics AS t
       WITH t, COUNT { (t)<-[a:ABOUT]-() ${SHOWN} } AS size ORDER BY size
       RETURN collect(t) AS bySize, collect(size) AS sizes
     }
     WITH topics, sizes, bySize[0] AS smallest, bySize[1..] AS rest
     CALL (smallest, rest) {
       OPTIONAL MATCH (smallest)<-[a:ABOUT]-(p:Paper) ${SHOWN}
       AND all(t IN rest WHERE EXISTS { (p)-[b:ABOUT]->(t) WHERE b.confidence >= $min })
       RETURN collect(p) AS common
     }
     OPTIONAL CALL (topics) {
       WITH topics WHERE size(topics) > 2
       UNWIND topics AS t
       MATCH (t)<-[a:ABOUT]-(p:Paper) ${SHOWN}
       RETURN count(DISTINCT p) AS manyUnion
     }
     WITH topics, sizes, manyUnion, common, size(common) AS paperCount
     RETURN [t IN topics | t {.*}] AS topics, paperCount,
            CASE size(topics) WHEN 0 THEN 0 WHEN 1 THEN sizes[0] WHEN 2 THEN sizes[0] + sizes[1] - paperCount
                 ELSE manyUnion END AS unionCount,
            COLLECT { UNWIND common AS p WITH p ORDER BY ${NEWEST_FIRST('p')} LIMIT $limit RETURN p {.*} } AS papers`,
    { ids, limit, min },
  );
}

/** Authors of every paper about all of the topics, by name; read only when a client asks for them. */
export async function topicOverlapAuthors(
  db: Db,
  topicIds: string[],
  min = defaultMinConfidence(),
): Promise<AuthorNode[]> {
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (t:Topic {id: id})
     WITH collect(t) AS topics
     WITH topics[0] AS first, topics[1..] AS rest
     MATCH (first)<-[a:ABOUT]-(p:Paper) ${SHOWN}
     AND all(t IN rest WHERE EXISTS { (p)-[b:ABOUT]->(t) WHERE b.confidence >= $min })
     MATCH (p)<-[:AUTHORED]-(a:Author)
     WITH DISTINCT a ORDER BY a.name
     RETURN a {.*} AS a`,
    { ids: [...new Set(topicIds)], min },
  );
  return rows.map((r) => r.a as AuthorNode);
}
