import { escapeHtml } from './html.js';

/** Pure "API result → drawable elements" helpers: no DOM, no drawing, unit-tested on their own. */

export type NodeType = 'PAPER' | 'AUTHOR' | 'VENUE' | 'TOPIC' | 'SECTION' | 'OPTIMIZER';

export interface GraphNode {
  id: string;
  type: NodeType;
  label: string;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  /** Of an ABOUT edge: SECTION, INFERRED or MANUAL (null or absent for other relationships). */
  topicSource?: string | null;
  /** Of an ABOUT edge: its confidence, 1 for stated ones (null or absent for other relationships). */
  confidence?: number | null;
}
export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** How each node type is drawn; the legend is built from the same table. */
export const NODE_STYLE: Record<NodeType, { color: string; shape: string; name: string }> = {
  PAPER: { color: '#2563eb', shape: 'round-rectangle', name: 'Paper' },
  AUTHOR: { color: '#16a34a', shape: 'ellipse', name: 'Author' },
  VENUE: { color: '#9333ea', shape: 'diamond', name: 'Venue' },
  TOPIC: { color: '#ea580c', shape: 'hexagon', name: 'Topic' },
  SECTION: { color: '#0f766e', shape: 'rectangle', name: 'Section' },
  OPTIMIZER: { color: '#be123c', shape: 'star', name: 'Optimizer' },
};

export interface Element {
  group: 'nodes' | 'edges';
  data: Record<string, string | number>;
  classes?: string;
}

/** The line colour of an inferred topic assignment (a light shade of the topics' orange). */
export const INFERRED_COLOR = '#fdba74';

/** An inferred topic assignment (drawn dashed); stated ones (SECTION, MANUAL) are drawn solid. */
export const isInferred = (e: Pick<GraphEdge, 'type' | 'topicSource'>) =>
  e.type === 'ABOUT' && e.topicSource === 'INFERRED';

/** How an inferred assignment's confidence is written: two decimals ("0.72"). */
export const formatConfidence = (c: number) => c.toFixed(2);

/** The caption of an inferred ABOUT edge ("inferred 0.72"); empty for every other edge. */
export function edgeCaption(e: Pick<GraphEdge, 'type' | 'topicSource' | 'confidence'>): string {
  return isInferred(e) ? `inferred ${formatConfidence(e.confidence ?? 0)}` : '';
}

/** Elements for a graph view, skipping ids already drawn and edges whose ends are not both present. */
export function toElements(view: GraphView, present: ReadonlySet<string> = new Set()): Element[] {
  const ids = new Set([...present, ...view.nodes.map((n) => n.id)]);
  const nodes = view.nodes
    .filter((n) => !present.has(n.id))
    .map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, type: n.type, label: shorten(n.label, 30), full: n.label },
    }));
  const edges = view.edges
    .filter((e) => !present.has(e.id) && ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const data: Element['data'] = {
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        weight: e.weight,
      };
      if (e.topicSource) data.topicSource = e.topicSource;
      if (e.confidence != null) data.confidence = e.confidence;
      if (!isInferred(e)) return { group: 'edges' as const, data };
      return { group: 'edges' as const, data: { ...data, caption: edgeCaption(e) }, classes: 'inferred' };
    });
  return [...nodes, ...edges];
}

export function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** GraphML for Gephi and Cytoscape desktop: node type and label, edge type and weight as attributes. */
export function toGraphML(view: GraphView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="rel" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="topicSource" for="edge" attr.name="topicSource" attr.type="string"/>',
    '  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '  <graph id="paper-graph" edgedefault="directed">',
    ...view.nodes.map(
      (n) =>
        `    <node id="${escapeHtml(n.id)}"><data key="label">${escapeHtml(n.label)}</data><data key="type">${n.type}</data></node>`,
    ),
    ...view.edges.map(
      (e) =>
        `    <edge id="${escapeHtml(e.id)}" source="${escapeHtml(e.source)}" target="${escapeHtml(e.target)}"><data key="rel">${escapeHtml(e.type)}</data><data key="weight">${e.weight}</data>${aboutData(e)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/** An ABOUT edge's source and confidence as GraphML data (nothing for other edges). */
function aboutData(e: GraphEdge): string {
  const source = e.topicSource ? `<data key="topicSource">${escapeHtml(e.topicSource)}</data>` : '';
  const confidence = e.confidence != null ? `<data key="confidence">${e.confidence}</data>` : '';
  return source + confidence;
}
