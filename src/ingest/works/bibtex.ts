import { type Creator, type Entry, parse } from '@retorquere/bibtex-parser';
import { findArxivId, normalizeDoi, paperId } from '../../domain/normalize.js';
import type { ParsedList, VenueKind } from '../records.js';
import { referenceKey } from './references.js';
import { WorkCollector, type WorkFields } from './work-record.js';

/**
 * BibTeX and BibLaTeX through @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero):
 * it decodes LaTeX accents and commands, @string and month macros, case-protecting braces,
 * comments and @preamble; this module maps its entries to works.
 */
export function parseBibtex(source: string): ParsedList {
  const lib = parse(source, {
    // Titles stay as written: no sentence-casing, no case-protection markup.
    english: false,
    sentenceCase: false,
    caseProtection: false,
    unsupported: 'ignore',
  });
  const out = new WorkCollector();
  const lineOf = entryLines(source);
  for (const err of lib.errors) {
    const at = err.input ? source.indexOf(err.input.slice(0, 60)) : -1;
    const line = at >= 0 ? lineAt(source, at) : Number(/at line (\d+)/.exec(err.error)?.[1] ?? 0);
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
    out.add(toWork(e, lineOf.get(e.key) ?? 0, idOfKey));
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

/** The line each entry starts on, by cite key. */
function entryLines(source: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of source.matchAll(/@\s*\w+\s*[{(]\s*([^,\s]+)\s*,/g)) {
    if (!out.has(m[1] as string)) out.set(m[1] as string, lineAt(source, m.index));
  }
  return out;
}

const lineAt = (s: string, index: number) => s.slice(0, index).split('\n').length;
