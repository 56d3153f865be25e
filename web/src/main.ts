import type { Core, NodeSingular } from 'cytoscape';
import * as api from './api.js';
import { addElements, createDrawing, fitView, overviewRank } from './drawing.js';
import { type GraphView, NODE_STYLE, type NodeType, toElements, toGraphML } from './graph-model.js';
import { escapeHtml } from './html.js';
import { wireImport } from './import-drop.js';
import { fitLabels } from './labels.js';
import { LARGE_VIEW_MIN, LargeView } from './large-view.js';
import { MapView } from './map-view.js';
import { renderDetails, renderRelated } from './panel.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const cy: Core = createDrawing($('cy'));
const params = new URLSearchParams(location.search);
let pathStart: string | null = null;
const hiddenTypes = new Set<NodeType>();
let allowedPapers: Set<string> | null = null;
let hiddenFacetTopics = new Set<string>();
/** The sources the List filter offers (with their sections), once the filter options have loaded. */
let lists: api.ListOption[] = [];
/** The filter controls; Clear empties them all. */
const FILTER_IDS = ['f-list', 'f-section', 'f-optimizer', 'f-facet', 'f-from', 'f-to'];
/** The overview starts with the best-connected nodes; "Show more" doubles it up to the API's 2,000. */
const OVERVIEW_START = 150;
let overviewLimit = Math.min(Number(params.get('limit') ?? OVERVIEW_START) || OVERVIEW_START, 2000);
/** The minConfidence control: inferred topics below it are not drawn nor listed (stated ones always are). */
const confidenceInput = $<HTMLInputElement>('f-confidence');
const sharedConfidence = params.get('minConfidence')?.trim();
// A shared view (?minConfidence=0.3) opens with its threshold.
if (sharedConfidence && Number(sharedConfidence) >= 0 && Number(sharedConfidence) <= 1) {
  confidenceInput.value = String(Number(sharedConfidence));
}
/** The control's threshold, 0..1; undefined (the API's default) while it holds no number. */
function minConfidence(): number | undefined {
  const v = confidenceInput.valueAsNumber;
  return Number.isNaN(v) ? undefined : Math.min(1, Math.max(0, v));
}

const mapView = new MapView({
  panel: $('panel'),
  area: $('map-area'),
  canvas: $('map'),
  legend: $('map-legend'),
  status,
  leave: (id) => {
    mapView.close();
    if (id) void select(id);
    else fitView(cy);
  },
});

/** Big views go to WebGL: while `large.sigma` is set, the Cytoscape canvas is empty and hidden. */
const large = new LargeView($('large'));
large.onSelect = (id) => void select(id);
const isLarge = () => large.sigma !== null;

/** What the explorer exposes for tests and scripts: timings, the current selection and the canvases. */
const state = {
  renderMs: 0,
  nodeCount: 0,
  selected: null as string | null,
  cy,
  map: mapView.cy,
  large,
  openMap: (id: string) => mapView.open(id),
  /** Draws a view through the same path as a big API answer (the 20,000-node test uses it). */
  drawLarge: (view: GraphView, layoutMs?: number) => showLarge(view, layoutMs),
  /** One pan/zoom step of whichever canvas is showing. */
  zoomBy(factor: number) {
    if (isLarge()) large.moves?.zoom(factor);
    else cy.zoom(cy.zoom() * factor);
  },
  panBy(dx: number, dy: number) {
    if (isLarge()) large.moves?.pan(dx, dy);
    else cy.panBy({ x: dx, y: dy });
  },
};
(window as unknown as { __explorer: typeof state }).__explorer = state;

function status(text: string) {
  $('status').textContent = text;
}

/** Everything drawn, as the API's GraphView shape (for JSON and GraphML export). */
function currentView(): GraphView {
  if (isLarge()) return large.view();
  return {
    nodes: cy
      .nodes()
      .map((n) => ({ id: n.id(), type: n.data('type'), label: n.data('full') ?? n.data('label') })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.data('source'),
      target: e.data('target'),
      type: e.data('type'),
      weight: e.data('weight'),
      topicSource: e.data('topicSource') ?? null,
      confidence: e.data('confidence') ?? null,
    })),
  };
}

/** Fetches a neighbourhood and merges it into the drawing. */
async function expand(focus: string[], depth: number, limit: number) {
  const present = new Set(cy.elements().map((e) => e.id()));
  const view = await api.fetchGraph(focus, depth, limit, minConfidence());
  if (isLarge()) {
    large.add(view);
    state.nodeCount = large.graph.order;
    listNodes();
    return;
  }
  if (present.size + view.nodes.filter((n) => !present.has(n.id)).length > LARGE_VIEW_MIN) {
    const drawn = currentView();
    return showLarge({ nodes: [...drawn.nodes, ...view.nodes], edges: [...drawn.edges, ...view.edges] });
  }
  addElements(cy, toElements(view, present));
  applyFilters();
  state.nodeCount = cy.nodes().length;
  listNodes();
  status(`${cy.nodes().length} nodes, ${cy.edges().length} edges${view.truncated ? ' (limited)' : ''}`);
}

/** Moves to the WebGL view: Cytoscape is emptied and hidden, sigma draws `view` (first frame awaited). */
async function showLarge(view: GraphView, layoutMs?: number) {
  cy.elements().remove();
  $('cy').hidden = true;
  $('large').hidden = false;
  applyFilters(); // before the drawing: sigma takes the filter with its first frame
  await large.draw(view, layoutMs);
  state.nodeCount = large.graph.order;
  listNodes();
  status(`${large.graph.order} nodes, ${large.graph.size} edges (WebGL; the layout runs for a few seconds)`);
}

/** The drawing as text, for people who cannot use the canvas: the first 300 nodes in view, as buttons. */
function listNodes() {
  const nodes = isLarge()
    ? large.graph
        .mapNodes((id, a) => ({
          id,
          type: a.kind as NodeType,
          label: a.full as string,
          degree: large.graph.degree(id),
        }))
        .sort((a, b) => b.degree - a.degree)
    : cy
        .nodes()
        .filter((n) => !n.hasClass('hidden'))
        .map((n) => ({
          id: n.id(),
          type: n.data('type') as NodeType,
          label: String(n.data('full') ?? n.id()),
        }));
  const items = nodes
    .slice(0, 300)
    .map(
      (n) =>
        `<li><button class="linklike" data-node="${escapeHtml(n.id)}">${NODE_STYLE[n.type].name}: ${escapeHtml(n.label)}</button></li>`,
    );
  const list = $('node-list');
  list.innerHTML = items.join('');
  for (const b of list.querySelectorAll<HTMLButtonElement>('[data-node]')) {
    b.addEventListener('click', () => void select(b.dataset.node as string));
  }
}

/** Selects a node: neighbourhood expanded, details in the panel, focus kept in the URL. */
async function select(id: string) {
  state.selected = id;
  const url = new URL(location.href);
  url.searchParams.set('focus', id);
  history.replaceState(null, '', url);
  cy.elements().removeClass('related cross path');
  if (mapView.model) mapView.close();
  if (isLarge()) large.highlight(id);
  else await expand([id], 1, 150);
  cy.$(':selected').unselect();
  const node = cy.getElementById(id);
  if (node.nonempty()) {
    node.select();
    // Focus fits the node's neighbourhood to the canvas, so none of it is cut off at an edge.
    fitView(cy, node.closedNeighborhood().filter(':visible'));
  }
  await showDetails(id);
  $('panel').focus();
}

/** The panel for a node (a paper's inferred topics at the current minConfidence). */
async function showDetails(id: string) {
  const d = await api.details(id, minConfidence());
  const panel = $('panel');
  panel.innerHTML = d ? renderDetails(d) : `<p>Nothing has the id ${id}.</p>`;
  wirePanel(id);
}

/**
 * A new minConfidence: the inferred topics now below it leave the drawing (with a topic left
 * unconnected), the view is asked again with it (bringing in those now above it), and the
 * panel's topics follow.
 */
async function refreshConfidence() {
  const min = minConfidence();
  const url = new URL(location.href);
  if (min === undefined) url.searchParams.delete('minConfidence');
  else url.searchParams.set('minConfidence', String(min));
  history.replaceState(null, '', url);
  if (min !== undefined) {
    if (isLarge()) large.dropInferredBelow(min);
    else {
      const gone = cy.edges('.inferred').filter((e) => Number(e.data('confidence')) < min);
      const ends = gone.targets();
      cy.remove(gone);
      cy.remove(ends.filter((t) => t.degree(false) === 0 && t.id() !== state.selected));
    }
  }
  if (mapView.model) return;
  const id = state.selected;
  await expand(id ? [id] : [], id ? 1 : 0, id ? 150 : overviewLimit);
  if (!id) return;
  const node = cy.getElementById(id);
  if (node.selected()) node.connectedEdges('.inferred').addClass('captioned');
  // Only a paper's panel lists topics (redrawing another would drop its related-work list).
  if (node.data('type') === 'PAPER' || id.startsWith('paper:')) await showDetails(id);
}

function wirePanel(id: string) {
  const panel = $('panel');
  for (const b of panel.querySelectorAll<HTMLButtonElement>('[data-node]')) {
    b.addEventListener('click', () => void select(b.dataset.node as string));
  }
  $('copy-bibtex')?.addEventListener('click', () => {
    void navigator.clipboard?.writeText($('bibtex').textContent ?? '');
    status('BibTeX copied.');
  });
  $('related-btn')?.addEventListener('click', () => void showRelated(id));
  $('map-btn')?.addEventListener('click', () => void mapView.open(id));
  $('path-from')?.addEventListener('click', () => {
    pathStart = id;
    status('Path start set; select another author and choose "Path from the start to here".');
  });
  $('path-to')?.addEventListener('click', () => void showPath(id));
}

/** Highlights the ranked related papers, marking those in other sections. */
async function showRelated(paperId: string) {
  const hits = await api.relatedWork(paperId);
  await expand(
    hits.map((h) => h.paper.id),
    0,
    50,
  );
  cy.elements().removeClass('related cross');
  for (const h of hits) {
    const n = cy.getElementById(h.paper.id);
    n.addClass('related');
    if (h.crossSection) n.addClass('cross');
  }
  $('related-list').innerHTML = renderRelated(hits);
  $('related-btn').setAttribute('aria-pressed', 'true');
  for (const b of $('related-list').querySelectorAll<HTMLButtonElement>('[data-node]')) {
    b.addEventListener('click', () => void select(b.dataset.node as string));
  }
  fitLabels(cy, overviewRank);
  if (isLarge())
    large.highlight(
      paperId,
      hits.map((h) => h.paper.id),
    );
  status(`${hits.length} related papers; red rings are in other sections.`);
}

async function showPath(to: string) {
  if (!pathStart) return status('Choose "Start a collaboration path here" on another author first.');
  const path = await api.collaborationPath(pathStart, to);
  if (!path) return status('No collaboration path within 6 links.');
  const ids = [...path.authors.map((a) => a.id), ...path.links.flatMap((l) => l.papers.map((p) => p.id))];
  await expand(ids, 0, 100);
  cy.elements().removeClass('path');
  const wanted = new Set(ids);
  const nodes = cy.nodes().filter((n) => wanted.has(n.id()));
  nodes.addClass('path');
  nodes.edgesWith(nodes).addClass('path');
  fitView(cy, nodes);
  status(`Path: ${path.authors.map((a) => a.name).join(' → ')}`);
}

/** Hides nodes by type (legend), by facet (topics) and by the paper filter (list, section, optimizer, years). */
function applyFilters() {
  large.setHidden(
    (id, type) =>
      hiddenTypes.has(type) ||
      (type === 'PAPER' && allowedPapers !== null && !allowedPapers.has(id)) ||
      (type === 'TOPIC' && hiddenFacetTopics.has(id)),
  );
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      const type = n.data('type') as NodeType;
      const hide =
        hiddenTypes.has(type) ||
        (type === 'PAPER' && allowedPapers !== null && !allowedPapers.has(n.id())) ||
        (type === 'TOPIC' && hiddenFacetTopics.has(n.id()));
      // A group cannot be hidden without its members: it becomes an empty frame instead.
      n.toggleClass('ghost', hide && n.isParent());
      n.toggleClass('hidden', hide && !n.isParent());
    });
  });
  fitLabels(cy, overviewRank);
}

async function refreshPaperFilter() {
  const f: Record<string, unknown> = {};
  const list = $<HTMLSelectElement>('f-list').value;
  const section = $<HTMLSelectElement>('f-section').value;
  const optimizer = $<HTMLSelectElement>('f-optimizer').value;
  const from = $<HTMLInputElement>('f-from').valueAsNumber;
  const to = $<HTMLInputElement>('f-to').valueAsNumber;
  if (list) f.listId = list;
  if (section) f.sectionCode = section;
  if (optimizer) f.optimizer = optimizer;
  if (!Number.isNaN(from)) f.yearFrom = from;
  if (!Number.isNaN(to)) f.yearTo = to;
  allowedPapers = Object.keys(f).length ? await api.filteredPaperIds(f) : null;
  // A list or section is shown, not only kept: its papers (the newest 100, as many as one graph
  // request may focus on) are drawn when the overview had not drawn them.
  if (allowedPapers && (list || section)) await expand([...allowedPapers].slice(0, 100), 0, 100);
  const facet = $<HTMLSelectElement>('f-facet').value;
  hiddenFacetTopics = new Set();
  if (facet) {
    const topics = await api.gql<{ topics: Array<{ id: string; facet: string }> }>('{ topics { id facet } }');
    hiddenFacetTopics = new Set(topics.topics.filter((t) => t.facet !== facet).map((t) => t.id));
  }
  applyFilters();
}

function buildLegend() {
  const legend = $('legend');
  legend.innerHTML = `<h2>Legend</h2>${(Object.keys(NODE_STYLE) as NodeType[])
    .map(
      (t) =>
        `<label><input type="checkbox" data-type="${t}" checked /> <span class="swatch" style="background:${NODE_STYLE[t].color}"></span>${NODE_STYLE[t].name} (${NODE_STYLE[t].shape})</label>`,
    )
    .join(
      '',
    )}<p><span class="edge-swatch"></span>stated topic <span class="edge-swatch inferred"></span>inferred topic (its confidence under the pointer)</p><p><span class="swatch" style="background:#facc15"></span>related <span class="swatch" style="background:#dc2626"></span>related, other section <span class="swatch" style="background:#0ea5e9"></span>path</p>`;
  for (const box of legend.querySelectorAll<HTMLInputElement>('input[data-type]')) {
    box.addEventListener('change', () => {
      const t = box.dataset.type as NodeType;
      if (box.checked) hiddenTypes.delete(t);
      else hiddenTypes.add(t);
      applyFilters();
    });
  }
}

/** The Section options: the chosen list's sections, or every list's (one per code) when none is chosen. */
function fillSectionOptions() {
  const listId = $<HTMLSelectElement>('f-list').value;
  const chosen = lists.filter((l) => !listId || l.id === listId);
  const sections = chosen.flatMap((l) => l.sections.flatMap((s) => [s, ...s.children]));
  const select = $<HTMLSelectElement>('f-section');
  select.innerHTML = `<option value="">any</option>${[...new Map(sections.map((s) => [s.code, s])).values()]
    .map((s) => `<option value="${escapeHtml(s.code)}">${escapeHtml(`${s.code} ${s.title}`)}</option>`)
    .join('')}`;
  // A BibTeX, CSL-JSON or OpenAlex file has no sections to narrow by.
  select.disabled = sections.length === 0;
}

async function fillFilterOptions() {
  const o = await api.filterOptions();
  lists = o.lists;
  $('f-list').insertAdjacentHTML(
    'beforeend',
    lists
      .map(
        (l) =>
          `<option value="${escapeHtml(l.id)}">${escapeHtml(`${l.title ?? l.name} (${l.format}, ${l.entryCount} papers)`)}</option>`,
      )
      .join(''),
  );
  fillSectionOptions();
  $('f-optimizer').insertAdjacentHTML(
    'beforeend',
    o.optimizers.map((x) => `<option>${x.name}</option>`).join(''),
  );
}

function download(name: string, type: string, data: string | Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function wireControls() {
  $('search-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = $<HTMLInputElement>('search').value.trim();
    const list = $('search-results');
    list.innerHTML = '';
    if (!q) return;
    const hits = await api.search(q);
    list.innerHTML = hits.length
      ? hits
          .map(
            (h) =>
              `<li><button type="button" data-node="${h.node.id}">${h.node.__typename}: ${(h.node.title ?? h.node.name ?? h.node.id).replace(/</g, '&lt;')}</button></li>`,
          )
          .join('')
      : '<li><button type="button" disabled>No matches</button></li>';
    for (const b of list.querySelectorAll<HTMLButtonElement>('[data-node]')) {
      b.addEventListener('click', () => {
        list.innerHTML = '';
        void select(b.dataset.node as string);
      });
    }
    list.querySelector<HTMLButtonElement>('button')?.focus();
  });
  // Another list offers other sections: the section chosen in the last one is dropped.
  $('f-list').addEventListener('change', fillSectionOptions);
  for (const id of FILTER_IDS) {
    $(id).addEventListener('change', () => void refreshPaperFilter());
  }
  $('f-clear').addEventListener('click', () => {
    for (const id of FILTER_IDS) ($(id) as HTMLInputElement).value = '';
    fillSectionOptions();
    void refreshPaperFilter();
    if (confidenceInput.value !== confidenceInput.defaultValue) {
      confidenceInput.value = confidenceInput.defaultValue;
      void refreshConfidence();
    }
  });
  // 'change', not 'input': one request when the value is settled (typed, or a step of the arrows).
  confidenceInput.addEventListener('change', () => void refreshConfidence());
  $('export-png').addEventListener('click', () =>
    isLarge()
      ? status('PNG export draws the canvas view; for the WebGL view, export JSON or GraphML.')
      : download(
          'paper-graph.png',
          'image/png',
          cy.png({ full: true, output: 'blob', bg: '#ffffff' }) as unknown as Blob,
        ),
  );
  $('export-json').addEventListener('click', () =>
    download('paper-graph.json', 'application/json', JSON.stringify(currentView(), null, 2)),
  );
  $('export-graphml').addEventListener('click', () =>
    download('paper-graph.graphml', 'application/graphml+xml', toGraphML(currentView())),
  );
  cy.on('tap', 'node', (ev) => void select(ev.target.id()));
  $('show-more').addEventListener('click', async () => {
    overviewLimit = Math.min(overviewLimit * 2, 2000);
    await expand([], 0, overviewLimit);
    $('show-more').hidden = overviewLimit >= 2000;
  });
}

/** Redraws what changed when a mutation commits (graphChanged over server-sent events). */
function listenForChanges() {
  const source = new EventSource('/graphql?query=subscription%7BgraphChanged%7Bkind%20ids%7D%7D');
  source.addEventListener('next', (ev) => {
    const change = JSON.parse((ev as MessageEvent).data).data?.graphChanged as
      | { kind: string; ids: string[] }
      | undefined;
    if (!change) return;
    if (mapView.model) {
      void mapView
        .open(mapView.model.origin.id)
        .then(() => status(`Live update: ${change.kind.toLowerCase().replace('_', ' ')}`));
      return;
    }
    if (change.kind === 'PAPER_DELETED') cy.remove(cy.nodes().filter((n) => change.ids.includes(n.id())));
    const focus = change.ids.filter((i) => i.startsWith('paper:') || i.startsWith('author:'));
    void expand(focus.length ? focus : state.selected ? [state.selected] : [], 1, 150).then(() =>
      status(`Live update: ${change.kind.toLowerCase().replace('_', ' ')}`),
    );
  });
}

async function boot() {
  buildLegend();
  wireControls();
  wireImport({ key: $('import-key'), file: $('import-file'), preview: $('import-preview'), status });
  const t0 = performance.now();
  const focus = params.get('focus');
  const map = params.get('map');
  await expand(focus ? [focus] : [], focus ? 2 : 0, overviewLimit);
  state.renderMs = performance.now() - t0;
  document.body.dataset.rendered = 'true';
  if (map) await mapView.open(map);
  else if (focus) await select(focus);
  void fillFilterOptions();
  listenForChanges();
}

void boot().catch((err) => status(`Could not load the graph: ${(err as Error).message}`));
