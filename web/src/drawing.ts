import cytoscape, { type Core } from 'cytoscape';
import { type Element, NODE_STYLE, type NodeType } from './graph-model.js';

/** Creates the Cytoscape canvas with one colour and shape per node type. */
export function createDrawing(container: HTMLElement): Core {
  const typeStyles = (Object.keys(NODE_STYLE) as NodeType[]).map((t) => ({
    selector: `node[type = "${t}"]`,
    style: { 'background-color': NODE_STYLE[t].color, shape: NODE_STYLE[t].shape as never },
  }));
  return cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 18,
          height: 18,
          color: '#111827',
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'min-zoomed-font-size': 7,
        },
      },
      ...typeStyles,
      {
        selector: 'edge',
        style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'haystack', opacity: 0.8 },
      },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
      {
        selector: '.related',
        style: { 'border-width': 4, 'border-color': '#facc15', width: 26, height: 26 },
      },
      { selector: '.related.cross', style: { 'border-color': '#dc2626' } },
      {
        selector: '.path',
        style: { 'border-width': 4, 'border-color': '#0ea5e9', 'line-color': '#0ea5e9', width: 3 },
      },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
}

/** Above this many nodes the force-directed layout (quadratic per iteration) gives way to rings by degree. */
export const FORCE_LAYOUT_MAX = 600;

/** Adds elements and lays the drawing out again: force-directed (cose) up to a few hundred nodes, concentric by degree above. */
export function addElements(cy: Core, elements: Element[]): void {
  if (!elements.length) return;
  cy.add(elements as never);
  const big = cy.nodes().length > FORCE_LAYOUT_MAX;
  const options = big
    ? {
        name: 'concentric',
        fit: true,
        padding: 30,
        animate: false,
        minNodeSpacing: 4,
        concentric: (n: { degree(): number }) => n.degree(),
        levelWidth: () => 2,
      }
    : {
        name: 'cose',
        animate: false,
        fit: true,
        padding: 30,
        randomize: false,
        nodeRepulsion: () => 8000,
        idealEdgeLength: () => 60,
        numIter: 1000,
      };
  cy.layout(options as never).run();
}
