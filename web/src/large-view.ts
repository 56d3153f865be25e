import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import {
  edgeCaption,
  type GraphView,
  INFERRED_COLOR,
  isInferred,
  NODE_STYLE,
  type NodeType,
  shorten,
} from './graph-model.js';
import { MoveLayer, setCamera } from './move-layer.js';

/**
 * Views with more nodes than this are drawn with WebGL (sigma.js); smaller ones with Cytoscape's
 * canvas, which has the groups, shapes and label placement the overview needs but slows past ~1,000.
 */
export const LARGE_VIEW_MIN = 1000;

/** How long ForceAtlas2 runs in its worker before it stops by itself (the view is usable meanwhile). */
const LAYOUT_MS = 10_000;
/** How often the layout's progress is drawn. */
const SYNC_MS = 2_000;

/** A stable pseudo-random number in [0, 1) from an id: the same graph always starts the same way. */
function hash01(s: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

/**
 * The WebGL view of a big graph: graphology holds it, sigma draws it, ForceAtlas2 lays it out in a
 * web worker (a blob worker, allowed by the page's `worker-src 'self' blob:`), so the first
 * drawing does not wait for the layout and pan and zoom stay smooth while it runs.
 */
export class LargeView {
  readonly graph = new Graph({ multi: false, type: 'directed' });
  sigma: Sigma | null = null;
  /** Pan and zoom: a transform of the drawn picture, redrawn once the view is still. */
  moves: MoveLayer | null = null;
  private layout: FA2Layout | null = null;
  private layoutGraph: Graph | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private syncTimer: ReturnType<typeof setInterval> | undefined;
  private hidden: (id: string, type: NodeType) => boolean = () => false;
  private focus: Set<string> | null = null;
  onSelect: (id: string) => void = () => {};

  constructor(private container: HTMLElement) {}

  get layoutRunning(): boolean {
    return this.layout !== null;
  }

  /** Replaces the drawing with `view`; resolves once the first frame is on screen. */
  async draw(view: GraphView, layoutMs = LAYOUT_MS): Promise<void> {
    this.clear();
    this.add(view);
    this.sigma = new Sigma(this.graph, this.container, {
      // Pan and zoom are the MoveLayer's (a CSS transform of the drawing while the view moves).
      enableCameraPanning: false,
      enableCameraZooming: false,
      // Nothing moves the camera step by step (a focus jumps there: one drawing, not one per step),
      // so nothing is hidden "on move" (sigma would re-index the whole graph after each drag).
      hideEdgesOnMove: false,
      hideLabelsOnMove: false,
      labelDensity: 0.5,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      defaultEdgeColor: '#cbd5e1',
      zIndex: true,
      nodeReducer: (id, attrs) => {
        const out = { ...attrs };
        if (this.hidden(id, attrs.kind as NodeType)) out.hidden = true;
        if (this.focus && !this.focus.has(id)) {
          out.color = '#e5e7eb';
          out.label = null;
          out.zIndex = 0;
        } else if (this.focus) out.zIndex = 1;
        return out;
      },
      edgeReducer: (id, attrs) =>
        this.focus && !this.focus.has(this.graph.source(id)) ? { ...attrs, hidden: true } : attrs,
    });
    this.sigma.on('clickNode', ({ node }) => this.onSelect(node));
    this.moves = new MoveLayer(this.sigma, this.container);
    // Sigma renders inside its constructor and hands the drawing to WebGL; it is on screen once the
    // browser produces the frames after it (with software WebGL that waits for the rasterising).
    for (let i = 0; i < 2; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
    this.startLayout(layoutMs);
  }

  /** Merges nodes and edges in; new nodes start at a stable spot in a disc around the centre. */
  add(view: GraphView): void {
    const g = this.graph;
    const r = Math.sqrt(view.nodes.length + g.order) * 10;
    for (const n of view.nodes) {
      if (g.hasNode(n.id)) continue;
      const a = 2 * Math.PI * hash01(n.id, 1);
      const d = r * Math.sqrt(hash01(n.id, 2));
      g.addNode(n.id, {
        x: d * Math.cos(a),
        y: d * Math.sin(a),
        // Not `type`: sigma reads that attribute as the name of the program that draws the node.
        kind: n.type,
        label: shorten(n.label, 40),
        full: n.label,
        color: NODE_STYLE[n.type]?.color ?? '#6b7280',
        size: 2,
      });
    }
    for (const e of view.edges) {
      if (g.hasEdge(e.id) || !g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.source, e.target))
        continue;
      g.addEdgeWithKey(e.id, e.source, e.target, {
        type: 'line',
        relType: e.type,
        weight: e.weight,
        size: 0.5,
        topicSource: e.topicSource ?? null,
        confidence: e.confidence ?? null,
        // WebGL draws no dashes: an inferred topic is told apart by its colour (and its caption).
        ...(isInferred(e) ? { color: INFERRED_COLOR, label: edgeCaption(e) } : {}),
      });
    }
    // Size by degree, by area: the hubs stand out and get the labels first.
    let max = 1;
    g.forEachNode((id) => {
      max = Math.max(max, g.degree(id));
    });
    g.forEachNode((id) => {
      g.setNodeAttribute(id, 'size', 2 + 10 * Math.sqrt(g.degree(id) / max));
    });
    this.nearHubs(new Set(view.nodes.map((n) => n.id)));
  }

  /**
   * Starts each new node beside its best-connected neighbour already placed, hubs first: edges
   * start short, so the first frames are readable and cheap to fill (a random start draws 60,000
   * edges across the whole canvas, which software WebGL fills slowly), and ForceAtlas2 has less to do.
   */
  private nearHubs(fresh: Set<string>): void {
    const g = this.graph;
    const order = [...fresh].sort((a, b) => g.degree(b) - g.degree(a));
    const placed = new Set<string>(g.filterNodes((id) => !fresh.has(id)));
    for (const id of order) {
      let anchor: string | null = null;
      g.forEachNeighbor(id, (m) => {
        if (placed.has(m) && (anchor === null || g.degree(m) > g.degree(anchor))) anchor = m;
      });
      if (anchor !== null) {
        const p = g.getNodeAttributes(anchor);
        const a = 2 * Math.PI * hash01(id, 3);
        const d = 3 + 6 * hash01(id, 4);
        g.mergeNodeAttributes(id, {
          x: (p.x as number) + d * Math.cos(a),
          y: (p.y as number) + d * Math.sin(a),
        });
      }
      placed.add(id);
    }
  }

  /**
   * Runs ForceAtlas2 in its worker for at most `ms` on a copy of the graph, and copies the positions
   * into the drawn graph every SYNC_MS. Not on the drawn graph itself: the worker reports after each
   * iteration, and re-indexing 20,000 nodes in sigma that often would take the main thread whole.
   */
  startLayout(ms = LAYOUT_MS): void {
    this.stopLayout();
    if (ms <= 0 || this.graph.order === 0) return;
    const copy = this.graph.copy();
    this.layoutGraph = copy;
    this.layout = new FA2Layout(copy, {
      settings: { ...forceAtlas2.inferSettings(copy), barnesHutOptimize: copy.order > 500 },
    });
    this.layout.start();
    this.syncTimer = setInterval(() => this.syncPositions(), SYNC_MS);
    this.stopTimer = setTimeout(() => this.stopLayout(), ms);
  }

  /** Stops the layout, keeping where it got to. */
  stopLayout(): void {
    clearTimeout(this.stopTimer);
    clearInterval(this.syncTimer);
    if (this.layout) {
      this.layout.kill();
      this.syncPositions();
    }
    this.layout = null;
    this.layoutGraph = null;
  }

  private syncPositions(): void {
    const from = this.layoutGraph;
    if (!from) return;
    this.graph.updateEachNodeAttributes(
      (id, a) => {
        if (!from.hasNode(id)) return a;
        const p = from.getNodeAttributes(id);
        return { ...a, x: p.x, y: p.y };
      },
      { attributes: ['x', 'y'] },
    );
  }

  /** Hides nodes by a predicate (the legend's types and the filters), then redraws. */
  setHidden(hidden: (id: string, type: NodeType) => boolean): void {
    this.hidden = hidden;
    this.sigma?.refresh({ skipIndexation: true });
  }

  /** Greys out everything but a node, its neighbours and `also` (or shows all again), and centres it. */
  highlight(id: string | null, also: string[] = []): void {
    if (!id || !this.graph.hasNode(id)) {
      this.focus = null;
    } else {
      this.focus = new Set([id, ...this.graph.neighbors(id), ...also]);
      this.moves?.settle();
      const p = this.sigma?.getNodeDisplayData(id);
      if (p && this.sigma) setCamera(this.sigma, { x: p.x, y: p.y, ratio: 0.3 });
    }
    this.sigma?.refresh({ skipIndexation: true });
  }

  /** The drawing as the API's GraphView shape (for the exports and the text list). */
  view(): GraphView {
    const g = this.graph;
    return {
      nodes: g.mapNodes((id, a) => ({ id, type: a.kind as NodeType, label: a.full as string })),
      edges: g.mapEdges((id, a, source, target) => ({
        id,
        source,
        target,
        type: a.relType as string,
        weight: a.weight as number,
        topicSource: (a.topicSource as string | null) ?? null,
        confidence: (a.confidence as number | null) ?? null,
      })),
    };
  }

  /** Drops the inferred topic edges below `min` (a stricter minConfidence); returns how many. */
  dropInferredBelow(min: number): number {
    const g = this.graph;
    const drop = g.filterEdges(
      (_id, a) => a.relType === 'ABOUT' && a.topicSource === 'INFERRED' && (a.confidence as number) < min,
    );
    for (const id of drop) g.dropEdge(id);
    return drop.length;
  }

  clear(): void {
    this.stopLayout();
    this.moves?.kill();
    this.moves = null;
    this.sigma?.kill();
    this.sigma = null;
    this.focus = null;
    this.graph.clear();
  }
}
