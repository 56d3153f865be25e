import { type Creator, type Entry, parse } from '@retorquere/bibtex-parser';
import { findArxivId, normalizeDoi, paperId } from '../../domain/normalize.js';
import { LIMITS } from '../../limits.js';
import { checkEntryCount } from '../entry-limit.js';
import { MAX_AUTHORS } from '../entry-record.js';
import type { ParsedList, VenueKind } from '../records.js';
import { boundMacros, lineFinder } from './bibtex-macros.js';
import { referenceKey } from './references.js';
import { WorkCollector, type WorkFields } from './work-record.js';

/**
 * BibTeX and BibLaTeX through @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero):
 * it decodes LaTeX accents and commands, @string and month macros, case-protecting braces,
 * comments and @preamble; this module maps its entries to works.
 */
export function parseBibtex(original: string): ParsedList {
  checkEntryCount(countBibtexEntries(original));
  const bounded = boundMacros(original, LIMITS.bibtexValueChars);
  const source = bounded.text;
  const lib = parse(source, {
    // Titles stay as written: no sentence-casing, no case-protection markup.
    english: false,
    sentenceCase: false,
    caseProtection: false,
    unsupported: 'ignore',
  });
  const out = new WorkCollector();
  for (const w of bounded.warnings) out.warn(w.line, w.message);
  const lineAt = lineFinder(source);
  const lineOf = entryLines(source, lineAt);
  let from = 0;
  for (const err of lib.errors) {
    // Errors come in file order: each search starts where the last one was found.
    const needle = err.input?.slice(0, 60);
    let at = needle ? source.indexOf(needle, from) : -1;
    if (needle && at < 0) at = source.indexOf(needle);
    if (at >= 0) from = at + 1;
    const line = at >= 0 ? lineAt(at) : Number(/at line (\d+)/.exec(err.error)?.[1] ?? 0);
    const head = /^@\s*\w+\s*[{(]\s*([^,\s]*)/.exec(err.input ?? '')?.[1];
    out.warn(
      line,
      `skipped a broken BibTeX entry${head ? ` "${head}"` : ''}: ${err.error.replace(/\\n|\s+/g, ' ').replace(/\s+/g, ' ')}`,
    );
  }
  // Cite keys of this file name its entries, so a `cites` field can point at them.
  const idOfKey = new Map(
    lib.entries
      .filter((e) => e.input && e.fields.title)
      .map((e) => [e.key, paperId(plain(e.fields.title as string))]),
  );
  for (const e of lib.entries) {
    // An entry the parser had to recover from is reported above, not guessed at.
    if (!e.input) continue;
    if (['string', 'preamble', 'comment'].includes(e.type)) continue;
    const line = lineOf.get(e.key) ?? 0;
    const work = toWork(e, line, idOfKey);
    // Cut here, not silently later: the warning says how many names the record loses.
    if (work.authors.length > MAX_AUTHORS) {
      out.warn(
        line,
        `"${e.key}" has ${work.authors.length} authors; the first ${MAX_AUTHORS} are kept and ${work.authors.length - MAX_AUTHORS} dropped`,
      );
      work.authors = work.authors.slice(0, MAX_AUTHORS);
      work.authorsComplete = false;
    }
    out.add(work);
  }
  return out.result();
}

/** The parser marks up \textbf, \emph, \url…: keep the text (and a link's address). */
function plain(s: string | undefined): string {
  return (s ?? '')
    .replace(/<a href="([^"]*)">[^<]*<\/a>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\$([^$]*)\$/g, '$1');
}

const fullName = (c: Creator) =>
  c.name ?? [c.firstName, c.prefix, c.lastName].filter(Boolean).join(' ') + (c.suffix ? `, ${c.suffix}` : '');

function venueKind(e: Entry, venue: string | null): VenueKind | null {
  if (venue && /\b(corr|arxiv)\b/i.test(venue)) return 'PREPRINT';
  switch (e.type) {
    case 'article':
      return 'JOURNAL';
    case 'inproceedings':
    case 'conference':
    case 'proceedings':
      return /\bworkshop\b/i.test(venue ?? '') ? 'WORKSHOP' : 'CONFERENCE';
    case 'unpublished':
    case 'online':
      return 'PREPRINT';
    default:
      return venue ? null : null;
  }
}

function toWork(e: Entry, line: number, idOfKey: Map<string, string>): WorkFields {
  const f = e.fields;
  const get = (k: string) => {
    const v = (f as Record<string, unknown>)[k];
    return typeof v === 'string' ? plain(v) : null;
  };
  const creators = f.author ?? (f.editor && e.type.endsWith('proceedings') ? [] : f.editor) ?? [];
  const others = creators.some((c) => (c.lastName ?? c.name ?? '').toLowerCase() === 'others');
  const authors = creators
    .filter((c) => (c.lastName ?? c.name ?? '').toLowerCase() !== 'others')
    .map((c) => ({ name: fullName(c) }));
  const venue =
    get('booktitle') ??
    get('journal') ??
    get('journaltitle') ??
    get('eventtitle') ??
    (e.type.endsWith('thesis') ? get('school') : null) ??
    (e.type === 'book' ? (f.publisher?.[0] ?? null) : null);
  const archive = (get('archiveprefix') ?? get('eprinttype') ?? '').toLowerCase();
  const eprint = get('eprint');
  const arxivId =
    (eprint && (archive === 'arxiv' || /^\d{4}\.\d{4,5}(v\d+)?$/.test(eprint)) ? eprint : null) ??
    [get('journal'), get('howpublished'), get('note'), get('volume')]
      .map((t) => (t ? findArxivId(t.replace(/^abs\//, 'arXiv:')) : null))
      .find(Boolean) ??
    null;
  const urls = [get('url'), ...(get('note')?.match(/https?:\/\/\S+/g) ?? [])].filter((u): u is string => !!u);
  const year = Number.parseInt(get('year') ?? get('date') ?? '', 10);
  const refs = (get('references') ?? get('cites') ?? '')
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((r) => (idOfKey.has(r) ? `id:${idOfKey.get(r)}` : referenceKey(r)))
    .filter((k): k is string => !!k);
  return {
    title: get('title'),
    authors,
    authorsComplete: !others,
    year: Number.isFinite(year) ? year : null,
    venueName: venue,
    venueKind: venueKind(e, venue),
    doi: normalizeDoi(get('doi')),
    arxivId,
    urls,
    abstract: get('abstract'),
    keywords: f.keywords ?? [],
    references: refs,
    line,
  };
}

/** How many entries a BibTeX file holds, counted before it is parsed (the importer's bound is checked first). */
export function countBibtexEntries(source: string): number {
  let n = 0;
  for (const m of source.matchAll(ENTRY_HEAD)) if (!/^@\s*(?:string|comment|preamble)\b/i.test(m[0])) n++;
  return n;
}

/** The line each entry starts on, by cite key (line starts found once: a file of 20,000 entries is not read 20,000 times). */
function entryLines(source: string, lineAt: (offset: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of source.matchAll(ENTRY_HEAD)) {
    if (!out.has(m[1] as string)) out.set(m[1] as string, lineAt(m.index));
  }
  return out;
}

/** "@article{key,": the `@` and the type bound the spaces around them, so no run is scanned twice. */
const ENTRY_HEAD = /@[ \t]{0,16}\w{1,64}[ \t]{0,16}[{(][ \t\r\n]{0,64}([^,\s]{1,256})[ \t]{0,16},/g;
