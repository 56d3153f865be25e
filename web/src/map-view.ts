import type { Core } from 'cytoscape';
import * as api from './api.js';
import { createMapDrawing, drawMap, hoverPaper } from './map-drawing.js';
import { buildMap, type SimilarityMapModel } from './map-model.js';
import { type MapTab, renderMapLegend, renderMapPanel } from './map-panel.js';

/** How many related papers a map shows (Connected Papers shows 30–40). */
export const MAP_SIZE = 30;

export interface MapHost {
  panel: HTMLElement;
  area: HTMLElement;
  canvas: HTMLElement;
  legend: HTMLElement;
  status(text: string): void;
  /** Leaves the map for the graph, selecting this node (or only leaving). */
  leave(selectId: string | null): void;
}

/** The similarity map view: one Cytoscape canvas, the ranked list in the panel, hover linked both ways. */
export class MapView {
  readonly cy: Core;
  model: SimilarityMapModel | null = null;
  private tab: MapTab = 'similar';

  constructor(private host: MapHost) {
    this.cy = createMapDrawing(host.canvas);
    this.cy.on('mouseover', 'node', (ev) => this.hover(ev.target.id()));
    this.cy.on('mouseout', 'node', () => this.hover(null));
    this.cy.on('tap', 'node', (ev) => this.row(ev.target.id())?.querySelector('button')?.focus());
    this.cy.on('dbltap', 'node', (ev) => void this.open(ev.target.id()));
  }

  /** Fetches and draws the map of one paper; the URL keeps it (`?map=`). */
  async open(paperId: string): Promise<SimilarityMapModel | null> {
    this.host.area.hidden = false;
    this.host.status('Drawing the similarity map…');
    const model = buildMap(await api.similarityMap(paperId, MAP_SIZE));
    this.model = model;
    const url = new URL(location.href);
    url.searchParams.delete('focus');
    url.searchParams.set('map', paperId);
    history.replaceState(null, '', url);
    if (!model) {
      this.host.panel.innerHTML = `<p>No paper has the id ${paperId.replace(/</g, '&lt;')}.</p>`;
      this.cy.elements().remove();
      return null;
    }
    this.tab = 'similar';
    drawMap(this.cy, model);
    this.host.legend.innerHTML = renderMapLegend(model);
    this.renderPanel();
    this.host.status(`Similarity map: ${model.related.length} related papers.`);
    document.body.dataset.map = model.origin.id;
    return model;
  }

  close(): void {
    this.host.area.hidden = true;
    this.model = null;
    delete document.body.dataset.map;
    const url = new URL(location.href);
    url.searchParams.delete('map');
    history.replaceState(null, '', url);
  }

  private row(id: string): HTMLElement | null {
    return this.host.panel.querySelector<HTMLElement>(`#map-list [data-node="${CSS.escape(id)}"]`);
  }

  /** One hover, shown in both places: the node and its edges on the map, the row in the list. */
  private hover(id: string | null): void {
    for (const r of this.host.panel.querySelectorAll('#map-list .hover')) r.classList.remove('hover');
    if (id) this.row(id)?.classList.add('hover');
    hoverPaper(this.cy, id);
  }

  private renderPanel(): void {
    if (!this.model) return;
    const panel = this.host.panel;
    panel.innerHTML = renderMapPanel(this.model, this.tab);
    for (const tab of panel.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
      tab.addEventListener('click', () => {
        this.tab = tab.dataset.tab as MapTab;
        this.renderPanel();
        panel.querySelector<HTMLButtonElement>(`[data-tab="${this.tab}"]`)?.focus();
      });
    }
    for (const li of panel.querySelectorAll<HTMLElement>('#map-list [data-node]')) {
      const id = li.dataset.node as string;
      li.addEventListener('mouseenter', () => this.hover(id));
      li.addEventListener('mouseleave', () => this.hover(null));
      li.addEventListener('focusin', () => this.hover(id));
      li.addEventListener('focusout', () => this.hover(null));
    }
    for (const b of panel.querySelectorAll<HTMLButtonElement>('[data-open-map]')) {
      b.addEventListener('click', () => void this.open(b.dataset.openMap as string));
    }
    panel
      .querySelector('#map-details')
      ?.addEventListener('click', () => this.host.leave(this.model?.origin.id ?? null));
    panel.querySelector('#map-close')?.addEventListener('click', () => this.host.leave(null));
  }
}
