import type { Db } from '../driver.js';
import { NODE_LABELS, type NodeType } from '../schema/catalogue.js';
import { defaultMinConfidence, type TopicSource } from '../schema/topic-edges.js';

export interface GraphNodeRow {
  id: string;
  type: NodeType;
  label: string;
}
export interface GraphEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  /** Where an ABOUT edge's topic came from; null for other relationship types. */
  topicSource: TopicSource | null;
  /** An ABOUT edge's confidence (1 for stated ones); null for other relationship types. */
  confidence: number | null;
}
export interface GraphViewRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

const LABELS = NODE_LABELS;

// Nodes are looked up by id through each label's unique index (an unlabelled match would scan).
const BY_IDS = `CALL (ids) {
  ${LABELS.map((l) => `UNWIND ids AS id MATCH (n:${l} {id: id}) RETURN n`).join(' UNION ALL ')}
}`;

const PROJECT = `{id: n.id, type: labels(n)[0],
  label: CASE WHEN n:Section THEN n.code + ' ' + n.title ELSE coalesce(n.title, n.name, n.id) END}`;

/**
 * The relationships the view walks and draws: all but the INFERRED ABOUT ones below
 * $minConfidence (stated ones have confidence 1 and are always kept).
 */
const SHOWN = (r: string) =>
  `(type(${r}) <> 'ABOUT' OR ${r}.source IS NULL OR ${r}.source <> 'INFERRED' OR ${r}.confidence >= $minConfidence)`;

/** One breadth-first hop: neighbours of the previous level not yet seen, best connected first, cut to the room left. */
const hop = (d: number) => `
CALL (seen, level${d - 1}) {
  UNWIND level${d - 1} AS f
  MATCH (f)-[r]-(m) WHERE labels(m)[0] IN $types AND NOT m IN seen AND ${SHOWN('r')}
  WITH DISTINCT m LIMIT $cap
  WITH m ORDER BY COUNT { (m)--() } DESC, m.id
  RETURN collect(m) AS found${d}
}
WITH seen + found${d}[0..($limit - size(seen))] AS seen, found${d}[0..($limit - size(seen))] AS level${d},
     truncated OR size(found${d}) > $limit - size(seen) AS truncated`;

/**
 * A drawable neighbourhood in one query: breadth-first from the focus nodes (depth ≤ 3, each hop
 * capped), nodes of the requested types only, at most `limit` nodes, then every edge among them.
 * Without a focus, the best-connected nodes of the requested types. `depth` is a validated
 * integer: the hops are spelled out in the query text. INFERRED ABOUT edges below `minConfidence`
 * are neither walked nor drawn; the ABOUT edges drawn carry their source and confidence.
 */
export async function graphView(
  db: Db,
  focus: string[],
  depth: number,
  types: NodeType[],
  limit: number,
  minConfidence: number = defaultMinConfidence(),
): Promise<GraphViewRow> {
  if (!Number.isInteger(depth) || depth < 0 || depth > 3) throw new RangeError('depth must be 0..3');
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new RangeError('minConfidence must be 0..1');
  const start =
    focus.length === 0
      ? `CALL () { ${types.map((l) => `MATCH (n:${l}) RETURN n`).join(' UNION ALL ')} }
         WITH n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT $limit + 1
         WITH collect(n) AS candidates
         WITH candidates[0..$limit] AS seen, size(candidates) > $limit AS truncated`
      : `WITH $focus AS ids ${BY_IDS}
         WITH collect(n)[0..$limit] AS seen
         WITH seen, false AS truncated`;
  const hops = focus.length === 0 ? [] : Array.from({ length: depth }, (_, i) => hop(i + 1));
  const [row] = await db.read(
    `${start}
     WITH seen, seen AS level0, truncated
     ${hops.join('\n')}
     WITH seen, truncated
     CALL (seen) {
       UNWIND seen AS n
       // Node identity, not m.id: no property read for every neighbour of every node.
       MATCH (n)-[r]->(m) WHERE m IN seen AND ${SHOWN('r')}
       // Ids and weights are made in JS: less work for Neo4j and less to transfer. Only an ABOUT
       // edge's source and confidence are read.
       RETURN collect([n.id, type(r), m.id, r.position,
                       CASE type(r) WHEN 'ABOUT' THEN [r.source, r.confidence] END]) AS edges
     }
     RETURN [n IN seen | n ${PROJECT}] AS nodes, edges, truncated`,
    { focus, types, limit, cap: limit + 1, minConfidence },
  );
  type EdgeTuple = [string, string, string, number | null, [TopicSource | null, number | null] | null];
  const edges = ((row?.edges as EdgeTuple[]) ?? []).map(
    ([source, type, target, position, about]): GraphEdgeRow => ({
      id: `${source}|${type}|${target}`,
      source,
      target,
      type,
      // An author's weight on a paper falls with their position (first author 1, second ½, …).
      weight: type === 'AUTHORED' ? 1 / ((position ?? 0) + 1) : 1,
      topicSource: about?.[0] ?? null,
      confidence: about?.[1] ?? null,
    }),
  );
  return {
    nodes: (row?.nodes as GraphNodeRow[]) ?? [],
    edges,
    truncated: (row?.truncated as boolean) ?? false,
  };
}
