import type { Db } from '../driver.js';
import { RELATED_WEIGHTS, RELATED_WORK_CYPHER, relatedWorkParams } from './related-work.js';

export interface MapNode {
  id: string;
  title: string;
  year: number | null;
  /** Papers in the graph that cite it. */
  citedBy: number;
  /** Its score as related work of the origin paper; null for the origin itself. */
  score: number | null;
}
export interface MapEdge {
  source: string;
  target: string;
  weight: number;
}
export interface CountedPaper {
  id: string;
  title: string;
  year: number | null;
  count: number;
}
export interface RelatedGraphRow {
  nodes: MapNode[];
  edges: MapEdge[];
  priorWorks: CountedPaper[];
  derivativeWorks: CountedPaper[];
}

interface NodeData extends MapNode {
  terms: string[];
  authors: string[];
  refs: string[];
  citers: string[];
}

/**
 * The top related papers of one paper, with what a similarity map needs, in one query: each
 * node's words, authors, references and citers (the pairwise weights are worked out from these
 * here, not in 465 subqueries), the words' document frequencies, and the works the set cites most
 * (prior works) and that cite most of it (derivative works).
 */
const RELATED_GRAPH_CYPHER = `CALL () { ${RELATED_WORK_CYPHER} }
     WITH collect(paper.id) AS relatedIds, collect(score) AS scores
     MATCH (o:Paper {id: $paperId})
     WITH [o] + COLLECT { UNWIND relatedIds AS rid MATCH (n:Paper {id: rid}) RETURN n } AS set, relatedIds, scores
     CALL (set, relatedIds, scores) {
       UNWIND range(0, size(set) - 1) AS i
       WITH set[i] AS n, i, relatedIds, scores
       RETURN collect({id: n.id, title: n.title, year: n.year, citedBy: COUNT { (n)<-[:CITES]-() },
                       score: CASE WHEN i = 0 THEN null ELSE scores[i - 1] END,
                       terms: coalesce(n.terms, []),
                       authors: COLLECT { MATCH (n)<-[:AUTHORED]-(a) RETURN a.id },
                       refs: COLLECT { MATCH (n)-[:CITES]->(r) RETURN r.id },
                       citers: COLLECT { MATCH (n)<-[:CITES]-(r) RETURN r.id }}) AS nodes
     }
     CALL (set) {
       UNWIND set AS n UNWIND coalesce(n.terms, []) AS t
       WITH DISTINCT t MATCH (x:Term {id: t})
       RETURN collect([t, x.papers]) AS df
     }
     CALL (set) {
       UNWIND set AS n MATCH (n)-[:CITES]->(w:Paper) WHERE NOT w IN set
       WITH w, count(DISTINCT n) AS k ORDER BY k DESC, w.title LIMIT $extra
       RETURN collect({id: w.id, title: w.title, year: w.year, count: k}) AS priorWorks
     }
     CALL (set) {
       UNWIND set AS n MATCH (n)<-[:CITES]-(w:Paper) WHERE NOT w IN set
       WITH w, count(DISTINCT n) AS k ORDER BY k DESC, w.title LIMIT $extra
       RETURN collect({id: w.id, title: w.title, year: w.year, count: k}) AS derivativeWorks
     }
     RETURN nodes, df, priorWorks, derivativeWorks, COUNT { (:Paper) } AS total`;

/** |a ∩ b| / √(|a|·|b|): Salton's cosine of two id sets. */
function cosine(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  return b.filter((x) => set.has(x)).length / Math.sqrt(a.length * b.length);
}

/** The pairwise similarity of two papers of the map: the ranking's signals, with its weights. */
function pairWeight(a: NodeData, b: NodeData, idf: (t: string) => number): number {
  const w = RELATED_WEIGHTS;
  const bTerms = new Set(b.terms);
  const shared = a.terms.filter((t) => bTerms.has(t)).reduce((s, t) => s + idf(t), 0);
  const norm = Math.sqrt(a.terms.reduce((s, t) => s + idf(t), 0) * b.terms.reduce((s, t) => s + idf(t), 0));
  const text = norm ? shared / norm : 0;
  const direct = a.refs.includes(b.id) || b.refs.includes(a.id) ? 1 : 0;
  return (
    w.text * text +
    w.cites * direct +
    w.coCitation * cosine(a.citers, b.citers) +
    w.coupling * cosine(a.refs, b.refs) +
    w.sharedAuthor * cosine(a.authors, b.authors)
  );
}

/**
 * A similarity map around one paper (what Connected Papers draws): the paper and its `size` most
 * related papers, the weighted edges among them (only among them), and, from citations, the works
 * the set cites most and those that cite most of it. One round trip.
 */
export async function relatedGraph(
  db: Db,
  paperId: string,
  size: number,
  extra = 10,
): Promise<RelatedGraphRow> {
  const [row] = await db.read(RELATED_GRAPH_CYPHER, { ...relatedWorkParams(paperId, size, false), extra });
  if (!row) return { nodes: [], edges: [], priorWorks: [], derivativeWorks: [] };
  const nodes = row.nodes as NodeData[];
  const df = new Map(row.df as Array<[string, number]>);
  const total = Math.max(1, row.total as number);
  const idf = (t: string) => Math.log(1 + total / (df.get(t) ?? 1));
  const edges: MapEdge[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as NodeData;
      const b = nodes[j] as NodeData;
      const weight = pairWeight(a, b, idf);
      if (weight > 0.01) edges.push({ source: a.id, target: b.id, weight: Math.round(weight * 1000) / 1000 });
    }
  }
  return {
    nodes: nodes.map(({ id, title, year, citedBy, score }) => ({
      id,
      title,
      year: year ?? null,
      citedBy,
      score,
    })),
    edges,
    priorWorks: row.priorWorks as CountedPaper[],
    derivativeWorks: row.derivativeWorks as CountedPaper[],
  };
}
