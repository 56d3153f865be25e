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
      style: { 'text-valign': 'top', 'text-margin-y': () => -MARGIN / cy().zoom() },
    },
  ] as StylesheetJson;
}

/** Where a node's label would be drawn, in rendered pixels: under a node, above a group. */
function labelBox(n: NodeSingular): Box {
  const w = textWidth(String(n.data('label') ?? ''));
  const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
  const cx = (bb.x1 + bb.x2) / 2;
  // Cytoscape pads a label's box by a pixel or two beyond the text: a little slack each side.
  const half = w / 2 + 2;
  if (n.isParent()) return { x1: cx - half, x2: cx + half, y1: bb.y1 - MARGIN - LINE - 1, y2: bb.y1 };
  return { x1: cx - half, x2: cx + half, y1: bb.y2, y2: bb.y2 + MARGIN + LINE + 1 };
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
  const candidates: LabelCandidate[] = nodes.map((n) => ({
    id: n.id(),
    box: labelBox(n),
    pinned: rank(n) >= PINNED,
  }));
  // Labels may not cover other nodes (a group's box is not an obstacle: its members' labels sit inside it).
  const obstacles = cy
    .nodes(':visible:childless')
    .map((n) => ({ id: n.id(), box: n.renderedBoundingBox({ includeLabels: false }) }));
  const keep = placeLabels(candidates, view, obstacles);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('labelled', keep.has(n.id()));
    });
    // Font sizes depend on the zoom: Cytoscape recomputes function-valued styles only when asked.
    (cy.nodes() as unknown as { updateStyle(): void }).updateStyle();
  });
  // Cytoscape keeps a node's bounding box (label included) cached across a change of label; without
  // this, boundingBox() and fit() would still see the labels as they were.
  (cy.nodes() as unknown as { dirtyBoundingBoxCache(): void }).dirtyBoundingBoxCache();
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
