import type { Db } from '../driver.js';
import { TEXT_INDEX } from '../schema/constraints.js';
import type { PaperNode } from '../schema/model.js';
import { shownAbout } from '../schema/topic-edges.js';

export interface RelatedRow {
  paper: PaperNode;
  score: number;
  reasons: string[];
  crossSection: boolean;
}

/**
 * What each signal adds at most to a candidate's score: the one place the ranking's weights live
 * (the README explains them; `npm run eval:related` measures them). Every signal is normalised to
 * about 0..1 before its weight, so no one shared hub dominates:
 * - text: BM25 (Lucene, through the paperText index) of the paper's most distinctive words
 *   against every paper's words, over the paper's own score for them;
 * - cites / citedBy: a direct citation, divided by ln(e + the other paper's citation count);
 * - coCitation: papers citing both, over √(citations of each) (Salton's cosine);
 * - coupling: references both cite, each counted 1/ln(e + its citations), over √(references of each);
 * - sharedAuthor, sharedOptimizer, sharedTopic, sameVenue: each shared node counts
 *   1/ln(e + its papers), so a prolific author or a venue of thousands says little;
 * - coAuthor: an author one co-authorship away.
 */
export const RELATED_WEIGHTS = {
  text: 4,
  cites: 3,
  citedBy: 3,
  coCitation: 3,
  coupling: 3,
  sharedAuthor: 3,
  sharedOptimizer: 1.5,
  sharedTopic: 1,
  coAuthor: 0.5,
  sameVenue: 0.5,
} as const;
export type RelatedWeights = { [K in keyof typeof RELATED_WEIGHTS]: number };

/**
 * Candidates per signal; keeps one query bounded however large a topic, venue or citation hub
 * grows (past a few hundred, extra candidates only add arbitrary low scores; see bench/RESULTS.md).
 */
const FAN_OUT = 500;
/** Words of the paper the text signal asks the index for: its most distinctive ones. */
const MAX_TERMS = 30;
/** A word in more than this share of all papers is too common to relate two of them. */
const MAX_DF_SHARE = 0.3;

/** A weight for a shared node of degree `deg`: 1/ln(e + deg). */
const damp = (deg: string) => `1.0 / log(e() + ${deg})`;

/**
 * Ranks papers related to one paper in a single query. Each signal yields (candidate, weight,
 * reason parts); scores are summed per candidate, and every contribution is a reason with its
 * number. A candidate is cross-section when it shares no section with the paper.
 */
export const RELATED_WORK_CYPHER = `MATCH (p:Paper {id: $paperId})
     // The paper's most distinctive words: shared with some other paper, yet with few (at most
     // $maxDfShare of all papers, and never fewer than 2); the rarest first.
     CALL (p) {
       WITH p, COUNT { (:Paper) } * $maxDfShare AS cap
       UNWIND coalesce(p.terms, []) AS t
       MATCH (x:Term {id: t}) WHERE x.papers > 1 AND x.papers <= CASE WHEN cap > 2 THEN cap ELSE 2 END
       WITH x ORDER BY x.papers, x.id LIMIT $maxTerms
       RETURN collect(x.id) AS top
     }
     CALL (p, top) {
       WITH p, top WHERE size(top) > 0 AND $w.text > 0
       CALL db.index.fulltext.queryNodes($textIndex, reduce(q = '', t IN top | q + ' ' + t), {limit: $fanOut})
         YIELD node, score
       WITH p, top, collect([node, score]) AS hits
       // Scores are relative to the paper's own (it has every word asked for): 1 is "the same words".
       WITH p, top, hits, head([h IN hits WHERE h[0] = p | h[1]] + [h IN hits | h[1]]) AS self
       UNWIND hits AS h
       WITH p, top, h[0] AS c, h[1] / self AS s WHERE c <> p
       RETURN c, $w.text * CASE WHEN s > 1 THEN 1.0 ELSE s END AS w,
              ['shares terms: ', reduce(q = '', t IN [t IN top WHERE t IN c.terms][0..4] | q + CASE q WHEN '' THEN '' ELSE ', ' END + t)] AS why
       UNION ALL
       WITH p WHERE $w.cites > 0
       MATCH (p)-[:CITES]->(c:Paper)
       WITH c LIMIT $fanOut
       RETURN c, $w.cites * ${damp('COUNT { (c)<-[:CITES]-() }')} AS w, ['cited by this paper'] AS why
       UNION ALL
       WITH p WHERE $w.citedBy > 0
       MATCH (p)<-[:CITES]-(c:Paper)
       WITH c LIMIT $fanOut
       RETURN c, $w.citedBy * ${damp('COUNT { (c)-[:CITES]->() }')} AS w, ['cites this paper'] AS why
       UNION ALL
       WITH p WHERE $w.coCitation > 0
       MATCH (p)<-[:CITES]-(x:Paper)
       WITH p, x LIMIT $fanOut
       MATCH (x)-[:CITES]->(c:Paper) WHERE c <> p
       WITH p, c, count(DISTINCT x) AS n LIMIT $fanOut
       WITH c, n, sqrt(toFloat(COUNT { (p)<-[:CITES]-() } * COUNT { (c)<-[:CITES]-() })) AS norm
       RETURN c, $w.coCitation * n / norm AS w, ['co-cited by ', toString(n), ' paper(s)'] AS why
       UNION ALL
       WITH p WHERE $w.coupling > 0
       MATCH (p)-[:CITES]->(r:Paper)
       // Rarely cited references first: two papers citing the same classic say little.
       WITH p, r, COUNT { (r)<-[:CITES]-() } AS rdeg ORDER BY rdeg LIMIT 100
       MATCH (r)<-[:CITES]-(c:Paper) WHERE c <> p
       WITH p, c, r, rdeg LIMIT $fanOut
       WITH p, c, count(r) AS n, sum(${damp('rdeg')}) AS shared
       WITH c, n, shared / sqrt(toFloat(COUNT { (p)-[:CITES]->() } * COUNT { (c)-[:CITES]->() })) AS s
       RETURN c, $w.coupling * s AS w, ['cites ', toString(n), ' of the same papers'] AS why
       UNION ALL
       WITH p WHERE $w.sharedAuthor > 0
       MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(c:Paper) WHERE c <> p
       WITH c, a LIMIT $fanOut
       RETURN c, $w.sharedAuthor * ${damp('COUNT { (a)-[:AUTHORED]->() }')} AS w, ['shared author: ', a] AS why
       UNION ALL
       WITH p WHERE $w.sharedOptimizer > 0
       MATCH (p)-[:MENTIONS]->(o:Optimizer)<-[:MENTIONS]-(c:Paper) WHERE c <> p
       WITH c, o LIMIT $fanOut
       RETURN c, $w.sharedOptimizer * ${damp('COUNT { (o)<-[:MENTIONS]-() }')} AS w, ['both discuss ', o] AS why
       UNION ALL
       WITH p WHERE $w.sharedTopic > 0
       // Topics as Paper.topics shows them; an inferred one counts as much as the weaker is sure.
       MATCH (p)-[a1:ABOUT WHERE ${shownAbout('a1')}]->(t:Topic)<-[a2:ABOUT WHERE ${shownAbout('a2')}]-(c:Paper) WHERE c <> p
       WITH c, t, CASE WHEN a1.confidence < a2.confidence THEN a1.confidence ELSE a2.confidence END AS sure LIMIT $fanOut
       RETURN c, $w.sharedTopic * sure * ${damp('COUNT { (t)<-[:ABOUT]-() }')} AS w, ['shared topic: ', t] AS why
       UNION ALL
       WITH p WHERE $w.sameVenue > 0
       MATCH (p)-[:PUBLISHED_IN]->(v:Venue)<-[:PUBLISHED_IN]-(c:Paper) WHERE c <> p
       WITH c, v LIMIT $fanOut
       RETURN c, $w.sameVenue * ${damp('COUNT { (v)<-[:PUBLISHED_IN]-() }')} AS w, ['same venue: ', v] AS why
       UNION ALL
       WITH p WHERE $w.coAuthor > 0
       MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b:Author)-[:AUTHORED]->(c:Paper)
       WHERE c <> p AND a <> b AND NOT (b)-[:AUTHORED]->(p)
       WITH DISTINCT c, a, b LIMIT $fanOut
       RETURN c, $w.coAuthor * ${damp('COUNT { (b)-[:AUTHORED]->() }')} AS w, ['written by ', b, ', a co-author of ', a] AS why
     }
     // Reasons travel as node references; their names are read for the winners only.
     WITH p, c, sum(w) AS score, collect([w, why]) AS parts
     WHERE (NOT $crossSectionOnly OR NOT EXISTS { (p)-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(c) })
       AND ($withinList IS NULL OR EXISTS { (c)-[:LISTED_IN]->(:Section {listId: $withinList}) })
     WITH p, c, score, parts ORDER BY score DESC, c.title LIMIT $first
     WITH p, c, score,
          [x IN parts | [x[0], reduce(s = '', part IN x[1] | s + CASE WHEN part IS :: STRING THEN part ELSE part.name END)]] AS texts,
          NOT EXISTS { (p)-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(c) } AS crossSection,
          COLLECT { MATCH (c)-[:LISTED_IN]->(s:Section) RETURN s.code + ' ' + s.title } AS sections
     CALL (texts) {
       UNWIND texts AS t
       WITH t ORDER BY t[0] DESC
       RETURN collect(t[1] + ' (+' + toString(round(t[0], 2)) + ')') AS reasons
     }
     RETURN c {.*, terms: null} AS paper, score,
            CASE WHEN crossSection AND size(sections) > 0
                 THEN reasons + ['in another section: ' + sections[0]] ELSE reasons END AS reasons,
            crossSection`;

/** The parameters of RELATED_WORK_CYPHER (the benchmark's Cypher floor runs the same query). */
export const relatedWorkParams = (
  paperId: string,
  first: number,
  crossSectionOnly: boolean,
  opts: { weights?: RelatedWeights; withinList?: string | null } = {},
) => ({
  paperId,
  first,
  crossSectionOnly,
  w: opts.weights ?? RELATED_WEIGHTS,
  withinList: opts.withinList ?? null,
  fanOut: FAN_OUT,
  maxTerms: MAX_TERMS,
  maxDfShare: MAX_DF_SHARE,
  textIndex: TEXT_INDEX,
});

/**
 * Related work of one paper, best first, in one round trip. `weights` and `withinList` are for
 * the evaluation (npm run eval:related), which turns signals off and keeps to one list.
 */
export async function relatedWork(
  db: Db,
  paperId: string,
  first: number,
  crossSectionOnly: boolean,
  opts: { weights?: RelatedWeights; withinList?: string | null } = {},
): Promise<RelatedRow[]> {
  const rows = await db.read(RELATED_WORK_CYPHER, relatedWorkParams(paperId, first, crossSectionOnly, opts));
  return rows as unknown as RelatedRow[];
}
