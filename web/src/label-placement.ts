/** Pure label placement: which labels fit on screen without touching another. No DOM. */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface LabelCandidate {
  id: string;
  box: Box;
  /** The selected node's label: may cover other nodes (never another label). */
  pinned?: boolean;
}

export const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const inside = (a: Box, b: Box) => a.x1 >= b.x1 && a.y1 >= b.y1 && a.x2 <= b.x2 && a.y2 <= b.y2;

/**
 * Greedy placement in priority order (the caller sorts: selected, marked, then important first):
 * a label is kept when it lies inside the view, clears every label kept before it by `gap` pixels
 * and covers no node but its own (`obstacles`, keyed by node id). Greedy is what map tools do at
 * this size; it is O(n·(kept + nodes)), a few milliseconds for a thousand nodes.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  view: Box,
  obstacles: LabelCandidate[] = [],
  gap = 2,
): Set<string> {
  const kept: Box[] = [];
  const ids = new Set<string>();
  for (const c of candidates) {
    const padded = { x1: c.box.x1 - gap, y1: c.box.y1 - gap, x2: c.box.x2 + gap, y2: c.box.y2 + gap };
    // Inside by the gap too: the box is measured with canvas text metrics, Cytoscape draws with its own.
    if (!inside(padded, view) || kept.some((k) => overlaps(padded, k))) continue;
    if (!c.pinned && obstacles.some((o) => o.id !== c.id && overlaps(c.box, o.box))) continue;
    kept.push(c.box);
    ids.add(c.id);
  }
  return ids;
}
