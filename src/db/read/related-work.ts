import type { Db } from '../driver.js';
import type { PaperNode } from '../schema/model.js';

export interface RelatedRow {
  paper: PaperNode;
  score: number;
  reasons: string[];
  crossSection: boolean;
}

/** How much each kind of shared thing adds to a candidate's score (documented in the README). */
export const RELATED_WEIGHTS = {
  sharedAuthor: 3,
  sharedOptimizer: 1.5,
  sharedTopic: 1,
  coAuthorDistance1: 1,
  sameVenue: 0.5,
} as const;

/**
 * Candidates per signal; keeps one query bounded however large a topic or venue grows. On a large
 * graph a topic or venue is shared by thousands of papers, and past a few hundred the extra
 * candidates only add arbitrary low scores while the query's cost grows with them (2,000 made
 * related work 3× slower at 100,000 papers than at 1,000; see bench/RESULTS.md).
 */
const FAN_OUT = 500;

/**
 * Ranks papers related to one paper in a single query: each signal (shared authors, optimizers,
 * topics, venue, authors one co-authorship away) yields candidates with a weight and a reason;
 * scores are summed per candidate. A candidate is cross-section when it shares no section.
 */
export const RELATED_WORK_CYPHER = `MATCH (p:Paper {id: $paperId})
     CALL (p) {
       MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(c:Paper) WHERE c <> p
       WITH c, a LIMIT $fanOut
       RETURN c, $w.sharedAuthor AS w, ['shared author: ', a] AS why
       UNION ALL
       MATCH (p)-[:MENTIONS]->(o:Optimizer)<-[:MENTIONS]-(c:Paper) WHERE c <> p
       WITH c, o LIMIT $fanOut
       RETURN c, $w.sharedOptimizer AS w, ['both discuss ', o] AS why
       UNION ALL
       MATCH (p)-[:ABOUT]->(t:Topic)<-[:ABOUT]-(c:Paper) WHERE c <> p
       WITH c, t LIMIT $fanOut
       RETURN c, $w.sharedTopic AS w, ['shared topic: ', t] AS why
       UNION ALL
       MATCH (p)-[:PUBLISHED_IN]->(v:Venue)<-[:PUBLISHED_IN]-(c:Paper) WHERE c <> p
       WITH c, v LIMIT $fanOut
       RETURN c, $w.sameVenue AS w, ['same venue: ', v] AS why
       UNION ALL
       MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b:Author)-[:AUTHORED]->(c:Paper)
       WHERE c <> p AND a <> b AND NOT (b)-[:AUTHORED]->(p)
       WITH DISTINCT c, a, b LIMIT $fanOut
       RETURN c, $w.coAuthorDistance1 AS w, ['written by ', b, ', a co-author of ', a] AS why
     }
     // Reasons travel as node references; their names are read for the winners only. Each signal
     // yields one row per (candidate, shared node), so the reasons need no DISTINCT.
     WITH p, c, sum(w) AS score, collect(why) AS whys
     WHERE NOT $crossSectionOnly OR NOT EXISTS { (p)-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(c) }
     WITH p, c, score, whys ORDER BY score DESC, c.title LIMIT $first
     WITH c, score, [x IN whys | reduce(s = '', part IN x | s + CASE WHEN part IS :: STRING THEN part ELSE part.name END)] AS reasons,
          NOT EXISTS { (p)-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(c) } AS crossSection,
          COLLECT { MATCH (c)-[:LISTED_IN]->(s:Section) RETURN s.code + ' ' + s.title } AS sections
     RETURN c {.*} AS paper, score,
            CASE WHEN crossSection AND size(sections) > 0
                 THEN reasons + ['in another section: ' + sections[0]] ELSE reasons END AS reasons,
            crossSection`;

/** The parameters of RELATED_WORK_CYPHER (the benchmark's Cypher floor runs the same query). */
export const relatedWorkParams = (paperId: string, first: number, crossSectionOnly: boolean) => ({
  paperId,
  first,
  crossSectionOnly,
  w: RELATED_WEIGHTS,
  fanOut: FAN_OUT,
});

export async function relatedWork(
  db: Db,
  paperId: string,
  first: number,
  crossSectionOnly: boolean,
): Promise<RelatedRow[]> {
  const rows = await db.read(RELATED_WORK_CYPHER, relatedWorkParams(paperId, first, crossSectionOnly));
  return rows as unknown as RelatedRow[];
}
