import type { Details, TopicAssignment } from './api.js';
import { formatConfidence } from './graph-model.js';
import { escapeHtml } from './html.js';

const nodeLink = (id: string, label: string) =>
  `<button class="linklike" data-node="${escapeHtml(id)}">${escapeHtml(label)}</button>`;

/** The side panel's HTML for one node; ids become buttons that select that node. */
export function renderDetails(d: Details): string {
  if (d.__typename === 'Paper' && 'authors' in d) {
    return `
      <h2 id="panel-title">${escapeHtml(d.title)}</h2>
      <p>${d.venue ? escapeHtml(d.venue.name) : 'No venue'}${d.year ? `, ${d.year}` : ''}</p>
      <h2>Authors</h2>
      <ol id="panel-authors">${d.authors.map((a) => `<li>${nodeLink(a.id, a.name)}</li>`).join('')}</ol>
      <p>Sections: ${d.sections.map((s) => escapeHtml(`${s.code} ${s.title}`)).join('; ') || '—'}</p>
      ${renderTopics(d.topicAssignments)}
      <p>Optimizers: ${d.optimizers.map((o) => escapeHtml(o.name)).join(', ') || '—'}</p>
      ${d.links.length ? `<h2>Links</h2><ul>${d.links.map((l) => `<li><a href="${escapeHtml(l.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(l.label)}</a></li>`).join('')}</ul>` : ''}
      <p><button id="related-btn" type="button" aria-pressed="false">Show related work</button>
         <button id="map-btn" type="button">Similarity map</button></p>
      <div id="related-list"></div>
      <h2>BibTeX <button id="copy-bibtex" type="button">Copy</button></h2>
      <pre id="bibtex">${escapeHtml(d.bibtex)}</pre>`;
  }
  if (d.__typename === 'Author' && 'coAuthors' in d) {
    return `
      <h2 id="panel-title">${escapeHtml(d.name)}</h2>
      <p><button id="path-from" type="button">Start a collaboration path here</button>
         <button id="path-to" type="button">Path from the start to here</button></p>
      <h2>Papers (${d.papers.totalCount})</h2>
      <ul>${d.papers.edges.map((e) => `<li>${nodeLink(e.node.id, e.node.title)}${e.node.year ? ` (${e.node.year})` : ''}</li>`).join('')}</ul>
      <h2>Co-authors</h2>
      <ul id="panel-coauthors">${d.coAuthors.map((c) => `<li>${nodeLink(c.author.id, c.author.name)} — ${c.sharedPapers} shared</li>`).join('') || '<li>none</li>'}</ul>`;
  }
  const name = 'name' in d && d.name ? d.name : 'code' in d && d.code ? `${d.code} ${d.title ?? ''}` : d.id;
  const extra = 'kind' in d && d.kind ? d.kind : 'facet' in d && d.facet ? d.facet : '';
  return `<h2 id="panel-title">${escapeHtml(String(name))}</h2><p>${escapeHtml(d.__typename)} ${escapeHtml(String(extra))}</p>`;
}

/**
 * A paper's topics, stated ones (its list's section, a manual assignment) apart from inferred
 * ones with their confidence: "Topics: A, B · inferred: C (0.72)". What decided an inferred one
 * is its tooltip.
 */
function renderTopics(assignments: TopicAssignment[]): string {
  const stated = assignments.filter((a) => a.source !== 'INFERRED');
  const inferred = assignments
    .filter((a) => a.source === 'INFERRED')
    .sort((a, b) => b.confidence - a.confidence);
  const statedHtml = stated.length
    ? `<span id="panel-topics-stated">${stated
        .map((a) => `<span class="topic" data-source="${a.source}">${escapeHtml(a.topic.name)}</span>`)
        .join(', ')}</span>`
    : '—';
  const inferredHtml = inferred.length
    ? ` · <span class="inferred-topics">inferred: <span id="panel-topics-inferred">${inferred
        .map((a) => {
          const why = a.evidence.length ? ` title="${escapeHtml(`Evidence: ${a.evidence.join('; ')}`)}"` : '';
          return `<span class="topic inferred" data-source="INFERRED" data-confidence="${a.confidence}"${why}>${escapeHtml(a.topic.name)} (${formatConfidence(a.confidence)})</span>`;
        })
        .join(', ')}</span></span>`
    : '';
  return `<p id="panel-topics">Topics: ${statedHtml}${inferredHtml}</p>`;
}

/** A ranked related-work list; papers in other sections are marked. */
export function renderRelated(
  hits: Array<{
    score: number;
    reasons: string[];
    crossSection: boolean;
    paper: { id: string; title: string };
  }>,
): string {
  if (!hits.length) return '<p>No related papers found.</p>';
  return `<ol id="related-items">${hits
    .map(
      (h) =>
        `<li${h.crossSection ? ' class="cross" data-cross="true"' : ''}>${nodeLink(h.paper.id, h.paper.title)} — ${h.score}${h.crossSection ? ' (other section)' : ''}<br><small>${h.reasons.map(escapeHtml).join('; ')}</small></li>`,
    )
    .join('')}</ol>`;
}
