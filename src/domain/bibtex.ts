import type { AuthorNode, PaperNode, VenueNode } from '../db/schema/model.js';
import { foldKey } from './normalize.js';

const STOP = new Set(['a', 'an', 'the', 'on', 'of', 'to', 'in', 'for', 'and', 'towards', 'toward', 'with']);

/** A stable citation key: first author's family name, year, first significant title word ("defossez2020simple"). */
export function citationKey(paper: PaperNode, authors: AuthorNode[]): string {
  const family =
    foldKey(authors[0]?.name ?? 'anon')
      .split(' ')
      .pop() ?? 'anon';
  const word =
    foldKey(paper.title)
      .split(' ')
      .find((w) => !STOP.has(w)) ?? 'paper';
  return `${family}${paper.year ?? ''}${word}`.replace(/[^a-z0-9]/g, '');
}

/** Escapes BibTeX specials; the caller double-braces titles so styles keep "Adam" and "SGD" as written. */
function field(value: string): string {
  return value.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/([&%$#_])/g, '\\$1');
}

/** A URL as url/hyperref read it: only the characters that would end or comment the field are escaped. */
function urlField(value: string): string {
  return value.replace(/[{}\\]/g, (c) => encodeURIComponent(c)).replace(/([%#])/g, '\\$1');
}

/** A BibTeX entry whose type follows the venue kind; every field is escaped, not only the title. */
export function bibtex(paper: PaperNode, authors: AuthorNode[], venue: VenueNode | null): string {
  const fields: Array<[string, string]> = [['title', `{${field(paper.title)}}`]];
  if (authors.length) fields.push(['author', authors.map((a) => field(a.name)).join(' and ')]);
  let type = 'misc';
  if (venue?.kind === 'CONFERENCE' || venue?.kind === 'WORKSHOP') {
    type = 'inproceedings';
    fields.push(['booktitle', field(venue.name)]);
  } else if (venue?.kind === 'JOURNAL') {
    type = 'article';
    fields.push(['journal', field(venue.name)]);
  } else if (venue) fields.push(['howpublished', field(venue.name)]);
  if (paper.year) fields.push(['year', String(paper.year)]);
  if (paper.arxivId) {
    fields.push(['eprint', paper.arxivId], ['archivePrefix', 'arXiv']);
  }
  const url = paper.linkUrls?.[0];
  if (url) fields.push(['url', urlField(url)]);
  if (paper.notes?.length) fields.push(['note', field(paper.notes.join('; '))]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${type}{${citationKey(paper, authors)},\n${body}\n}`;
}
