import type { Core, NodeSingular, StylesheetJson } from 'cytoscape';
import { type Box, type LabelCandidate, placeLabels } from './label-placement.js';

/** Labels are drawn at one screen size whatever the zoom: their font is this many pixels over the zoom. */
export const LABEL_PX = 11;
export const LABEL_FONT = 'system-ui, sans-serif';
const LINE = LABEL_PX * 1.3;
const MARGIN = 3;
/** A rank at or above this (the selected paper) keeps its label even over other nodes. */
export const PINNED = 1e9;

let ctx: CanvasRenderingContext2D | null = null;
function textWidth(text: string): number {
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * LABEL_PX * 0.6;
  ctx.font = `${LABEL_PX}px ${LABEL_FONT}`;
  return ctx.measureText(text).width;
}

/** The Cytoscape style that goes with fitLabels: no label unless placed, a constant screen size. */
export function labelStyle(cy: () => Core): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: '',
        'font-family': LABEL_FONT,
        'font-size': () => LABEL_PX / cy().zoom(),
        'text-valign': 'bottom',
        'text-margin-y': () => MARGIN / cy().zoom(),
        'text-wrap': 'none',
        color: '#111827',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
      },
    },
    { selector: 'node.labelled', style: { label: 'data(label)' } },
    {
      selector: 'node:parent',
      style: {
        'text-valign': 'top',
        'text-margin-y': () => -MARGIN / cy().zoom(),
        // A group's box must not grow when a member's label appears: placement measures it first,
        // and fit() would otherwise leave a group partly outside once the labels are shown.
        'compound-sizing-wrt-labels': 'exclude',
      },
    },
  ] as StylesheetJson;
}

type Bounds = Box & { w: number; h: number };
const LABEL_ONLY = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  includeOverlays: false,
  includeUnderlays: false,
};

/** Where a node's label would be drawn, in rendered pixels, when the renderer cannot say: under a node, above a group. */
function estimatedLabelBox(n: NodeSingular): Box {
  const w = textWidth(String(n.data('label') ?? ''));
  const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
  const cx = (bb.x1 + bb.x2) / 2;
  const half = w / 2 + 2;
  if (n.isParent()) return { x1: cx - half, x2: cx + half, y1: bb.y1 - MARGIN - LINE - 1, y2: bb.y1 };
  return { x1: cx - half, x2: cx + half, y1: bb.y2, y2: bb.y2 + MARGIN + LINE + 1 };
}

/** Cytoscape caches a node's bounding box (label included) across a change of label and style. */
function refreshStyle(cy: Core, change: () => void) {
  cy.batch(() => {
    change();
    // Font sizes depend on the zoom: Cytoscape recomputes function-valued styles only when asked.
    (cy.nodes() as unknown as { updateStyle(): void }).updateStyle();
  });
  (cy.nodes() as unknown as { dirtyBoundingBoxCache(): void }).dirtyBoundingBoxCache();
}

/**
 * Shows the labels that fit: visible nodes in `rank` order (higher first), each label kept only
 * when it clears the labels kept before it and lies inside the view. Run after every layout, zoom,
 * pan and change of marks.
 */
export function fitLabels(cy: Core, rank: (n: NodeSingular) => number): number {
  const view = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  const nodes = cy
    .nodes()
    .filter((n) => n.visible() && Boolean(n.data('label')))
    .toArray() as NodeSingular[];
  nodes.sort((a, b) => rank(b) - rank(a));
  // Every candidate's label is switched on and measured by Cytoscape itself: a box estimated with
  // our own text metrics was off by a few pixels (the font is scaled by the zoom), enough to overlap.
  const candidateIds = new Set(nodes.map((n) => n.id()));
  refreshStyle(cy, () => {
    cy.nodes().forEach((n) => {
      n.toggleClass('labelled', candidateIds.has(n.id()));
    });
  });
  const candidates: LabelCandidate[] = nodes.map((n) => {
    const b = n.renderedBoundingBox(LABEL_ONLY) as Bounds;
    return {
      id: n.id(),
      box: b.w > 0 && b.h > 0 ? { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } : estimatedLabelBox(n),
      pinned: rank(n) >= PINNED,
    };
  });
  // Labels may not cover other nodes (a group's box is not an obstacle: its members' labels sit inside it).
  const obstacles = cy
    .nodes(':visible:childless')
    .map((n) => ({ id: n.id(), box: n.renderedBoundingBox({ includeLabels: false }) }));
  const keep = placeLabels(candidates, view, obstacles);
  refreshStyle(cy, () => {
    cy.nodes().forEach((n) => {
      n.toggleClass('labelled', keep.has(n.id()));
    });
  });
  // Counted so a client (and the browser tests) can tell a placement after a zoom has happened.
  cy.scratch('labelRuns', ((cy.scratch('labelRuns') as number | undefined) ?? 0) + 1);
  return keep.size;
}

/** Relabels after the view stops moving (pan and zoom fire many events; placement once is enough). */
export function relabelOnViewport(cy: Core, rank: (n: NodeSingular) => number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fitLabels(cy, rank), 60);
  };
  cy.on('viewport resize', run);
  return run;
}
