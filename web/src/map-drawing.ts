import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { shorten } from './graph-model.js';
import { fitLabels, labelStyle, PINNED, relabelOnViewport } from './labels.js';
import type { MapPaper, SimilarityMapModel } from './map-model.js';

/** The similarity map's canvas: node size and colour come from the model, edges fade with similarity. */
export function createMapDrawing(container: HTMLElement): Core {
  const cy: Core = cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      ...labelStyle(() => cy),
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(color)',
          'border-width': 1,
          'border-color': '#1e293b',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 'mapData(weight, 0, 3, 0.5, 4)',
          'line-color': '#94a3b8',
          opacity: 'mapData(weight, 0, 3, 0.25, 0.8)' as never,
          'curve-style': 'haystack',
        },
      },
      { selector: 'node.origin', style: { 'border-width': 5, 'border-color': '#f59e0b' } },
      { selector: 'node.hover', style: { 'border-width': 4, 'border-color': '#dc2626', 'z-index': 10 } },
      { selector: 'edge.hover', style: { 'line-color': '#dc2626', opacity: 1 } },
      { selector: 'node.faded', style: { opacity: 0.35 } },
    ],
  });
  relabelOnViewport(cy, mapRank);
  return cy;
}

/** Labels on the map: the paper itself first, then by rank (the element order is the ranking). */
const mapRank = (n: NodeSingular) => (n.hasClass('origin') || n.hasClass('hover') ? PINNED : -n.data('rank'));

/**
 * Positions by ForceAtlas2 with similarity as the edge weight (more similar, closer), started from
 * a ring in rank order so the same map always comes out the same, then spread so no discs overlap.
 */
export function similarityLayout(model: SimilarityMapModel): Map<string, { x: number; y: number }> {
  const g = new Graph();
  const all = [model.origin, ...model.related];
  all.forEach((p, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, all.length - 1);
    const r = i === 0 ? 0 : 100;
    g.addNode(p.id, { x: r * Math.cos(a), y: r * Math.sin(a), size: p.size / 2 });
  });
  for (const e of model.edges) g.mergeEdge(e.source, e.target, { weight: e.weight });
  forceAtlas2.assign(g, {
    iterations: 400,
    settings: { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 1, gravity: 1, scalingRatio: 20 },
  });
  noverlap.assign(g, { maxIterations: 200, settings: { margin: 8, ratio: 1.2 } });
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((id, a) => {
    out.set(id, { x: a.x as number, y: a.y as number });
  });
  return out;
}

/** Replaces what the map shows; fits it to the canvas and places the labels that fit. */
export function drawMap(cy: Core, model: SimilarityMapModel): void {
  const pos = similarityLayout(model);
  const node = (p: MapPaper, rank: number) => ({
    group: 'nodes' as const,
    data: {
      id: p.id,
      label: shorten(p.title, 32),
      size: p.size,
      color: p.color,
      year: p.year ?? '',
      rank,
    },
    classes: p.origin ? 'origin' : '',
    position: pos.get(p.id) ?? { x: 0, y: 0 },
  });
  cy.elements().remove();
  cy.add([
    node(model.origin, 0),
    ...model.related.map((p, i) => node(p, i + 1)),
    ...model.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: `${e.source}~${e.target}`, source: e.source, target: e.target, weight: e.weight },
    })),
  ]);
  cy.resize();
  cy.fit(undefined, 50);
  fitLabels(cy, mapRank);
}

/** Marks one paper and its similarity edges (hover in the list or on the map), or none. */
export function hoverPaper(cy: Core, id: string | null): void {
  cy.batch(() => {
    cy.elements().removeClass('hover faded');
    if (!id) return;
    const n = cy.getElementById(id);
    if (n.empty()) return;
    n.addClass('hover');
    n.connectedEdges().addClass('hover');
    cy.nodes().difference(n.closedNeighborhood().nodes()).addClass('faded');
  });
  fitLabels(cy, mapRank);
}
