/**
 * Scores what the importer read from a document against its gold list (../shared/gold/README.md):
 * found, garbage, distinct works merged, authors exact, first author, year, venue, section. Pure.
 */

import { batchIdentity } from '../db/write/identity.js';
import { foldKey } from '../domain/normalize.js';
import type { PaperRecord, ParsedList } from '../ingest/records.js';
import type { GoldEntry } from './gold.js';

/** A count out of the entries it applies to. */
export interface Ratio {
  hit: number;
  of: number;
}

export interface FileScore {
  name: string;
  required: number;
  found: Ratio;
  /** Works read that match no gold entry of any kind, out of all works read. */
  garbage: Ratio;
  /** Required entries that landed on one work with another required entry. */
  merged: number;
  authors: Ratio;
  firstAuthor: Ratio;
  year: Ratio;
  venue: Ratio;
  section: Ratio;
  /** Gold entries not found and works that are garbage, for reading what went wrong. */
  missed: GoldEntry[];
  garbageTitles: Array<{ line: number; title: string }>;
  /** Found entries whose authors were not exact: what the gold says and what was read. */
  authorMisses: Array<{ line: number; gold: string[]; read: string[] }>;
  /** Groups of required entries that landed on one work, by their lines. */
  mergedLines: number[][];
  error?: string;
}

const words = (s: string) => foldKey(s).split(' ').filter(Boolean);

/** Same title after folding, or ≥ 80% of the longer title's words shared (the README's rule). */
export function sameTitle(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const ys = new Set(y);
  const shared = new Set(x.filter((w) => ys.has(w))).size;
  return shared >= 0.8 * Math.max(new Set(x).size, ys.size);
}

const surname = (name: string) => words(name.replace(/,\s*(jr|sr|ii|iii|iv)\.?$/i, '')).at(-1) ?? '';

/** The entries a file must yield: not repeats, papers and theses (books too in a bibliography). */
export function isRequired(e: GoldEntry, bibliography: boolean): boolean {
  if (e.dupOf !== undefined) return false;
  return e.kind === 'paper' || e.kind === 'thesis' || (bibliography && e.kind === 'book');
}

/** Scores one parsed document against its gold list. */
export function scoreFile(
  name: string,
  gold: GoldEntry[],
  parsed: ParsedList | null,
  bibliography: boolean,
  error?: string,
): FileScore {
  const papers = parsed?.papers ?? [];
  const sectionTitle = new Map((parsed?.sections ?? []).map((s) => [s.code, s.title]));
  const work = batchIdentity(papers);
  // Each gold entry takes the nearest unclaimed paper with its title; repeats claim theirs too.
  const claimed = new Map<PaperRecord, GoldEntry>();
  const match = new Map<GoldEntry, PaperRecord>();
  const byDistance = gold
    .flatMap((g) =>
      papers.flatMap((p) => (sameTitle(g.title, p.title) ? [{ g, p, d: Math.abs(g.line - p.line) }] : [])),
    )
    .sort((a, b) => a.d - b.d);
  for (const { g, p } of byDistance) {
    if (match.has(g) || claimed.has(p)) continue;
    match.set(g, p);
    claimed.set(p, g);
  }
  const garbage = papers.filter((p) => !gold.some((g) => sameTitle(g.title, p.title)));
  const required = gold.filter((g) => isRequired(g, bibliography));
  const s: FileScore = {
    name,
    required: required.length,
    found: { hit: 0, of: required.length },
    garbage: { hit: garbage.length, of: papers.length },
    merged: 0,
    authors: { hit: 0, of: 0 },
    firstAuthor: { hit: 0, of: 0 },
    year: { hit: 0, of: 0 },
    venue: { hit: 0, of: 0 },
    section: { hit: 0, of: 0 },
    missed: [],
    garbageTitles: garbage.map((p) => ({ line: p.line, title: p.title })),
    authorMisses: [],
    mergedLines: [],
    ...(error ? { error } : {}),
  };
  const onWork = new Map<number, GoldEntry[]>();
  for (const g of required) {
    const p = match.get(g);
    if (!p) {
      s.missed.push(g);
      continue;
    }
    s.found.hit++;
    const w = work[papers.indexOf(p)] as number;
    onWork.set(w, [...(onWork.get(w) ?? []), g]);
    scoreFields(s, g, p, sectionTitle);
  }
  for (const entries of onWork.values())
    if (entries.length > 1) {
      s.merged += entries.length;
      s.mergedLines.push(entries.map((g) => g.line));
    }
  return s;
}

function scoreFields(s: FileScore, g: GoldEntry, p: PaperRecord, sectionTitle: Map<string, string>): void {
  const read = p.authors.map((a) => a.name);
  if (g.authors.length) {
    s.authors.of++;
    s.firstAuthor.of++;
    const exact =
      read.length === g.authors.length && g.authors.every((n, i) => surname(n) === surname(read[i] ?? ''));
    if (exact) s.authors.hit++;
    else s.authorMisses.push({ line: g.line, gold: g.authors, read });
    if (surname(g.authors[0] as string) === surname(read[0] ?? '')) s.firstAuthor.hit++;
  }
  if (g.year !== null) {
    s.year.of++;
    const near = (y: number | null | undefined) => y != null && p.year !== null && Math.abs(y - p.year) <= 1;
    if (near(g.year) || near(g.yearAlt)) s.year.hit++;
  }
  if (g.venue) {
    s.venue.of++;
    const read = foldKey(p.venueText ?? p.venue?.name ?? '');
    const want = foldKey(g.venue);
    if (read && (read.includes(want) || want.includes(read))) s.venue.hit++;
  }
  if (g.section) {
    s.section.of++;
    const have = p.sectionCode === null ? '' : (sectionTitle.get(p.sectionCode) ?? '');
    if (sameSection(g.section, have)) s.section.hit++;
  }
}

/** Section titles compared without their numbering, emoji and punctuation. */
function sameSection(gold: string, read: string): boolean {
  const bare = (t: string) => foldKey(t).replace(/^(?:[a-z]|\d+)(?: \d+)*\s+(?=\S)/, '');
  const [a, b] = [foldKey(gold), foldKey(read)];
  return !!b && (a === b || bare(gold) === bare(read));
}

/** Adds file scores up into one total. */
export function totalScore(scores: FileScore[]): FileScore {
  const add = (k: 'found' | 'garbage' | 'authors' | 'firstAuthor' | 'year' | 'venue' | 'section') =>
    scores.reduce((r, s) => ({ hit: r.hit + s[k].hit, of: r.of + s[k].of }), { hit: 0, of: 0 });
  return {
    name: 'total',
    required: scores.reduce((n, s) => n + s.required, 0),
    found: add('found'),
    garbage: add('garbage'),
    merged: scores.reduce((n, s) => n + s.merged, 0),
    authors: add('authors'),
    firstAuthor: add('firstAuthor'),
    year: add('year'),
    venue: add('venue'),
    section: add('section'),
    missed: [],
    garbageTitles: [],
    authorMisses: [],
    mergedLines: [],
  };
}

/** A ratio as a percentage (100 when nothing applies). */
export const pct = (r: Ratio) => (r.of ? (100 * r.hit) / r.of : 100);
