/**
 * What the recognisers of one entry propose for its authors and its year, each with where it was
 * found, and the one step that decides between them. The order of each source list is the
 * precedence: the first source with a candidate wins, and within a source the first found.
 */
import type { NameList } from './names.js';

/** Where an entry's names were read, strongest first. */
export const AUTHOR_SOURCES = [
  /** Names that open a reference before its title (MLA, APA, ACM, Vancouver; bold names, italic title). */
  'before-title',
  /** A labelled field: "Authors: …", "By: …". */
  'label',
  /** A table's Authors column. */
  'column',
  /** A closing bracket of the title ("[Title [Bubeck, Cesa-Bianchi]](…)"). */
  'brackets',
  /** Italic text after the title. */
  'italic',
  /** A run of names among the fields after the title. */
  'names-run',
  /** The entry's next lines and nested bullets. */
  'next-line',
  /** A reference written inside a table cell. */
  'cell',
] as const;

/** Where an entry's own year was read (a venue's year is the venue's, decided apart), strongest first. */
export const YEAR_SOURCES = [
  'label',
  'column',
  /** Author–year styles: "Kingma and Ba (2015): Title". */
  'names-year',
  /** Before the title: "[Oct. 2024] Title", "`2017` Title", a citation key's year. */
  'lead',
  /** "(2015)" after the title. */
  'paren',
  /** A year or date among the fields. */
  'segment',
  'next-line',
  'cell',
  /** A parent bullet or a heading that is only a year. */
  'parent',
] as const;

export type AuthorSource = (typeof AUTHOR_SOURCES)[number];
export type YearSource = (typeof YEAR_SOURCES)[number];

export interface AuthorCandidate {
  value: NameList;
  source: AuthorSource;
  /** Italic text kept as written though the name reader did not accept it: no evidence of a paper. */
  loose?: boolean;
}

export interface Candidates {
  authors: AuthorCandidate[];
  years: Array<{ value: number; source: YearSource }>;
}

export const noCandidates = (): Candidates => ({ authors: [], years: [] });

/** The winning candidate of a list by its source's precedence (first found on a tie). */
function best<S extends string, C extends { source: S }>(list: C[], order: readonly S[]): C | null {
  let win: C | null = null;
  for (const c of list) if (!win || order.indexOf(c.source) < order.indexOf(win.source)) win = c;
  return win;
}

export const bestAuthors = (c: Candidates) => best(c.authors, AUTHOR_SOURCES);
export const bestYear = (c: Candidates) => best(c.years, YEAR_SOURCES)?.value ?? null;

/** Adds a reading of the entry's names. */
export function proposeAuthors(c: Candidates, value: NameList, source: AuthorSource, loose = false): void {
  if (value.names.length || !value.complete) c.authors.push({ value, source, ...(loose ? { loose } : {}) });
}

/** Adds a reading of the entry's year (null proposes nothing). */
export function proposeYear(c: Candidates, value: number | null | undefined, source: YearSource): void {
  if (value !== null && value !== undefined) c.years.push({ value, source });
}
