/** What follows an entry's title: year, venue, authors and notes, on its line and the lines below. */
import { cleanText, findArxivId } from '../domain/normalize.js';
import { proposeAuthors, proposeYear } from './candidates.js';
import type { EntryFields } from './entry-record.js';
import { flatten, isVenueEvidence, looseNames, type RestState, YEAR_PAREN } from './entry-text.js';
import { isStrongNameRun, type NameList, readNames } from './names.js';
import type { Token } from './tokens.js';
import { isKnownVenue } from './venue.js';
import {
  AFFILIATION,
  COMMA,
  DATE,
  dateYear,
  EM,
  fieldOfLabel,
  MARKS,
  MONTH,
  rx,
  SPACED_SEPARATOR,
  WORD_STOP,
  YEAR,
  YEAR_WORD,
  yearIn,
} from './vocabulary.js';

/** Reads what follows the title: year, venue, authors and notes, in any order. */
export function readRest(rest: string, fields: EntryFields, state: RestState): void {
  let s = rest;
  // "(2015)", "(Book, Jan 2017)", "(ICLR 2019)", or a broken "(2014, C. Dong et al.".
  const paren = YEAR_PAREN.exec(s);
  if (paren) {
    const inner = cleanText(paren[1] ?? paren[2] ?? '');
    const year = yearIn(inner);
    const cited = citedNames(inner);
    if (isKnownVenue(inner)) state.venues.push(inner);
    // "(Liu et al., ICLR 2020)": names and a venue in the brackets are read like any others.
    else if (inner.split(/[,;]/).some((p) => isKnownVenue(p)) || /\bet\.?\s*al\b|\b\p{Lu}\.\s/u.test(inner))
      readSegments(inner, fields, state);
    else if (cited) {
      // "(Hinton 1997)", "(Kingma and Ba, 2015)": an author–year citation names the authors.
      proposeYear(fields.candidates, year, state.nextLine ? 'next-line' : 'paren');
      proposeAuthors(fields.candidates, cited, 'brackets');
      state.named = true;
    } else {
      proposeYear(fields.candidates, year, state.nextLine ? 'next-line' : 'paren');
      const note = cleanText(
        inner
          .replace(YEAR_WORD, '')
          .replace(rx('i')`\b${MONTH}`, '')
          .replace(/^[,\s]+|[,\s]+$/g, ''),
      );
      if (note) fields.notes.push(note);
    }
    s = s.slice(0, paren.index) + (paren[2] ? ', ' : ' ') + s.slice(paren.index + paren[0].length);
    // "Models(2017): A Tutorial, G. Neubig" — the title went on after the year.
    const more = rx()`^\s*:\s*([^,${EM[0]}]+?)(?=,|$)`.exec(s.slice(paren.index));
    if (more && !s.slice(0, paren.index).trim() && !readNames(more[1] as string)) {
      fields.title += `: ${cleanText(more[1] as string)}`;
      s = s.slice(0, paren.index) + s.slice(paren.index + more[0].length);
    }
  }
  // "In *ICML 2018*", "*NeurIPS 2017*/", "，*Authors*，": italic text is a venue or authors.
  s = s.replace(
    rx('gi')`(\bIn\s*:?\s*)?${EM[0]}([^${EM[1]}]*)${EM[1]}\s*\/?`,
    (_m, inWord: string | undefined, inner: string) => {
      // Italic after a title is its authors unless it reads as a venue; names the reader does not
      // know ("O'Brien \"Quote\"") are kept as written, split at commas, but prove nothing.
      const venueLike =
        inWord ||
        isVenueEvidence(inner) ||
        /\b(?:journal|proceedings|conference|workshop|preprint)\b/i.test(inner);
      const names = venueLike ? null : readNames(inner);
      const source = state.nextLine ? 'next-line' : 'italic';
      if (names && !state.named) {
        proposeAuthors(fields.candidates, names, source);
        state.named = true;
      } else if (!venueLike && !state.named && /\p{L}/u.test(inner)) {
        proposeAuthors(fields.candidates, looseNames(inner), source, true);
        state.named = true;
      } else if (inner.trim()) state.venues.push(cleanText(inner));
      return ' , ';
    },
  );
  // "In ICML", "in: NIPS" open a venue; "Advances in Neural…" is the venue itself.
  s = s.replace(/(^|[,.;]\s*)In\s*:?\s+/i, '$1, ');
  readSegments(s, fields, state);
}

/** Classifies comma-separated pieces: a year, a run of names, or the venue. */
function readSegments(text: string, fields: EntryFields, state: RestState): void {
  const segments = text
    // "Oct. 18 2021", "2022-04-29": a date is one field (its year), not words to split at full stops.
    .replace(DATES, (d) => ` , ${dateYear(d) ?? ''} , `)
    .replace(MARKS, '')
    // "(Best Paper)", "(Oral)": a parenthesis without a year is a note on the entry.
    .replace(/\(([^()]{1,300})\)/g, (m, inner: string) => {
      if (YEAR_WORD.test(inner) || !/\p{L}/u.test(inner)) return m;
      // "(ICLR'18)", "(NeurIPS '20)": a known venue with a short year is the venue, not a note.
      if (isKnownVenue(inner)) return ` , ${inner} , `;
      fields.notes.push(cleanText(inner));
      return ' ';
    })
    .replace(/[[\]()]/g, ' ')
    // Commas, semicolons, dashes, "//" and arrows between spaces, "by", and full stops after a
    // word ("et al. ICLR 2020"), not after an initial.
    .split(rx('u')`${COMMA}|${SPACED_SEPARATOR}|${WORD_STOP}`)
    .map((p) => cleanText(p).replace(/^[.:#/\s]+|[:#/\s]+$/g, ''))
    .filter((p) => p && /[\p{L}\p{N}]/u.test(p));
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    const names = readNames(run.join(', '));
    if (names && !state.named) {
      proposeAuthors(fields.candidates, names, state.nextLine ? 'next-line' : 'names-run');
      state.named = true;
      state.strong ||= isStrongNameRun(run.join(', '), names);
    }
    run = [];
  };
  for (const seg of segments) {
    const bare = seg.replace(/\.$/, '');
    if (dateYear(bare) !== null) {
      flush();
      proposeYear(fields.candidates, dateYear(bare), state.nextLine ? 'next-line' : 'segment');
    } else if (VOLUME_PAGES.test(bare)) {
      // "4(5)", "12:2121–2159", "pp. 1–17": where in the venue, kept as a note, never the venue.
      flush();
      fields.notes.push(bare);
    } else if (/\bet\.?\s*al\b/i.test(seg) && readNames(seg)) {
      // "Zambaldi et al.; DeepMind": the list ends at "et al."; what follows is no author.
      run.push(seg);
      flush();
    } else if (run.length && AFFILIATION.test(bare)) {
      // "Stanton and Clune; University of Wyoming": where the authors work, after their names.
      flush();
      fields.notes.push(bare);
    } else if (!isKnownVenue(bare) && readNames(seg)) run.push(seg);
    // Surname-first lists put initials in a piece of their own ("Kingma, D. P., Ba, J.").
    else if (run.length && /^(?:\p{Lu}\.\s*-?\s*)+(?:et\.?\s*al\.?)?$/u.test(seg)) run.push(seg);
    else {
      flush();
      if (!state.named && !state.venues.length && readNames(seg) === null && looksLikeLeftover(bare))
        continue;
      state.venues.push(bare);
    }
  }
  flush();
}

const DATES = rx('gi')`${DATE}`;

/** The names of an author–year citation in brackets ("Hinton 1997", "Kingma and Ba, 2015"), else null. */
function citedNames(inner: string): NameList | null {
  const m = rx()`^(.+?)[,\s]+(${YEAR})[a-z]?$`.exec(inner);
  return m ? readNames(m[1] as string) : null;
}
const VOLUME_PAGES = /^(?:(?:vol|volume|no|issue|pp?|pages?)\.?\s*)?\d[\d\s:–—-]*$/i;

/**
 * Lines after the first (nested bullets, continuation lines): a labelled field ("Authors: …", its
 * names as links too), or a line made only of fields — names, a venue, a year or a date, italic
 * authors or venue ("*A. Author, B. Author* [[paper]](…) arXiv 2017.12"). A description is ignored.
 */
export function readNextLine(line: Token[], fields: EntryFields, state: RestState): void {
  const withLinkText = flatten(line, true).replace(MARKS, '');
  const labelled = LABELLED.exec(withLinkText);
  if (labelled) {
    readLabelled(labelled[1] as string, cleanText(labelled[2] as string), fields, state);
    return;
  }
  // "Gerald Tesauro (1995)": a year in brackets is a field of its own.
  const text = flatten(line.filter((t) => t.kind !== 'link')).replace(rx()`\((${YEAR})\)`, '; $1');
  const plain = cleanText(text.replace(ITALIC, ' ; ').replace(MARKS, ''));
  const date = dateYear(plain.replace(/[.;,]+$/, ''));
  if (date !== null) {
    proposeYear(fields.candidates, date, 'next-line');
    return;
  }
  const parts = plain
    .split(rx('u')`${COMMA}|${WORD_STOP}`)
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter(Boolean);
  const known = parts.every(
    (p, i) =>
      dateYear(p) !== null ||
      readNames(p) !== null ||
      isVenueEvidence(p.replace(/^In\s+/i, '')) ||
      (i > 0 && AFFILIATION.test(p)) ||
      // After "et al." a line names where they work ("Finn et al.; UC Berkeley").
      parts.slice(0, i).some((q) => /\bet\.?\s*al\b/i.test(q)),
  );
  if (!known) return;
  state.nextLine = true;
  if (ITALIC.test(text)) readRest(text, fields, state);
  else readSegments(parts.join(';'), fields, state);
  state.nextLine = false;
}

const ITALIC = rx()`${EM[0]}[^${EM[1]}]*${EM[1]}`;
const LABELLED = /^\s*([\p{L};() ]{1,30}?)\s*[:：]\s*(.*)$/u;

/** A line that names its field ("Authors: …", "Venue: ICLR 2019", "Year: 2019"); other labels (code, tags) add nothing. */
function readLabelled(label: string, value: string, fields: EntryFields, state: RestState): void {
  if (!value) return;
  const field = fieldOfLabel(label);
  if (field === 'authors') {
    // "Authors: Léon Bottou, Olivier Bousquet (2007)": the year in brackets is the entry's.
    const year = rx()`\s*\((${YEAR})[a-z]?\)\s*$`.exec(value);
    if (year) proposeYear(fields.candidates, Number(year[1]), 'label');
    const people = year ? value.slice(0, year.index) : value;
    const names = readNames(people);
    proposeAuthors(fields.candidates, names ?? looseNames(people), 'label', !names);
    if (names) state.strong ||= isStrongNameRun(people, names);
  } else if (field === 'venue') state.venues.push(value);
  else if (field === 'year') proposeYear(fields.candidates, yearIn(value), 'label');
  else if (field === 'title' && !fields.title.trim()) fields.title = value;
}

/**
 * Several venue pieces ("NeurIPS 2019", "arXiv:1907.08610"; "Proceedings of … ICML", "PMLR 97"):
 * the first catalogued one is the venue, an arXiv reference only gave the id, the rest are notes.
 */
export function pickVenue(pieces: string[], fields: EntryFields): string | null {
  if (pieces.length <= 1) return pieces[0] ?? null;
  const known =
    pieces.find((p) => isKnownVenue(p) && !/^arxiv\b/i.test(p)) ?? pieces.find((p) => isKnownVenue(p));
  if (!known) return pieces.join(', ');
  for (const p of pieces) if (p !== known && !(/arxiv/i.test(p) && findArxivId(p))) fields.notes.push(p);
  return known;
}

/** Text that is only list furniture ("Stars", "-", emoji): not worth keeping as a venue. */
function looksLikeLeftover(s: string): boolean {
  return !/\p{L}{2}/u.test(s) || /^[:\w]+:$/.test(s);
}
