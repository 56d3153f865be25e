import type { Db } from '../../src/db/driver.js';

/**
 * The related-work ranking before the text and citation signals (until 2026-11-29), kept here
 * only so the evaluation can compare against it: shared authors 3, optimizers 1.5, topics 1,
 * co-authors 1, venue 0.5, each shared node counting in full. `sharedTopic` is a parameter so the
 * evaluation can hide the section-derived topics it evaluates against (at 0 the topic branch
 * yields no candidates at all, not candidates worth 0: those would leak the sections).
 */
const LEGACY_WEIGHTS = {
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
const LEGACY_CYPHER = `MATCH (p:Paper {id: $paperId})
     CALL (p) {
       MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(c:Paper) WHERE c <> p
       WITH c, a LIMIT $fanOut
       RETURN c, $w.sharedAuthor AS w, ['shared author: ', a] AS why
       UNION ALL
       MATCH (p)-[:MENTIONS]->(o:Optimizer)<-[:MENTIONS]-(c:Paper) WHERE c <> p
       WITH c, o LIMIT $fanOut
       RETURN c, $w.sharedOptimizer AS w, ['both discuss ', o] AS why
       UNION ALL
       MATCH (p)-[:ABOUT]->(t:Topic)<-[:ABOUT]-(c:Paper) WHERE c <> p AND $w.sharedTopic > 0
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

/** Ids of the related papers, best first, kept to one list (the evaluation's candidates). */
export async function legacyRelated(
  db: Db,
  paperId: string,
  first: number,
  withinList: string,
  sharedTopic: number,
): Promise<string[]> {
  const rows = await db.read(
    LEGACY_CYPHER.replace(
      'WHERE NOT $crossSectionOnly OR NOT EXISTS { (p)-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(c) }',
      'WHERE EXISTS { (c)-[:LISTED_IN]->(:Section {listId: $withinList}) }',
    ),
    {
      paperId,
      first,
      crossSectionOnly: false,
      withinList,
      w: { ...LEGACY_WEIGHTS, sharedTopic },
      fanOut: FAN_OUT,
    },
  );
  return rows.map((r) => (r.paper as { id: string }).id);
}
