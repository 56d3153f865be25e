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
import { LIMITS } from '../../limits.js';
import { dedupeById, MAX_AUTHORS, MAX_TITLE, plausibleYear } from '../entry-record.js';
import { readLink } from '../links.js';
import { optimizerRef, optimizersInTitle } from '../optimizers.js';
import type { AuthorRecord, PaperRecord, ParsedList, ParseWarning, VenueKind } from '../records.js';
import { kindByWords, parseVenue } from '../venue.js';
import type { FieldProblem } from './json-items.js';
import { boundAbstract, boundedId, cutLongWords, head, n } from './work-limits.js';

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
  /** Position of the record in its file, from 1, for warnings; the collector counts when not given. */
  index?: number;
  /** The record's own id in its file (an OpenAlex id, a CSL id), for warnings. */
  key?: string | null;
  /** Fields of the wrong shape the reader dropped (readShape): each a warning, or the skip's reason. */
  problems?: FieldProblem[];
}

/** A paper, with what was dropped or cut on the way (warnings without the record's name). */
export type WorkResult = { ok: true; paper: PaperRecord; warnings: string[] } | { ok: false; reason: string };

/** The fields of a record the reader could not read at all (not an object): skipped for `problems`. */
export function unreadableWork(line: number, problems: FieldProblem[], index?: number): WorkFields {
  const none = {
    title: null,
    authors: [],
    authorsComplete: true,
    year: null,
    venueName: null,
    venueKind: null,
  };
  return { ...none, line, index, problems };
}

const problemText = (p: FieldProblem) => (p.path ? `${p.path} ${p.message}` : `the record ${p.message}`);
/** A wrong-typed value here leaves the record without a title: the problem is why it is skipped. */
const TITLE_PATHS = new Set(['', 'title', 'display_name']);

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
  if (!title) {
    const why = f.problems?.find((p) => TITLE_PATHS.has(p.path));
    return { ok: false, reason: why ? problemText(why) : 'it has no title' };
  }
  if (title.length > MAX_TITLE)
    return {
      ok: false,
      reason: `the title is ${n(title.length)} characters, over the limit of ${MAX_TITLE}`,
    };
  const warnings = (f.problems ?? []).map(problemText);
  const warn = (m: string) => warnings.push(m);
  const { authors, complete } = readAuthors(f, warn);
  const urls = f.urls ?? [];
  const doi = boundedId(
    'doi',
    normalizeDoi(f.doi) ?? urls.map((u) => normalizeDoi(u)).find(Boolean) ?? null,
    warn,
  );
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
  const references = [...new Set(f.references ?? [])];
  const keptReferences = references.filter((r) => r.length <= LIMITS.wordChars);
  if (keptReferences.length < references.length)
    warn(
      `${references.length - keptReferences.length} reference(s) longer than ${LIMITS.wordChars} characters dropped`,
    );
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
      authorsComplete: complete,
      venue,
      venueText: venueName,
      year,
      listedYear: null,
      arxivId,
      doi,
      openreviewId: null,
      openAlexId: normalizeOpenAlexId(f.openAlexId),
      abstract: boundAbstract(text(f.abstract), warn),
      keywords: [
        ...new Set(
          (f.keywords ?? []).flatMap((k) => {
            const t = text(k);
            return t ? [cutLongWords(t, 'keywords', warn)] : [];
          }),
        ),
      ],
      globalCitationCount: f.globalCitationCount ?? null,
      otherIds: f.otherIds ?? [],
      references: keptReferences,
      links: [...new Map(links.map((l) => [l.url, l])).values()],
      notes: [],
      optimizers: optimizersInTitle(title).map((n) => optimizerRef(n, 'title')),
      sectionCode: null,
      order: 0,
      line: f.line,
    },
    warnings,
  };
}

/**
 * The authors within the limits: a name longer than LIMITS.nameChars is dropped (it is not a
 * name, and Author.name is indexed); a list longer than the limit keeps its first authors and
 * says it is incomplete.
 */
function readAuthors(f: WorkFields, warn: (m: string) => void) {
  const names = f.authors.flatMap((a, i) => {
    const name = text(a.name);
    if (name && name.length > LIMITS.nameChars) {
      warn(
        `author ${i + 1}: a name of ${n(name.length)} characters, over the limit of ${LIMITS.nameChars}, dropped`,
      );
      return [];
    }
    return name ? [{ ...a, name }] : [];
  });
  if (names.length > MAX_AUTHORS)
    warn(
      `${n(names.length - MAX_AUTHORS)} of ${n(names.length)} authors dropped: the limit is ${MAX_AUTHORS} a paper`,
    );
  const authors: AuthorRecord[] = dedupeById(
    names.slice(0, MAX_AUTHORS).map((a) => ({
      id: authorId(a.name),
      name: a.name,
      orcid: normalizeOrcid(a.orcid),
      openAlexId: normalizeOpenAlexId(a.openAlexId),
    })),
  );
  return { authors, complete: f.authorsComplete && names.length <= MAX_AUTHORS };
}

/** "record 3 (W123)", "record 4 (\"Adam: a method…\")": a record as warnings name it. */
function recordLabel(index: number, f: WorkFields): string {
  if (f.key) return `record ${index} (${head(f.key, 60)})`;
  const title = text(f.title?.slice(0, 200));
  if (!title) return `record ${index}`;
  return `record ${index} ("${title.length > 60 ? `${head(title, 57)}…` : title}")`;
}

/** A record's warnings listed one by one; past this many, the rest are counted in one more. */
const WARNINGS_PER_RECORD = 5;

/** Gathers works into the parsed shape the loader takes (no sections), numbering them in file order. */
export class WorkCollector {
  readonly papers: PaperRecord[] = [];
  readonly warnings: ParseWarning[] = [];
  readonly skipped: Record<string, number> = {};
  entries = 0;

  /** `before`: records read before this collector's first (earlier batches of a stream), for their numbers. */
  constructor(private readonly before = 0) {}

  add(f: WorkFields): void {
    this.entries++;
    const label = recordLabel(f.index ?? this.before + this.entries, f);
    const r = workToPaper(f);
    if (!r.ok) {
      this.warn(f.line, `${label}: skipped: ${r.reason}`);
      return;
    }
    for (const w of r.warnings.slice(0, WARNINGS_PER_RECORD)) this.warn(f.line, `${label}: ${w}`);
    const more = r.warnings.length - WARNINGS_PER_RECORD;
    if (more > 0) this.warn(f.line, `${label}: and ${more} more problem(s)`);
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
