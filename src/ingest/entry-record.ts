import { arxivYear, authorId, cleanText, findArxivId, paperId } from '../domain/normalize.js';
import { LIMITS } from '../limits.js';
import { type AuthorCandidate, bestAuthors, bestYear, type Candidates } from './candidates.js';
import { idsFromLinks } from './links.js';
import { canonicalOptimizer, optimizerRef, optimizersInTitle } from './optimizers.js';
import type { LinkRecord, PaperRecord } from './records.js';
import { type ParsedVenue, parseVenue } from './venue.js';
import { firstGroup, LINK_LABEL_WORDS, PLACEHOLDER_TITLE, rx, TRAILING_DATE } from './vocabulary.js';

export const MAX_TITLE = LIMITS.titleChars;
export const MAX_AUTHORS = LIMITS.authorsPerPaper;

/** What a recogniser found in one entry (a list item or a table row), before ids and fallbacks. */
export interface EntryFields {
  title: string;
  /** Set by resolveFields from the candidates (a table's columns propose like any recogniser). */
  authors: string[];
  authorsComplete: boolean;
  /** The venue as written ("ICML 2018 (Best Paper)"), or null. */
  venueText: string | null;
  /** The year the entry states apart from its venue ("(2015)", "…，2018", a Year column); set by resolveFields. */
  listedYear: number | null;
  /** What the recognisers read for the authors and the year, with where; resolveFields decides. */
  candidates: Candidates;
  links: LinkRecord[];
  notes: string[];
  /** Optimizers the entry names outside its title: a `(***Adam***)` tag or an Optimizer column. */
  optimizers: string[];
  /** Free text that may hold an arXiv id ("arXiv:2003.02395"). */
  context?: string;
}

export type EntryPaper = Omit<PaperRecord, 'sectionCode' | 'order' | 'line'>;

export type EntryResult =
  /** `warning`: the paper was read, but something was cut from it (past a limit); the line is reported. */
  | { ok: true; paper: EntryPaper; warning?: string }
  /** Not a paper, and rightly so: skipped without a warning and counted. */
  | { ok: 'skip'; why: SkipReason }
  | { ok: false; reason: string };

export type SkipReason = 'navigation' | 'links without a title' | 'not a paper';

/** Years a paper can have: anything else in a year position is a typo or not a year. */
export const plausibleYear = (y: number | null) => (y !== null && y >= 1900 && y <= 2100 ? y : null);

/** The one resolve step: the authors and the year from the candidates, by their sources' precedence. */
export function resolveFields(f: EntryFields): AuthorCandidate | null {
  const authors = bestAuthors(f.candidates);
  if (authors) {
    f.authors = authors.value.names;
    f.authorsComplete = authors.value.complete;
  }
  f.listedYear = bestYear(f.candidates);
  return authors;
}

/**
 * Turns recognised fields into a paper record: ids, venue series, identifiers from links, optimizers
 * from tags and titles, and the year from the venue, the list or the arXiv id, in that order.
 */
/**
 * Two works on one line, as reading-group schedules join a session's papers: "Title A + insights
 * from Title B". Each side has three words or more; the first is the entry's title.
 */
const JOINED_TITLES = /^((?:\S+\s+){2,}\S+?)\s+\+\s+((?:\p{Ll}+\s+){0,3}\p{Lu}\S*(?:\s+\S+){2,})$/u;

export function assemblePaper(f: EntryFields): EntryResult {
  const joined = JOINED_TITLES.exec(cleanText(f.title));
  const dated = TRAILING_DATE.exec(cleanText(joined?.[1] ?? f.title));
  const title = cleanText(joined?.[1] ?? f.title)
    .replace(TRAILING_DATE, '')
    // "Benefits of depth in neural networks (PDF)": a link label in brackets is no part of the title.
    .replace(rx('i')`\s*[([]\s*(?:${LINK_LABEL_WORDS.join('|')})\s*[)\]]\s*$`, '')
    .replace(/^[\s"“”'‘’:;,.\-–—]+|[\s"“”:;,.\-–—]+$/g, '');
  if (!title) return { ok: false, reason: 'the title is empty' };
  if (PLACEHOLDER_TITLE.test(title)) return { ok: false, reason: `the title "${title}" is a placeholder` };
  if (title.length > MAX_TITLE)
    return { ok: false, reason: `the title is longer than ${MAX_TITLE} characters` };
  // Past the limit the first authors are kept and the cut is reported, never made silently.
  const dropped = Math.max(0, f.authors.length - MAX_AUTHORS);
  const authors = dropped ? f.authors.slice(0, MAX_AUTHORS) : f.authors;
  const v: ParsedVenue = f.venueText
    ? parseVenue(f.venueText)
    : { venue: null, year: null, arxivId: null, notes: [] };
  const ids = idsFromLinks(f.links);
  const arxivId = v.arxivId ?? ids.arxivId ?? findArxivId(f.context ?? '');
  const venue = v.venue;
  const listedYear = plausibleYear(f.listedYear ?? firstGroup(dated));
  const year = plausibleYear(v.year) ?? listedYear ?? (arxivId ? arxivYear(arxivId) : null);
  const optimizers = dedupeById([
    ...f.optimizers.map((n) => optimizerRef(canonicalOptimizer(cleanText(n)), 'tag' as const)),
    ...optimizersInTitle(title).map((n) => optimizerRef(n, 'title' as const)),
  ]);
  return {
    ok: true,
    paper: {
      id: paperId(title),
      title,
      authors: authors.map((name) => ({ id: authorId(name), name })),
      authorsComplete: f.authorsComplete && !dropped,
      venue,
      venueText: f.venueText ? cleanText(f.venueText) : null,
      year,
      listedYear: listedYear ?? plausibleYear(v.year),
      arxivId,
      doi: ids.doi,
      openreviewId: ids.openreviewId,
      links: dedupeLinks(f.links),
      notes: [...v.notes, ...f.notes, ...(joined ? [`+ ${joined[2]}`] : [])],
      optimizers,
    },
    ...(dropped
      ? {
          warning: `${f.authors.length} authors: the first ${MAX_AUTHORS} are kept and ${dropped} dropped (LIMITS.authorsPerPaper)`,
        }
      : {}),
  };
}

function dedupeLinks(links: LinkRecord[]): LinkRecord[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url) !== undefined);
}

/** Keeps the first of each id (a tag outranks the same name found in the title). */
export function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.id) && seen.add(x.id) !== undefined);
}
