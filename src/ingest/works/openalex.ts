import { normalizeArxivId } from '../../domain/normalize.js';
import type { VenueKind } from '../records.js';
import { referenceKey } from './references.js';
import type { WorkFields } from './work-record.js';

/** The parts of an OpenAlex Work object we read (see docs.openalex.org, "Work object"). */
interface OpenAlexSource {
  id?: string | null;
  display_name?: string | null;
  type?: string | null;
}
interface OpenAlexLocation {
  landing_page_url?: string | null;
  pdf_url?: string | null;
  source?: OpenAlexSource | null;
}
export interface OpenAlexWork {
  id?: string;
  doi?: string | null;
  title?: string | null;
  display_name?: string | null;
  publication_year?: number | null;
  type?: string | null;
  ids?: Record<string, string | number | null | undefined>;
  primary_location?: OpenAlexLocation | null;
  /** The shape before primary_location (deprecated, still in older snapshots and saved files). */
  host_venue?: (OpenAlexSource & { url?: string | null }) | null;
  locations?: OpenAlexLocation[] | null;
  authorships?: Array<{
    author_position?: string;
    author?: { id?: string | null; display_name?: string | null; orcid?: string | null } | null;
    raw_author_name?: string | null;
  }> | null;
  abstract_inverted_index?: Record<string, number[]> | null;
  referenced_works?: string[] | null;
  concepts?: Array<{ display_name?: string }> | null;
  topics?: Array<{ display_name?: string }> | null;
  keywords?: Array<{ display_name?: string; keyword?: string }> | null;
  cited_by_count?: number | null;
}

/** The text of an abstract_inverted_index: every word put back at each of its positions. */
export function rebuildAbstract(index: Record<string, number[]> | null | undefined): string | null {
  if (!index || typeof index !== 'object') return null;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) if (Number.isInteger(p) && p >= 0 && p < 100_000) words[p] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || null;
}

const KIND: Record<string, VenueKind> = {
  journal: 'JOURNAL',
  conference: 'CONFERENCE',
  repository: 'PREPRINT',
};

/** OpenAlex names arXiv's repository "arXiv (Cornell University)": the series is arXiv. */
const venueName = (s: OpenAlexSource | null | undefined) =>
  s?.display_name && /^arxiv\b/i.test(s.display_name) ? 'arXiv' : (s?.display_name ?? null);

/** A work's fields from one OpenAlex Work object (the current shape and the older host_venue one). */
export function openAlexWork(w: OpenAlexWork, line: number): WorkFields {
  const source = w.primary_location?.source ?? w.host_venue ?? null;
  const locations = [w.primary_location, ...(w.locations ?? [])].filter((l): l is OpenAlexLocation => !!l);
  const urls = locations.flatMap((l) => [l.landing_page_url, l.pdf_url]).filter((u): u is string => !!u);
  // An arXiv landing page (or pdf) among the locations gives the arXiv id.
  const arxivId =
    urls.map((u) => (/arxiv\.org\//i.test(u) ? normalizeArxivId(u) : null)).find(Boolean) ?? null;
  const authorships = Array.isArray(w.authorships) ? w.authorships : [];
  const otherIds = Object.entries(w.ids ?? {}).flatMap(([k, v]) =>
    ['openalex', 'doi'].includes(k) || v === null || v === undefined
      ? []
      : // "https://pubmed.ncbi.nlm.nih.gov/29456894" → "pmid:29456894"
        [`${k}:${String(v).split('/').filter(Boolean).pop()}`],
  );
  const keywords = [
    ...(w.keywords ?? []).map((k) => k.display_name ?? k.keyword),
    ...(w.topics ?? []).map((t) => t.display_name),
    ...(w.concepts ?? []).map((c) => c.display_name),
  ].filter((k): k is string => !!k);
  return {
    title: w.title ?? w.display_name ?? null,
    authors: authorships.flatMap((a) => {
      const name = a.author?.display_name ?? a.raw_author_name;
      return name ? [{ name, orcid: a.author?.orcid ?? null, openAlexId: a.author?.id ?? null }] : [];
    }),
    // OpenAlex lists at most the first 100 authors of a work.
    authorsComplete: authorships.length < 100,
    year: typeof w.publication_year === 'number' ? w.publication_year : null,
    venueName: venueName(source),
    venueKind: (source?.type && KIND[source.type]) || (w.type === 'preprint' ? 'PREPRINT' : null),
    doi: w.doi ?? (w.ids?.doi ? String(w.ids.doi) : null),
    arxivId,
    openAlexId: w.id ?? (w.ids?.openalex ? String(w.ids.openalex) : null),
    urls,
    abstract: rebuildAbstract(w.abstract_inverted_index),
    keywords,
    globalCitationCount: typeof w.cited_by_count === 'number' ? w.cited_by_count : null,
    otherIds,
    references: (w.referenced_works ?? []).map((r) => referenceKey(r)).filter((k): k is string => !!k),
    line,
  };
}
