import type { CountedPaper } from './api.js';
import { escapeHtml } from './html.js';
import { type MapPaper, NEW_COLOR, NO_YEAR_COLOR, OLD_COLOR, type SimilarityMapModel } from './map-model.js';

export type MapTab = 'similar' | 'prior' | 'derivative';

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

/** One row of the ranked list: the title opens that paper's own map; the reasons say why it is here. */
function similarRow(p: MapPaper, rank: number): string {
  const facts = [
    p.year ?? 'no year',
    `cited by ${p.citedBy} in the graph`,
    `score ${fmt(p.score ?? 0)}`,
    ...(p.crossSection ? ['other section'] : []),
  ];
  return `<li class="map-row${p.crossSection ? ' cross' : ''}" data-node="${escapeHtml(p.id)}" data-rank="${rank}">
    <span class="map-dot" style="background:${p.color}"></span><button type="button" class="linklike" data-open-map="${escapeHtml(p.id)}">${escapeHtml(p.title)}</button>
    <span class="map-facts">${escapeHtml(facts.join(' · '))}</span>
    <small class="map-reasons">${p.reasons.map(escapeHtml).join('; ') || 'no reason given'}</small></li>`;
}

function countedRow(p: CountedPaper, what: string): string {
  return `<li class="map-row" data-node="${escapeHtml(p.id)}"><button type="button" class="linklike" data-open-map="${escapeHtml(p.id)}">${escapeHtml(p.title)}</button>
    <span class="map-facts">${escapeHtml(`${p.year ?? 'no year'} · ${what} ${p.count} paper${p.count === 1 ? '' : 's'} of the map`)}</span></li>`;
}

/** The panel beside the map: the paper, tabs (prior and derivative works only when citations exist) and the list. */
export function renderMapPanel(m: SimilarityMapModel, tab: MapTab): string {
  const tabs: Array<[MapTab, string, number]> = [
    ['similar', 'Similar papers', m.related.length],
    ...(m.priorWorks.length
      ? [['prior', 'Prior works', m.priorWorks.length] as [MapTab, string, number]]
      : []),
    ...(m.derivativeWorks.length
      ? [['derivative', 'Derivative works', m.derivativeWorks.length] as [MapTab, string, number]]
      : []),
  ];
  const rows =
    tab === 'prior'
      ? m.priorWorks.map((p) => countedRow(p, 'cited by'))
      : tab === 'derivative'
        ? m.derivativeWorks.map((p) => countedRow(p, 'cites'))
        : m.related.map((p, i) => similarRow(p, i + 1));
  return `
    <h2 id="panel-title">Similarity map: ${escapeHtml(m.origin.title)}</h2>
    <p>${m.origin.year ?? 'No year'} · the ${m.related.length} most related papers, best first.
      ${m.priorWorks.length || m.derivativeWorks.length ? '' : 'No citations among them in this graph, so no prior or derivative works.'}</p>
    <p><button type="button" id="map-details" data-node="${escapeHtml(m.origin.id)}">Details and neighbourhood</button>
       <button type="button" id="map-close">Back to the graph</button></p>
    <div role="tablist" aria-label="Lists of the map">${tabs
      .map(
        ([id, name, n]) =>
          `<button type="button" role="tab" data-tab="${id}" aria-selected="${id === tab}">${name} (${n})</button>`,
      )
      .join(' ')}</div>
    <ol id="map-list" data-tab="${tab}">${rows.join('')}</ol>`;
}

/** The legend above the map: the year range as a gradient and what node size means. */
export function renderMapLegend(m: SimilarityMapModel): string {
  const years = m.years
    ? `<span id="map-years">${m.years.min}</span> <span class="map-gradient" style="background:linear-gradient(90deg, ${OLD_COLOR}, ${NEW_COLOR})"></span> <span>${m.years.max}</span>`
    : 'no years';
  return `<span>Colour: year ${years} <span class="swatch" style="background:${NO_YEAR_COLOR}"></span>no year</span>
    <span>Size: ${m.sizeBy === 'citations' ? 'citations in the graph' : 'links on the map (no paper here is cited in the graph)'}</span>
    <span><span class="swatch origin-swatch"></span>the paper itself</span>`;
}
