import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { type Element, INFERRED_COLOR, NODE_STYLE, type NodeType } from './graph-model.js';
import { fitLabels, LABEL_FONT, LABEL_PX, labelStyle, PINNED, relabelOnViewport } from './labels.js';

// fCoSE lays out groups (compound nodes) properly, which the built-in cose does not: its groups overlap.
cytoscape.use(fcose);

/** Creates the Cytoscape canvas with one colour and shape per node type, sections drawn as groups. */
export function createDrawing(container: HTMLElement): Core {
  const typeStyles = (Object.keys(NODE_STYLE) as NodeType[]).map((t) => ({
    selector: `node[type = "${t}"]`,
    style: { 'background-color': NODE_STYLE[t].color, shape: NODE_STYLE[t].shape as never },
  }));
  const cy: Core = cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      ...labelStyle(() => cy),
      { selector: 'node', style: { width: 18, height: 18 } },
      ...typeStyles,
      {
        // A section holding its papers (and sub-sections) is a tinted box: the groups of the overview.
        selector: 'node:parent',
        style: {
          shape: 'round-rectangle',
          'background-color': NODE_STYLE.SECTION.color,
          'background-opacity': 0.08,
          'border-width': 1,
          'border-color': NODE_STYLE.SECTION.color,
          padding: '12px',
          color: NODE_STYLE.SECTION.color,
          'font-weight': 'bold',
        },
      },
      {
        selector: 'edge',
        style: { width: 1, 'line-color': '#cbd5e1', 'curve-style': 'haystack', opacity: 0.8 },
      },
      // A topic inferred from the paper's text is dashed; a stated one (section, manual) stays solid.
      {
        selector: 'edge.inferred',
        style: {
          'curve-style': 'straight',
          'line-style': 'dashed',
          'line-dash-pattern': [6, 4],
          'line-color': INFERRED_COLOR,
          width: 1.5,
        },
      },
      // Its confidence ("inferred 0.72") is written on it under the pointer and beside the selected node.
      {
        selector: 'edge.inferred.captioned, edge.inferred.hovered',
        style: {
          label: 'data(caption)',
          'font-family': LABEL_FONT,
          'font-size': () => LABEL_PX / cy.zoom(),
          color: '#9a3412',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      // Membership is shown by the group itself; the edge stays in the data (exports) but is not drawn.
      { selector: 'edge.contained', style: { visibility: 'hidden' } },
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
      // A hidden section that holds papers stays as an invisible frame, so its papers stay visible.
      {
        selector: 'node:parent.ghost',
        style: { 'background-opacity': 0, 'border-width': 0, label: '' },
      },
    ],
  });
  relabelOnViewport(cy, overviewRank);
  wireEdgeCaptions(cy, container);
  return cy;
}

/**
 * Captions of inferred edges: on the edges of the selected node, and under the pointer (also as
 * the canvas's tooltip). Their font keeps one screen size, so it is recomputed after a zoom.
 */
function wireEdgeCaptions(cy: Core, container: HTMLElement): void {
  const refresh = () =>
    (cy.edges('.captioned, .hovered') as unknown as { updateStyle(): void }).updateStyle();
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 60);
  });
  cy.on('select', 'node', (ev) => {
    ev.target.connectedEdges('.inferred').addClass('captioned');
    refresh();
  });
  cy.on('unselect', 'node', (ev) => ev.target.connectedEdges('.inferred').removeClass('captioned'));
  cy.on('mouseover', 'edge.inferred', (ev) => {
    const e = ev.target;
    e.addClass('hovered');
    refresh();
    container.title = `${e.data('caption')}: ${e.source().data('full') ?? e.source().id()} → ${e.target().data('full') ?? e.target().id()}`;
  });
  cy.on('mouseout', 'edge.inferred', (ev) => {
    ev.target.removeClass('hovered');
    container.removeAttribute('title');
  });
}

/**
 * Which labels win when they do not all fit: the selection, then marked nodes (related, path),
 * then the groups, then the best connected.
 */
export function overviewRank(n: NodeSingular): number {
  if (n.selected()) return PINNED;
  if (n.hasClass('related') || n.hasClass('path')) return 1e8 + n.degree(false);
  if (n.isParent()) return 1e7 + n.children().length;
  return n.degree(false);
}

/** Relationships drawn as containment: a paper inside its section, a sub-section inside its parent. */
const GROUPING = new Set(['LISTED_IN', 'SUBSECTION_OF']);

/**
 * Puts each paper in the first of its sections that is drawn (a paper in two sections shows in
 * one; its other LISTED_IN edge stays a line), and each sub-section in its parent.
 */
function groupBySection(cy: Core): void {
  cy.edges().forEach((e) => {
    if (!GROUPING.has(e.data('type'))) return;
    const child = e.source();
    const parent = e.target();
    const current = child.data('parent') as string | undefined;
    if (current === undefined && parent.data('type') === 'SECTION' && !parent.ancestors().contains(child)) {
      child.move({ parent: parent.id() });
    }
    e.toggleClass('contained', child.data('parent') === parent.id());
  });
}

/** Above this many nodes the force-directed layout gives way to rings by degree (fast, but no groups). */
export const FORCE_LAYOUT_MAX = 600;

/** Adds elements and lays the drawing out again (fCoSE up to a few hundred nodes, concentric by degree above), fitted to the canvas. */
export function addElements(cy: Core, elements: Element[]): void {
  if (!elements.length) return;
  cy.add(elements as never);
  groupBySection(cy);
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
        name: 'fcose',
        animate: false,
        fit: true,
        padding: 30,
        randomize: true,
        nodeRepulsion: () => 6000,
        idealEdgeLength: () => 50,
        nestingFactor: 0.3,
        packComponents: true,
      };
  cy.layout(options as never).run();
  fitView(cy);
}

/** Fits what is visible into the canvas (leaving room for labels) and places the labels that fit. */
export function fitView(cy: Core, eles = cy.elements(':visible')): void {
  cy.resize();
  cy.fit(eles, 36);
  fitLabels(cy, overviewRank);
}
