import {
  arxivYear,
  authorId,
  cleanText,
  normalizeArxivId,
  normalizeDoi,
  normalizeOpenAlexId,
  normalizeOrcid,
  paperId,
  venueId,
} from '../../domain/normalize.js';
import { dedupeById, MAX_AUTHORS, MAX_TITLE, plausibleYear } from '../entry-record.js';
import { readLink } from '../links.js';
import { optimizerRef, optimizersInTitle } from '../optimizers.js';
import type { AuthorRecord, PaperRecord, ParsedList, ParseWarning, VenueKind } from '../records.js';
import { kindByWords, parseVenue } from '../venue.js';

/** One work as a bibliographic source gives it, before ids and venue are worked out. */
export interface WorkFields {
  title: string | null | undefined;
  authors: Array<{ name: string; orcid?: string | null; openAlexId?: string | null }>;
  /** False for "and others", or an author list the source cut short. */
  authorsComplete: boolean;
  year: number | null;
  /** Journal, proceedings or source name as written. */
  venueName: string | null;
  /** What the entry type says of the venue, when it says something. */
  venueKind: VenueKind | null;
  doi?: string | null;
  arxivId?: string | null;
  openAlexId?: string | null;
  urls?: string[];
  abstract?: string | null;
  keywords?: string[];
  globalCitationCount?: number | null;
  otherIds?: string[];
  references?: string[];
  line: number;
}

export type WorkResult = { ok: true; paper: PaperRecord } | { ok: false; reason: string };

const text = (s: string | null | undefined) => {
  // "{\"\i}" decodes to a dotless i and a combining diaeresis, which NFC does not join: write ï.
  const t = cleanText((s ?? '').replace(/ı(?=\p{M})/gu, 'i'));
  return t || null;
};

/**
 * The venue of a proceedings or journal name. DBLP writes "3rd International Conference on
 * Learning Representations, ICLR 2015, San Diego, CA, USA…": when the whole is not a known
 * series, the first comma-separated part that is ("ICLR 2015") names it.
 */
function readVenue(name: string) {
  const whole = parseVenue(name);
  if (whole.known) return whole;
  for (const part of name.split(',')) {
    const p = parseVenue(part);
    if (p.known && p.venue?.id !== 'venue:arxiv') return { ...p, year: p.year ?? whole.year };
  }
  return whole;
}

/** A paper record from one work of a bibliographic source, or why it cannot be one. */
export function workToPaper(f: WorkFields): WorkResult {
  const title = text(f.title)?.replace(/[\s.]+$/, '') ?? null;
  if (!title) return { ok: false, reason: 'it has no title' };
  if (title.length > MAX_TITLE)
    return { ok: false, reason: `the title is longer than ${MAX_TITLE} characters` };
  const names = f.authors.flatMap((a) => {
    const name = text(a.name);
    return name ? [{ ...a, name }] : [];
  });
  // A list longer than the limit keeps its first authors and says it is incomplete.
  const authors: AuthorRecord[] = dedupeById(
    names.slice(0, MAX_AUTHORS).map((a) => ({
      id: authorId(a.name),
      name: a.name,
      orcid: normalizeOrcid(a.orcid),
      openAlexId: normalizeOpenAlexId(a.openAlexId),
    })),
  );
  const urls = f.urls ?? [];
  const doi = normalizeDoi(f.doi) ?? urls.map((u) => normalizeDoi(u)).find(Boolean) ?? null;
  const arxivId =
    normalizeArxivId(f.arxivId) ??
    urls.map((u) => normalizeArxivId(u)).find(Boolean) ??
    // DataCite gives arXiv papers DOIs of the form 10.48550/arXiv.1412.6980.
    (doi ? normalizeArxivId(/^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1]) : null);
  const parsed = f.venueName ? readVenue(f.venueName) : null;
  const venueName = text(f.venueName);
  let venue = parsed?.venue ?? null;
  // A series the catalogue does not know takes its kind from what the source says it is.
  if (venue && !parsed?.known && f.venueKind) venue = { ...venue, kind: f.venueKind };
  if (!venue && venueName)
    venue = { id: venueId(venueName), name: venueName, kind: f.venueKind ?? kindByWords(venueName) };
  if (!venue && arxivId) venue = parseVenue('arXiv').venue;
  const year =
    plausibleYear(f.year) ?? plausibleYear(parsed?.year ?? null) ?? (arxivId ? arxivYear(arxivId) : null);
  const links = urls.flatMap((u) => {
    const l = readLink('', u);
    return l ? [l] : [];
  });
  return {
    ok: true,
    paper: {
      id: paperId(title),
      title,
      authors,
      authorsComplete: f.authorsComplete && names.length <= MAX_AUTHORS,
      venue,
      venueText: venueName,
      year,
      listedYear: null,
      arxivId,
      doi,
      openreviewId: null,
      openAlexId: normalizeOpenAlexId(f.openAlexId),
      abstract: text(f.abstract),
      keywords: [...new Set((f.keywords ?? []).map((k) => text(k)).filter((k): k is string => !!k))],
      globalCitationCount: f.globalCitationCount ?? null,
      otherIds: f.otherIds ?? [],
      references: [...new Set(f.references ?? [])],
      links: [...new Map(links.map((l) => [l.url, l])).values()],
      notes: [],
      optimizers: optimizersInTitle(title).map((n) => optimizerRef(n, 'title')),
      sectionCode: null,
      order: 0,
      line: f.line,
    },
  };
}

/** Gathers works into the parsed shape the loader takes (no sections), numbering them in file order. */
export class WorkCollector {
  readonly papers: PaperRecord[] = [];
  readonly warnings: ParseWarning[] = [];
  readonly skipped: Record<string, number> = {};
  entries = 0;

  add(f: WorkFields): void {
    this.entries++;
    const r = workToPaper(f);
    if (!r.ok) {
      this.warn(f.line, `skipped: ${r.reason}`);
      return;
    }
    this.papers.push({ ...r.paper, order: this.papers.length });
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  result(title: string | null = null): ParsedList {
    return {
      title,
      sections: [],
      papers: this.papers,
      warnings: this.warnings,
      notices: [],
      skipped: this.skipped,
      entries: this.entries,
    };
  }
}
