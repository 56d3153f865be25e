import type { Table, TableCell } from 'mdast';
import { cleanText, foldKey } from '../domain/normalize.js';
import { noCandidates, proposeAuthors, proposeYear } from './candidates.js';
import { assemblePaper, type EntryFields, type EntryResult, resolveFields } from './entry-record.js';
import { isAnchor, readLink } from './links.js';
import { readNames } from './names.js';
import { parseEntry } from './parse-entry.js';
import type { LinkRecord } from './records.js';
import { type Token, tokenize } from './tokens.js';
import { isKnownVenue } from './venue.js';
import { FIELD_LABELS, rx, yearIn } from './vocabulary.js';

/** What a column holds, recognised from its header. */
type Role =
  | 'title'
  | 'paper'
  | 'authors'
  | 'year'
  | 'venue'
  | 'optimizer'
  | 'code'
  | 'link'
  | 'description'
  | 'keywords'
  | 'citation'
  | 'name';

/** A header that is one of the words, whole. */
const whole = (words: readonly string[]) => rx()`^(?:${words.join('|')})$`;

// Headers are matched whole, case-insensitively, after dropping punctuation and emoji.
const ROLES: Array<[Role, RegExp]> = [
  ['title', /^(?:paper\s+)?(?:title|name of (?:the )?paper)$/],
  ['paper', /^(?:papers?|publication)$/],
  ['authors', whole(FIELD_LABELS.authors)],
  ['year', whole(FIELD_LABELS.year)],
  // In a table, "Publication" names the paper column (above), not its venue.
  ['venue', whole([...FIELD_LABELS.venue.filter((w) => w !== 'publication'), 'conf', 'where', 'source'])],
  ['optimizer', /^(?:optimi[sz]ers?|methods?|algorithms?)$/],
  ['name', /^(?:name|model|approach)$/],
  ['code', /^(?:(?:official\s+)?code|implementation|github|repo(?:sitory)?|source code)$/],
  ['link', /^(?:pdf|links?|url|arxiv|paper link|paper url)$/],
  ['description', /^(?:description|summary|abstract|tl;?dr|title\s*\/\s*description)$/],
  ['keywords', /^(?:keywords?|tags?|notes?|topics?|remarks?|category|categories)$/],
  ['citation', /^(?:citations?|cite|bibtex|reference)$/],
];

export interface TableResult {
  /** False for tables that are not about papers (badges, a legend, a symbol key): skipped whole. */
  papers: boolean;
  /** A table made of links within the page: a table of contents. */
  navigation?: boolean;
  rows: Array<{ line: number; result: EntryResult }>;
}

/**
 * Reads a GitHub-flavoured table whose header names a title or paper column. Columns are
 * recognised by header (title/paper/name, authors, year, venue/published, optimizer/method, code,
 * pdf/link, description, keywords, citation); an optimizer table whose title cell is only a
 * description ("AdaBelief | *Adapting Step-sizes…*") keeps the description as the title and the
 * name as the optimizer. Another unrecognised first column (an "LR Scheduler" name) becomes a note.
 */
export function readTable(
  table: Table,
  context: { year?: number | null; venue?: string | null } = {},
): TableResult {
  const [header, ...body] = table.children;
  if (!header) return { papers: false, rows: [] };
  const heads = header.children.map((c) => cellTokens(c));
  const roles = assignRoles(
    heads.map((t) => headerText(t)),
    body,
  );
  const titleCol = roles.indexOf('title') >= 0 ? roles.indexOf('title') : roles.indexOf('description');
  const isPaperTable =
    roles.includes('title') ||
    (roles.includes('description') && (roles.includes('paper') || roles.includes('link')));
  if (!isPaperTable) {
    const links = table.children
      .flatMap((r) => r.children.flatMap(cellTokens))
      .filter((t) => t.kind === 'link');
    return {
      papers: false,
      navigation: links.length > 0 && links.every((t) => t.kind === 'link' && isAnchor(t.url)),
      rows: [],
    };
  }
  const rows = body.map((row) => {
    const line = row.position?.start.line ?? 0;
    const cells = realign(row.children.map(cellTokens), heads.length, titleCol);
    return {
      line,
      result: readRow(
        cells,
        roles,
        titleCol,
        heads.map((h) => cleanText(plain(h))),
        context,
      ),
    };
  });
  return { papers: true, rows };
}

/**
 * A row with more cells than its header whose title cell is empty was written with a stray `|`
 * before its title ("|…|https://…||Title||"): empty cells up to the title column are dropped
 * until the row fits, so the title and the cells after it come back under their headers.
 */
function realign(cells: Token[][], width: number, titleCol: number): Token[][] {
  const empty = (c: Token[] | undefined) => !!c && !c.some((t) => t.kind === 'link') && !plain(c).trim();
  if (cells.length <= width || !empty(cells[titleCol])) return cells;
  const out = [...cells];
  for (let i = titleCol; i >= 0 && out.length > width; i--) if (empty(out[i])) out.splice(i, 1);
  return out;
}

function assignRoles(headers: string[], body: Table['children']): Array<Role | null> {
  const roles: Array<Role | null> = headers.map((h) => ROLES.find(([, re]) => re.test(h))?.[0] ?? null);
  const has = (r: Role) => roles.includes(r);
  const paper = roles.indexOf('paper');
  const name = roles.indexOf('name');
  // Without a Title or Description column, the titles are the paper column's link texts, else a
  // Name column's text (when the table also has paper facts), else the paper column's own text.
  if (!has('title') && !has('description')) {
    if (paper >= 0 && cellsCarryTitles(body, paper, true)) roles[paper] = 'title';
    else if (name >= 0 && (paper >= 0 || has('link') || has('year') || has('venue') || has('authors')))
      roles[name] = 'title';
    else if (paper >= 0 && cellsCarryTitles(body, paper, false)) roles[paper] = 'title';
  }
  // A first column nobody recognised names the row's subject ("LR Scheduler", "Loss Functions").
  if (roles[0] === null && headers[0]) roles[0] = 'name';
  return roles;
}

/** True when a column holds titles: phrases of three words or more, as link texts or as plain text. */
function cellsCarryTitles(body: Table['children'], col: number, asLinks: boolean): boolean {
  const phrase = (s: string) =>
    s
      .trim()
      .split(/\s+/)
      .filter((w) => /\p{L}{2}/u.test(w)).length >= 3;
  return body.some((r) => {
    const tokens = cellTokens(r.children[col]);
    return asLinks
      ? tokens.some((t) => t.kind === 'link' && phrase(t.text) && !/^<?https?:/.test(t.text))
      : phrase(plain(tokens.filter((t) => t.kind !== 'link')));
  });
}

function readRow(
  cells: Token[][],
  roles: Array<Role | null>,
  titleCol: number,
  headers: string[],
  context: { year?: number | null; venue?: string | null },
): EntryResult {
  const textOf = (i: number) => cleanText(plain(cells[i] ?? []));
  const col = (role: Role) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const titleTokens = cells[titleCol] ?? [];
  const titleLink = titleTokens.find(
    (t) => t.kind === 'link' && /\p{L}{2}/u.test(t.text) && !/^<?https?:/.test(t.text),
  );
  const title = titleLink?.kind === 'link' ? titleLink.text : textOf(titleCol);
  if (cells.every((c) => !plain(c).trim() && !c.some((t) => t.kind === 'link')))
    return { ok: 'skip', why: 'not a paper' };
  if (
    cells.flat().some((t) => t.kind === 'link') &&
    cells.flat().every((t) => t.kind !== 'link' || isAnchor(t.url)) &&
    !/\p{L}{3}/u.test(title)
  )
    return { ok: 'skip', why: 'navigation' };
  const links: LinkRecord[] = [];
  for (const [i, role] of roles.entries()) {
    // A column says what its links are: code, a citation, or the paper (labelled by where it points).
    const columnLabel = role === 'code' ? 'code' : role === 'citation' ? 'cite' : null;
    const paperColumn = role === 'paper' || role === 'link';
    for (const t of cells[i] ?? []) {
      if (t.kind !== 'link') continue;
      const ownText = t === titleLink || paperColumn || columnLabel ? '' : t.text;
      const link = readLink(ownText, t.url, columnLabel ?? undefined);
      if (link)
        links.push(
          link.label === 'link' && (paperColumn || t === titleLink) ? { ...link, label: 'paper' } : link,
        );
    }
  }
  const authorsText = col('authors').map(textOf).join(', ');
  const names = authorsText ? readNames(authorsText) : null;
  // Without a venue column, a paper link whose text is a venue ("[NIPS 2018](…)") gives the venue.
  const venueLinks = [...col('paper'), ...col('link')].flatMap((i) =>
    (cells[i] ?? []).flatMap((t) => (t.kind === 'link' && isKnownVenue(t.text) ? [cleanText(t.text)] : [])),
  );
  const venueCells = col('venue').map(textOf).filter(Boolean);
  if (!venueCells.length) venueCells.push(...venueLinks.slice(0, 1));
  // A year or venue heading above the table ("## 2019") is the rows' when their cells say none.
  if (!venueCells.length && context.venue) venueCells.push(context.venue);
  const yearText = col('year').map(textOf).join(' ');
  const year = yearIn(yearText);
  const candidates = noCandidates();
  proposeAuthors(
    candidates,
    names ?? { names: splitLoose(authorsText), complete: !/et\.?\s*al/i.test(authorsText) },
    'column',
  );
  proposeYear(candidates, year, 'column');
  proposeYear(candidates, context.year, 'parent');
  const fields: EntryFields = {
    title,
    authors: [],
    authorsComplete: true,
    venueText: venueCells.join(', ') || null,
    listedYear: null,
    candidates,
    links,
    notes: [
      ...col('name').map((i) => (textOf(i) ? `${headers[i]}: ${textOf(i)}` : '')),
      ...col('keywords').map(textOf),
    ].filter(Boolean),
    optimizers: col('optimizer').flatMap((i) =>
      textOf(i)
        .split(/\s*(?:,|&|\band\b)\s*/)
        .filter((n) => /\p{L}/u.test(n)),
    ),
    context: cells.map(plain).join(' '),
  };
  if (!/\p{L}{2}/u.test(title)) return { ok: false, reason: 'a row of a paper table with no title' };
  // A bare address in the title column names no paper.
  if (/^<?https?:\/\/\S+>?$/.test(title.trim())) return { ok: 'skip', why: 'links without a title' };
  readCitationCell(titleTokens, fields);
  resolveFields(fields);
  return assemblePaper(fields);
}

/**
 * A title cell that holds a whole reference ("[Rosenbaum, Paul R., and Donald B. Rubin. "Title."
 * Biometrika 70 (1983).](…)") is read as an entry: its title, names, year and venue fill the fields
 * the row's own columns leave empty.
 */
function readCitationCell(tokens: Token[], fields: EntryFields): void {
  const r = parseEntry(tokens);
  // Only names before the title make a reference; a title that reads "… by Colorizing Videos" stays whole.
  if (r.ok !== true || !r.paper.authors.length || foldKey(fields.title).startsWith(foldKey(r.paper.title)))
    return;
  fields.title = r.paper.title;
  const names = { names: r.paper.authors.map((a) => a.name), complete: r.paper.authorsComplete };
  proposeAuthors(fields.candidates, names, 'cell');
  proposeYear(fields.candidates, r.paper.listedYear ?? r.paper.year, 'cell');
  fields.venueText ??= r.paper.venueText;
}

/** Authors a cell lists in a form the name reader does not know: split at commas and "and". */
function splitLoose(text: string): string[] {
  return text
    .split(/\s*(?:[,;]|\band\b)\s*/)
    .map((n) => cleanText(n))
    .filter(Boolean);
}

function cellTokens(cell: TableCell | undefined): Token[] {
  return cell ? tokenize(cell.children) : [];
}

function plain(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'newline' ? ' ' : t.kind === 'link' ? t.text : t.text)).join('');
}

function headerText(tokens: Token[]): string {
  return cleanText(plain(tokens).replace(/[^\p{L}\p{N}\s/();]/gu, ' ')).toLowerCase();
}
