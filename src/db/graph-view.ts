import type { Db } from './driver.js';
import type { NodeType } from './model.js';

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
}
export interface GraphViewRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

const LABELS: NodeType[] = ['Paper', 'Author', 'Venue', 'Topic', 'Section', 'Optimizer', 'List'];

// Nodes are looked up by id through each label's unique index (an unlabelled match would scan).
const BY_IDS = `CALL (ids) {
  ${LABELS.map((l) => `UNWIND ids AS id MATCH (n:${l} {id: id}) RETURN n`).join(' UNION ALL ')}
}`;

const PROJECT = `{id: n.id, type: labels(n)[0],
  label: CASE WHEN n:Section THEN n.code + ' ' + n.title ELSE coalesce(n.title, n.name, n.id) END}`;

/**
 * A drawable neighbourhood: breadth-first from the focus nodes, one query per hop (depth ≤ 3),
 * nodes of the requested types only, at most `limit` nodes; then every edge among them. Without
 * a focus, the best-connected nodes of the requested types.
 */
export async function graphView(
  db: Db,
  focus: string[],
  depth: number,
  types: NodeType[],
  limit: number,
): Promise<GraphViewRow> {
  const seen = new Map<string, GraphNodeRow>();
  let truncated = false;
  if (focus.length === 0) {
    const rows = await db.read(
      `CALL () { ${types.map((l) => `MATCH (n:${l}) RETURN n`).join(' UNION ALL ')} }
       WITH n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT $limit + 1
       RETURN n ${PROJECT} AS node`,
      { limit },
    );
    for (const r of rows.slice(0, limit)) seen.set((r.node as GraphNodeRow).id, r.node as GraphNodeRow);
    truncated = rows.length > limit;
  } else {
    const start = await db.read(`WITH $ids AS ids ${BY_IDS} RETURN n ${PROJECT} AS node`, { ids: focus });
    for (const r of start) seen.set((r.node as GraphNodeRow).id, r.node as GraphNodeRow);
    let frontier = [...seen.keys()];
    for (let d = 0; d < depth && frontier.length && !truncated; d++) {
      const room = limit - seen.size;
      const rows = await db.read(
        `WITH $frontier AS ids ${BY_IDS}
         MATCH (n)--(m) WHERE labels(m)[0] IN $types AND NOT m.id IN $seen
         WITH DISTINCT m AS n ORDER BY COUNT { (n)--() } DESC, n.id LIMIT $room + 1
         RETURN n ${PROJECT} AS node`,
        { frontier, types, seen: [...seen.keys()], room },
      );
      truncated = rows.length > room;
      frontier = [];
      for (const r of rows.slice(0, room)) {
        const node = r.node as GraphNodeRow;
        seen.set(node.id, node);
        frontier.push(node.id);
      }
    }
  }
  const ids = [...seen.keys()];
  const edges = ids.length
    ? await db.read(
        `WITH $ids AS ids ${BY_IDS}
         MATCH (n)-[r]->(m) WHERE m.id IN ids
         RETURN {id: n.id + '|' + type(r) + '|' + m.id, source: n.id, target: m.id, type: type(r),
                 weight: CASE type(r) WHEN 'AUTHORED' THEN 1.0 / (coalesce(r.position, 0) + 1) ELSE 1.0 END} AS edge`,
        { ids },
      )
    : [];
  return { nodes: [...seen.values()], edges: edges.map((e) => e.edge as GraphEdgeRow), truncated };
}
