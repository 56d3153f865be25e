import { cleanText, findArxivId } from '../domain/normalize.js';
import { assemblePaper, type EntryFields, type EntryResult } from './entry-record.js';
import { isAnchor, isPaperLink, readLink } from './links.js';
import { isStrongNameRun, type NameList, readNames } from './names.js';
import type { LinkRecord } from './records.js';
import { lines, type Token, tokenText } from './tokens.js';
import { isKnownVenue } from './venue.js';

// Markers (private-use characters) for styled text inside the flattened line: italic and code keep their bounds, so the
// recognisers can tell "*Authors*" and "`code`" from plain words.
const EM = ['\uE001', '\uE002'] as const;
const CODE = ['\uE005', '\uE006'] as const;
// "(2015)", "(ICLR 2019)", "(Book, Jan 2017)": a short parenthesis with a year; or a broken "(2014, A. B".
const YEAR_PAREN =
  /\s*\(([^()\uE001\uE002]{0,24}?\b(?:19|20)\d{2}[a-z]?\b[^()\uE001\uE002]{0,12})\)|\s*\(((?:19|20)\d{2}),/;
/** Link texts that label a link ("pdf", "[code]", ":computer:") rather than name a paper. */
const LABEL_TEXT =
  /^\s*\[*\s*(?:pdf|paper|code|arxiv|html|web|link|doi|openreview|slides|video|notes|blog|project|website|github|cite|bib|bibtex|abs|official code)\s*\]*\s*$/i;

const BROKEN_LABEL = /\[+\s*(?:pdf|paper|code|web|html|arxiv|link|slides|video|project)\s*\]+/gi;

/**
 * Reads one list item by recognising its fields wherever they stand, not by matching a template:
 * the title (bold text, a leading link, or the leading sentence), authors (italic, a run of names,
 * or the next line), venue and year (`In *ICML 2018*`, `(2015)`, `，ICLR 2019，2018`), every link,
 * and an optimizer tag (`(***Adam***)`, `(Adam)`). Table-of-contents bullets and items that carry
 * no sign of being a paper (no year, venue, authors or paper link) are skipped, not warned about.
 */
export function parseEntry(tokens: Token[]): EntryResult {
  const linkTokens = tokens.filter((t): t is Extract<Token, { kind: 'link' }> => t.kind === 'link');
  const words = tokens.filter((t) => t.kind !== 'link' && t.kind !== 'newline');
  const prose = words.map((t) => ('text' in t ? t.text : '')).join('');
  // Table-of-contents bullets: every link stays in the page, and one opens the item or is all of it.
  const opener = tokens.find((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const allAnchors = linkTokens.length > 0 && linkTokens.every((l) => isAnchor(l.url) || !l.url.trim());
  if (allAnchors && (opener?.kind === 'link' || !/\p{L}{2}/u.test(prose))) {
    return { ok: 'skip', why: 'navigation' };
  }
  const [main = [], ...more] = lines(tokens);
  const fields: EntryFields = {
    title: '',
    authors: [],
    authorsComplete: true,
    venueText: null,
    listedYear: null,
    links: [],
    notes: [],
    optimizers: [],
    context: prose,
  };
  const lead: string[] = [];
  const { title, rest, source, titleLink } = readTitle(takeLead(main, lead, fields), fields);
  fields.title = title;
  // A title's own link is labelled by where it points ("arxiv", "pdf"…), not by the title.
  const links = linkTokens
    .map((l) => (l === titleLink ? titleLinkRecord(l.url) : readLink(l.text, l.url)))
    .filter((l): l is LinkRecord => l !== null);
  fields.links = links;
  const state: RestState = { venues: lead, authors: null, strong: source === 'authors-first' };
  readRest(rest, fields, state);
  for (const line of more) readNextLine(line, fields, state);
  // `[arxiv](https://arxiv.org/abs/…)` with no other venue: the paper is a preprint.
  if (
    !state.venues.length &&
    linkTokens.some((l) => /^\[?arxiv\]?$/i.test(l.text.trim()) && /arxiv\.org/i.test(l.url))
  )
    state.venues.push('arXiv');
  if (state.authors) {
    fields.authors = state.authors.names;
    fields.authorsComplete = state.authors.complete;
  }
  fields.venueText = pickVenue(state.venues, fields);

  const paperLink = links.some(isPaperLink);
  // An unstyled sentence is a paper only with a sign no prose has: a paper link, a year, a venue,
  // or names with initials; bold or linked titles may rest on a plain run of names too.
  const evidence =
    paperLink ||
    fields.listedYear !== null ||
    state.venues.some(isVenueEvidence) ||
    (fields.authors.length > 0 && !state.loose && (state.strong || source !== 'plain'));
  const titleIsNames = readNames(fields.title);
  if (
    titleIsNames &&
    isStrongNameRun(fields.title, titleIsNames, true) &&
    source !== 'bold' &&
    source !== 'link'
  ) {
    fields.authors = titleIsNames.names;
    fields.title = '';
  }
  if (!titleLooksReal(fields.title, source)) {
    // A year in brackets, initials or a paper link with no title is a paper entry gone wrong.
    const signs = [
      paperLink && 'a paper link',
      fields.listedYear !== null && 'a year',
      state.strong && 'authors',
    ];
    const found = signs.filter(Boolean);
    if (!fields.title.trim() && found.length >= 2)
      return {
        ok: false,
        reason: `looks like a paper entry (it has ${found.join(' and ')}) but no title could be read`,
      };
    return { ok: 'skip', why: links.length ? 'links without a title' : 'not a paper' };
  }
  if (!evidence) return { ok: 'skip', why: 'not a paper' };
  return assemblePaper(fields);
}

type TitleSource = 'bold' | 'link' | 'italic' | 'plain' | 'authors-first';

interface RestState {
  venues: string[];
  authors: NameList | null;
  /** A names run that could not be a phrase was found (initials, "et al."). */
  strong: boolean;
  /** The authors came from italic text that did not read as names: kept, but no evidence. */
  loose?: boolean;
}

/** Italic authors the name reader does not accept, split at commas and "and" as written. */
function looseNames(text: string): NameList {
  const complete = !/\bet\.?\s*al\b|\band others\b/i.test(text);
  const names = text
    .replace(/,?\s*(?:et\.?\s*al\.?|and others)\s*$/i, '')
    .split(/\s*(?:[,，;；]|\band\b|&)\s*/)
    .map((n) => cleanText(n))
    .filter(Boolean);
  return { names, complete };
}

/** Finds the title at the head of the first line; returns the rest of that line as marked text. */
function readTitle(
  main: Token[],
  fields: EntryFields,
): { title: string; rest: string; source: TitleSource | null; titleLink?: Token } {
  let toks = main.filter((t) => t.kind !== 'link' || !LABEL_TEXT.test(t.text));
  toks = takeTag(toks, fields);
  const first = toks.findIndex((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const head = toks[first];
  const after = () => flatten(toks.slice(first + 1));
  if (!head) return { title: '', rest: '', source: null };
  if (head.kind === 'strong' || head.kind === 'both')
    return { title: head.text, rest: after(), source: 'bold' };
  if (
    head.kind === 'link' &&
    !isAnchor(head.url) &&
    /\p{L}{2}/u.test(head.text) &&
    !/^<?https?:/i.test(head.text)
  )
    return { title: head.text, rest: after(), source: 'link', titleLink: head };
  if (head.kind === 'emphasis' && !toks.some((t) => t.kind === 'strong') && !readNames(head.text))
    return { title: head.text, rest: after(), source: 'italic' };
  return plainTitle(flatten(toks.slice(first)), fields);
}

function titleLinkRecord(url: string): LinkRecord | null {
  const link = readLink('', url);
  return link && link.label === 'link' ? { ...link, label: 'paper' } : link;
}

/**
 * What some lists put before the title: a venue in brackets (`[ICLR 2019]`, `**[NeurIPS 2018]**`,
 * `(ICML 2020)`) or a year and a separator (`2020 · Title`). Moved to `lead` (venues) or the year.
 */
function takeLead(toks: Token[], lead: string[], fields: EntryFields): Token[] {
  const i = toks.findIndex((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const head = toks[i];
  if (!head || head.kind === 'link' || head.kind === 'newline') return toks;
  const m =
    /^\s*[[(]([^\])]{2,40})[\])]\s*/.exec(head.text) ?? /^\s*((?:19|20)\d{2})\s*[·|:\-–—]\s+/.exec(head.text);
  if (!m) return toks;
  const inner = cleanText(m[1] as string);
  if (/^(?:19|20)\d{2}$/.test(inner)) fields.listedYear = Number(inner);
  else if (isVenueEvidence(inner)) lead.push(inner);
  else return toks;
  const restText = head.text.slice(m[0].length);
  const replaced: Token[] = restText.trim() ? [{ ...head, text: restText }] : [];
  return [...toks.slice(0, i), ...replaced, ...toks.slice(i + 1)];
}

/** A leading optimizer tag: `(***Adam***)`, `(**Adam**)` or `(Adam)`; a number like `(1)` is not one. */
function takeTag(toks: Token[], fields: EntryFields): Token[] {
  const i = toks.findIndex((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const [open, tag, close] = [toks[i], toks[i + 1], toks[i + 2]];
  if (
    open?.kind === 'text' &&
    open.text.trim() === '(' &&
    tag &&
    (tag.kind === 'both' || tag.kind === 'strong' || tag.kind === 'emphasis') &&
    close?.kind === 'text' &&
    close.text.trimStart().startsWith(')')
  ) {
    fields.optimizers.push(cleanText(tag.text));
    return [{ kind: 'text', text: close.text.trimStart().slice(1) }, ...toks.slice(i + 3)];
  }
  const m = open?.kind === 'text' ? /^\s*\(([A-Za-z][\w+.-]{1,30})\)\s+/.exec(open.text) : null;
  if (m && open?.kind === 'text') {
    fields.optimizers.push(m[1] as string);
    return [{ kind: 'text', text: open.text.slice(m[0].length) }, ...toks.slice(i + 1)];
  }
  return toks;
}

/** The title of an unstyled entry: the leading sentence, up to where its other fields begin. */
function plainTitle(text: string, fields: EntryFields): { title: string; rest: string; source: TitleSource } {
  // "Kingma and Ba (2015): Adam, a method…. ICLR." and APA's "Kingma, D. P., & Ba, J. (2015). Title. Venue."
  const af = /^(.+?)\s*\(((?:19|20)\d{2})[a-z]?\)[.:]\s+(.+)$/.exec(text);
  const names = af ? readNames(af[1] as string) : null;
  if (af && names && !/[\uE001\uE005]/.test(af[1] as string)) {
    fields.authors = names.names;
    fields.authorsComplete = names.complete;
    fields.listedYear = Number(af[2]);
    const sentence = /^(.+?[.?!])(?:\s+|$)(.*)$/.exec(af[3] as string);
    return {
      title: sentence ? (sentence[1] as string) : (af[3] as string),
      rest: sentence?.[2] ?? '',
      source: 'authors-first',
    };
  }
  // '"Lookahead Optimizer: k steps forward" by Michael R. Zhang et al., NeurIPS 2019'
  const quoted = /^\s*["“'‘](.{8,}?)["”'’](?=[\s,.:;]|$)\s*(?:,|\.|by\b)?\s*(.*)$/.exec(text);
  if (quoted) return { title: quoted[1] as string, rest: `, ${quoted[2]}`, source: 'plain' };
  const markers = [
    YEAR_PAREN.exec(text),
    /[.,]?\s+In\s*:?\s*(?=\uE001)/i.exec(text),
    /[.,]?\s+In\s*:?\s+(?=(?:Proceedings|Advances|arXiv|International|Conference)\b)/i.exec(text),
    /[,，]\s*(?=\uE001)/.exec(text),
    /\.\s*(?=\[|\(|$)/.exec(text),
  ].filter((m): m is RegExpExecArray => m !== null);
  const cut = markers.sort((a, b) => a.index - b.index)[0]?.index ?? text.length;
  // "Title, G. Hinton and R. Salakhutdinov. [[pdf]]": names may end the sentence the cut ends.
  const tail = trailingNames(text.slice(0, cut));
  const end = tail || cut;
  return { title: text.slice(0, end), rest: text.slice(end), source: 'plain' };
}

/**
 * Where the fields that end an unstyled sentence start: a run of names, a venue, a year, in any
 * order after a separator ("Title, G. Hinton and R. Salakhutdinov", "Title · Juntang Zhuang et al.
 * · NeurIPS"), or 0. The leftmost place after which every piece is a field wins.
 */
function trailingNames(text: string): number {
  const SEP = /[,，.]\s+|\s+(?:[-–—·|]|by)\s+/g;
  for (const m of text.matchAll(SEP)) {
    const tail = text.slice(m.index + m[0].length);
    if (/[\uE001\uE005]/.test(tail)) continue;
    const pieces = tail
      .split(/\s+[-–—·|]\s+|\s+by\s+|;|(?<=\p{L}{2})\.\s+/u)
      .map((p) => p.trim().replace(/\.$/, ''))
      .filter(Boolean);
    let names = 0;
    const fields = pieces.every((p) => {
      if (/^(?:19|20)\d{2}$/.test(p) || isVenueEvidence(p)) return true;
      const n = readNames(p);
      // After a comma only names that cannot be a phrase count; after a full stop or a dash, a few bare surnames do.
      if (n && (isStrongNameRun(p, n) || (m[0].trim() !== ',' && n.names.length <= 4))) names++;
      return n !== null;
    });
    if (fields && names > 0) return m.index;
  }
  return 0;
}

/** Reads what follows the title: year, venue, authors and notes, in any order. */
function readRest(rest: string, fields: EntryFields, state: RestState): void {
  let s = rest;
  // "(2015)", "(Book, Jan 2017)", "(ICLR 2019)", or a broken "(2014, C. Dong et al.".
  const paren = YEAR_PAREN.exec(s);
  if (paren) {
    const inner = cleanText(paren[1] ?? paren[2] ?? '');
    const year = /\b((?:19|20)\d{2})\b/.exec(inner);
    if (isKnownVenue(inner)) state.venues.push(inner);
    // "(Liu et al., ICLR 2020)": names and a venue in the brackets are read like any others.
    else if (inner.split(/[,;]/).some((p) => isKnownVenue(p)) || /\bet\.?\s*al\b|\b\p{Lu}\.\s/u.test(inner))
      readSegments(inner, fields, state);
    else {
      fields.listedYear ??= year ? Number(year[1]) : null;
      const note = cleanText(
        inner
          .replace(/\b(?:19|20)\d{2}[a-z]?\b/, '')
          .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i, '')
          .replace(/^[,\s]+|[,\s]+$/g, ''),
      );
      if (note) fields.notes.push(note);
    }
    s = s.slice(0, paren.index) + (paren[2] ? ', ' : ' ') + s.slice(paren.index + paren[0].length);
    // "Models(2017): A Tutorial, G. Neubig" — the title went on after the year.
    const more = /^\s*:\s*([^,\uE001]+?)(?=,|$)/.exec(s.slice(paren.index));
    if (more && !readNames(more[1] as string)) {
      fields.title += `: ${cleanText(more[1] as string)}`;
      s = s.slice(0, paren.index) + s.slice(paren.index + more[0].length);
    }
  }
  // "In *ICML 2018*", "*NeurIPS 2017*/", "，*Authors*，": italic text is a venue or authors.
  s = s.replace(
    /(\bIn\s*:?\s*)?\uE001([^\uE002]*)\uE002\s*\/?/gi,
    (_m, inWord: string | undefined, inner: string) => {
      // Italic after a title is its authors unless it reads as a venue; names the reader does not
      // know ("O'Brien \"Quote\"") are kept as written, split at commas, but prove nothing.
      const venueLike =
        inWord ||
        isVenueEvidence(inner) ||
        /\b(?:journal|proceedings|conference|workshop|preprint)\b/i.test(inner);
      const names = venueLike ? null : readNames(inner);
      if (names && !state.authors) state.authors = names;
      else if (!venueLike && !state.authors && /\p{L}/u.test(inner)) {
        state.authors = looseNames(inner);
        state.loose = true;
      } else if (inner.trim()) state.venues.push(cleanText(inner));
      return ' , ';
    },
  );
  s = s.replace(/\bIn\s*:?\s+/i, ', ');
  readSegments(s, fields, state);
}

/** Classifies comma-separated pieces: a year, a run of names, or the venue. */
function readSegments(text: string, fields: EntryFields, state: RestState): void {
  const segments = text
    .replace(/[\uE005\uE006]/g, '')
    // "(Best Paper)", "(Oral)": a parenthesis without a year is a note on the entry.
    .replace(/\(([^()]{1,60})\)/g, (m, inner: string) => {
      if (/\b(?:19|20)\d{2}\b/.test(inner) || !/\p{L}/u.test(inner)) return m;
      fields.notes.push(cleanText(inner));
      return ' ';
    })
    .replace(/[[\]()]/g, ' ')
    // Commas, semicolons, dashes, "by", and full stops after a word ("et al. ICLR 2020"), not after an initial.
    .split(/[,，;；]|\s[-–—|·]\s|\sby\s|(?<=\p{L}{2})\.\s+/u)
    .map((p) => cleanText(p).replace(/^[.:#/\s]+|[:#/\s]+$/g, ''))
    .filter((p) => p && /[\p{L}\p{N}]/u.test(p));
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    const names = readNames(run.join(', '));
    if (names && !state.authors) {
      state.authors = names;
      state.strong ||= isStrongNameRun(run.join(', '), names);
    }
    run = [];
  };
  for (const seg of segments) {
    const bare = seg.replace(/\.$/, '');
    if (/^(?:19|20)\d{2}$/.test(bare)) {
      flush();
      fields.listedYear = Number(bare);
    } else if (!isKnownVenue(bare) && readNames(seg)) run.push(seg);
    // Surname-first lists put initials in a piece of their own ("Kingma, D. P., Ba, J.").
    else if (run.length && /^(?:\p{Lu}\.\s*-?\s*)+(?:et\.?\s*al\.?)?$/u.test(seg)) run.push(seg);
    else if (/\bet\.?\s*al\b/i.test(seg) && readNames(seg)) run.push(seg);
    else {
      flush();
      if (!state.authors && !state.venues.length && readNames(seg) === null && looksLikeLeftover(bare))
        continue;
      state.venues.push(bare);
    }
  }
  flush();
}

/** Lines after the first: "Diederik P. Kingma, Jimmy Ba; 2014", or a venue; a description is ignored. */
function readNextLine(line: Token[], fields: EntryFields, state: RestState): void {
  const text = flatten(line.filter((t) => t.kind !== 'link'));
  const labelled = LABELLED.exec(text.replace(/[\uE001\uE002\uE005\uE006]/g, ''));
  if (labelled) {
    readLabelled((labelled[1] as string).toLowerCase(), cleanText(labelled[2] as string), fields, state);
    return;
  }
  const parts = text
    .split(/[;；]|(?<=\p{L}{2})\.\s+/u)
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter(Boolean);
  const known = parts.every(
    (p) => /^(?:19|20)\d{2}$/.test(p) || readNames(p) !== null || isVenueEvidence(p.replace(/^In\s+/i, '')),
  );
  if (known) readSegments(parts.join(';'), fields, state);
}

const LABELLED = /^\s*([\p{L};]+(?: in| at)?)\s*[:：]\s*(.*)$/u;

/** A line that names its field ("Authors: …", "Venue: ICLR 2019", "Year: 2019"); other labels (code, tags) add nothing. */
function readLabelled(label: string, value: string, fields: EntryFields, state: RestState): void {
  if (!value) return;
  if (/^(authors?|by)$/.test(label)) {
    const names = readNames(value);
    state.authors ??= names ?? looseNames(value);
    if (names) state.strong ||= isStrongNameRun(value, names);
  } else if (/^(venue|conference|journal|published|publication|booktitle)/.test(label))
    state.venues.push(value);
  else if (/^(year|date)$/.test(label)) {
    const y = /\b((?:19|20)\d{2})\b/.exec(value);
    if (y) fields.listedYear = Number(y[1]);
  }
}

/**
 * Several venue pieces ("NeurIPS 2019", "arXiv:1907.08610"; "Proceedings of … ICML", "PMLR 97"):
 * the first catalogued one is the venue, an arXiv reference only gave the id, the rest are notes.
 */
function pickVenue(pieces: string[], fields: EntryFields): string | null {
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

/** A venue that says something: a known series, or any venue with a year. */
function isVenueEvidence(v: string): boolean {
  // A short name with a year ("SOSP 2019", "foo'23"); a long sentence that mentions a year is not a venue.
  return isKnownVenue(v) || (/\b(?:19|20)\d{2}\b|['’]\d{2}\b/.test(v) && v.trim().split(/\s+/).length <= 8);
}

/** A title worth keeping: a phrase with letters, not a year, a count or a single stray word. */
function titleLooksReal(title: string, source: TitleSource | null): boolean {
  const words = cleanText(title)
    .split(/\s+/)
    .filter((w) => /\p{L}{2}/u.test(w));
  if (source === 'plain' || source === 'italic') return words.length >= 2;
  return words.length >= 2 || words.some((w) => /\p{L}{4}/u.test(w));
}

/** Tokens to text, with italic and code kept marked for the recognisers. */
function flatten(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.kind === 'emphasis') return `${EM[0]}${t.text}${EM[1]}`;
      if (t.kind === 'code') return `${CODE[0]}${t.text}${CODE[1]}`;
      if (t.kind === 'link') return ' ';
      if (t.kind === 'newline') return ' ';
      // A label whose link broke ("[[pdf]] (https://…)") is furniture, not text of the entry.
      return t.text.replace(BROKEN_LABEL, ' ');
    })
    .join('');
}
