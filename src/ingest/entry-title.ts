/** The title of an entry and what may stand before it: a venue in brackets, a year, an optimizer tag. */
import { cleanText, foldKey } from '../domain/normalize.js';
import { proposeAuthors, proposeYear } from './candidates.js';
import { type EntryFields, MAX_AUTHORS, MAX_TITLE } from './entry-record.js';
import { flatten, isVenueEvidence, type TitleSource, YEAR_PAREN } from './entry-text.js';
import { isAnchor, readLink } from './links.js';
import { isStrongNameRun, type NameList, readNames } from './names.js';
import type { LinkRecord } from './records.js';
import { type Token, tokenText } from './tokens.js';
import { isKnownVenue } from './venue.js';
import {
  CODE,
  COMMA,
  DATE_LEAD,
  DECORATION,
  EM,
  firstGroup,
  GLUED_LEAD,
  LINK_LABEL,
  rx,
  SEPARATOR,
  SPACED_SEPARATOR,
  STYLED,
  WORD_STOP,
  YEAR,
  YEAR_ONLY,
} from './vocabulary.js';

/** Finds the title at the head of the first line; returns the rest of that line as marked text. */
export function readTitle(
  main: Token[],
  fields: EntryFields,
  habit: Habit = {},
): { title: string; rest: string; source: TitleSource | null; titleLink?: Token } {
  let toks = withoutLabelLinks(main);
  toks = takeTag(toks, fields);
  const first = toks.findIndex((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const head = toks[first];
  const after = () => flatten(toks.slice(first + 1));
  if (!head) return { title: '', rest: '', source: null };
  if (head.kind === 'strong' || head.kind === 'both') {
    // "**Kingma, D. P. & Ba, J.** *Adam: A method…* ICLR 2015": bold names, then the title in italics;
    // APA keeps the year in the bold ("**Liu, D. C., & Nocedal, J. (1989).**").
    const apaYear = BOLD_NAMES_YEAR.exec(head.text);
    const names = readNames(apaYear ? head.text.slice(0, apaYear.index) : head.text);
    const italic = toks.findIndex((t, j) => j > first && t.kind === 'emphasis');
    const between = toks.slice(first + 1, italic).every((t) => t.kind === 'text' && !/\p{L}/u.test(t.text));
    const italicText = italic > first ? (toks[italic] as { text: string }).text : '';
    if (names && isStrongNameRun(head.text, names, true) && italicText && between && !readNames(italicText)) {
      proposeAuthors(fields.candidates, names, 'before-title');
      if (apaYear) proposeYear(fields.candidates, Number(apaYear[1]), 'names-year');
      const title = cleanText(italicText).replace(/\.$/, '');
      return { title, rest: flatten(toks.slice(italic + 1)), source: 'authors-first' };
    }
    return { title: head.text, rest: after(), source: 'bold' };
  }
  if (
    head.kind === 'link' &&
    !isAnchor(head.url) &&
    /\p{L}{2}/u.test(head.text) &&
    !/^<?https?:/i.test(head.text)
  ) {
    // A whole reference as the link's text ("[Rosenbaum, Paul R., and Donald B. Rubin. "Title." Biometrika (1983).](…)").
    const cited = authorsFirst(head.text, fields, habit);
    if (cited) return { ...cited, rest: `${cited.rest} ${after()}`, titleLink: head };
    // "[Title [Bubeck, Cesa-Bianchi]](…)": the authors in a closing bracket of the link's text.
    const bracket = /^(.*\S)\s*[[(]([^[\]()]{2,200})[\])]\s*$/.exec(head.text);
    const names = bracket ? readNames(bracket[2] as string) : null;
    if (bracket && names && !isKnownVenue(bracket[2] as string)) {
      proposeAuthors(fields.candidates, names, 'brackets');
      return { title: bracket[1] as string, rest: after(), source: 'link', titleLink: head };
    }
    const named = afterColon(head.text, after(), fields, habit);
    if (named) return { ...named, titleLink: head };
    return { title: head.text, rest: after(), source: 'link', titleLink: head };
  }
  if (head.kind === 'emphasis' && !toks.some((t) => t.kind === 'strong') && !readNames(head.text))
    return { title: head.text, rest: after(), source: 'italic' };
  return plainTitle(flatten(toks.slice(first)), fields, habit);
}

/**
 * What the document's other entries say about reading this one: `namesFirst` when most of them
 * are references written names first, so one leading name ("James Martens. Title. 2017") is an author.
 */
export interface Habit {
  namesFirst?: boolean;
}

/** The tokens without links that only label themselves ("[pdf]", "[[notes](…)]"), brackets around them included. */
function withoutLabelLinks(toks: Token[]): Token[] {
  const out: Token[] = [];
  let dropBracket = false;
  for (const t of toks) {
    const prev = out[out.length - 1];
    // "<[Title](…)>", "[[notes](…)]": brackets around a link wrap it; a label link goes with them.
    const wrapped = t.kind === 'link' && prev?.kind === 'text' && /[[<]\s*$/.test(prev.text);
    if (wrapped && prev?.kind === 'text') {
      out[out.length - 1] = { ...prev, text: prev.text.replace(/[[<]\s*$/, '') };
      dropBracket = true;
    }
    if (t.kind === 'link' && LINK_LABEL.test(t.text)) continue;
    if (t.kind === 'link') {
      out.push(t);
      continue;
    }
    if (dropBracket && t.kind === 'text') out.push({ ...t, text: t.text.replace(/^\s*[\]>]/, '') });
    else out.push(t);
    dropBracket = false;
  }
  return out;
}

export function titleLinkRecord(url: string): LinkRecord | null {
  const link = readLink('', url);
  return link && link.label === 'link' ? { ...link, label: 'paper' } : link;
}

/**
 * What some lists put before the title: a venue in brackets (`[ICLR 2019]`, `**[NeurIPS 2018]**`,
 * `(ICML 2020)`) or a year and a separator (`2020 · Title`). Moved to `lead` (venues) or the year.
 */
export function takeLead(all: Token[], lead: string[], fields: EntryFields): Token[] {
  const toks = dropDecoration(all);
  const i = toks.findIndex((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const head = toks[i];
  if (!head || head.kind === 'link' || head.kind === 'newline') return toks;
  // "**[12]**", "*[Kingma & Ba, 2015]*": a citation key in bold or italics, alone in its style.
  if (head.kind !== 'text' && head.kind !== 'code' && !/^\s*[[(][^\])]{1,40}[\])]\s*$/.test(head.text))
    return toks;
  // "`2017` Title — Authors": a year in code marks.
  if (head.kind === 'code' && YEAR_ONLY.test(head.text)) {
    proposeYear(fields.candidates, Number(head.text.trim()), 'lead');
    return [...toks.slice(0, i), ...toks.slice(i + 1)];
  }
  // "2018-ICLR-[Title](…)": the whole text before a linked or bold title is its year and venue.
  // "Batch Norm: [How Does Batch Normalization Help Optimization?](…)": a topic label before a linked title.
  const next = toks[i + 1];
  if (
    next?.kind === 'link' &&
    next.text.trim().split(/\s+/).length >= 2 &&
    /^\s*[^:：[\]()]{1,40}\s*[:：]\s*$/.test(head.text)
  ) {
    fields.notes.push(cleanText(head.text).replace(/\s*[:：]$/, ''));
    return [...toks.slice(0, i), ...toks.slice(i + 1)];
  }
  const glued = ['link', 'strong', 'both'].includes(toks[i + 1]?.kind ?? '')
    ? GLUED_LEAD.exec(head.text)
    : null;
  if (glued) {
    proposeYear(fields.candidates, firstGroup(glued), 'lead');
    const venue = glued.at(-1);
    if (venue && /\p{L}{2}/u.test(venue)) lead.push(cleanText(venue));
    return [...toks.slice(0, i), ...toks.slice(i + 1)];
  }
  const date = DATE_LEAD.exec(head.text);
  const m = date ?? /^\s*[[(]([^\])]{1,40})[\])]\s*/.exec(head.text);
  if (!m) return toks;
  const inner = cleanText(m[1] ?? '');
  const key = date ? null : citationKey(inner);
  if (date) proposeYear(fields.candidates, firstGroup(date), 'lead');
  else if (YEAR_ONLY.test(inner)) proposeYear(fields.candidates, Number(inner), 'lead');
  else if (key) proposeYear(fields.candidates, key.year, 'lead');
  else if (isVenueEvidence(inner)) lead.push(inner);
  // "**[UCB]** <[Title](…)>", "[RTS:SC] **Title**": a curator's label before a styled title is no part of it.
  else if (
    (head.kind !== 'text'
      ? /^\s*\[[^\]]{1,40}\]\s*$/.test(head.text)
      : !head.text.slice(m[0].length).trim() && ['strong', 'both'].includes(toks[i + 1]?.kind ?? '')) &&
    toks.slice(i + 1).some((t) => t.kind === 'link' || /\p{L}{2}/u.test(tokenText(t)))
  )
    fields.notes.push(inner);
  else return toks;
  const restText = head.text.slice(m[0].length);
  const replaced: Token[] = restText.trim() ? [{ ...head, text: restText }] : [];
  return [...toks.slice(0, i), ...replaced, ...toks.slice(i + 1)];
}

/** Drops the decoration that opens an entry, so the title is found behind it. */
function dropDecoration(toks: Token[]): Token[] {
  const out = [...toks];
  while (out[0]?.kind === 'text') {
    const text = out[0].text.replace(DECORATION, '');
    if (text === out[0].text) break;
    if (text.trim()) {
      out[0] = { kind: 'text', text };
      break;
    }
    out.shift();
  }
  return out;
}

/** "Reddi et al., 2018" inside a citation key: names, then a year. */
const CITATION_KEY = rx()`^(.+?)[,\s]+(${YEAR})[a-z]?$`;
/** "Kingma and Ba (2015): Title", APA's "Kingma, D. P., & Ba, J. (2015). Title." */
const NAMES_YEAR_TITLE = rx()`^(.+?)\s*\((${YEAR})[a-z]?\)[.:]\s+(.+)$`;

/** Names, then a title in quotes (its closing full stop inside or out), then the rest. */
const NAMES_QUOTED_TITLE = /^(.{2,600}?)[,:]?\s*["“”]\s*(.{3,}?)\s*[.,]?\s*["”“](?=[\s.,;:(]|$)[.,]?\s*(.*)$/;

/**
 * A citation key before the entry: "[Reddi et al., 2018]", "[Kingma & Ba 2015]", "[12]". Not a
 * venue: it is dropped, keeping its year.
 */
function citationKey(inner: string): { year: number | null } | null {
  if (/^\d{1,3}$/.test(inner)) return { year: null };
  const m = CITATION_KEY.exec(inner);
  if (!m || isKnownVenue(m[1] as string)) return null;
  return readNames(m[1] as string) ? { year: Number(m[2]) } : null;
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

/** The sentence after the names is the title, less a closing bracket of fields ("Title (ICLR20)"). */
function firstSentence(text: string): { title: string; rest: string } {
  const sentence = /^(.+?[.?!])(?:\s+|$)(.*)$/.exec(text);
  const title = sentence ? (sentence[1] as string) : text;
  const rest = sentence?.[2] ?? '';
  const fields = fieldsInBrackets(title);
  return fields ? { title: title.slice(0, fields.index), rest: `${fields[0]} ${rest}` } : { title, rest };
}

/** The title of an unstyled entry: the leading sentence, up to where its other fields begin. */
/**
 * A reference written names first: MLA and IEEE with a quoted title, author–year (APA), ACM and
 * Vancouver. Sets the authors (and year) and returns the title and what follows it, else null.
 */
function authorsFirst(
  text: string,
  fields: EntryFields,
  habit: Habit = {},
): { title: string; rest: string; source: TitleSource } | null {
  // MLA and IEEE: 'LeCun, Yann, and Geoffrey Hinton. "Deep learning." Nature (2015).', 'J. Long and T. Darrell, “Title.” in CVPR, 2015.'
  const mla = NAMES_QUOTED_TITLE.exec(text);
  // "… Jan Kautz (NVIDIA)." — an affiliation in brackets is no name.
  const mlaNames = mla
    ? readNames((mla[1] as string).replace(/\s*\([^()]*\)/g, ''), { inverted: true })
    : null;
  if (mla && mlaNames && !STYLED.test(mla[1] as string)) {
    proposeAuthors(fields.candidates, mlaNames, 'before-title');
    return { title: mla[2] as string, rest: `, ${mla[3]}`, source: 'authors-first' };
  }
  // "Kingma and Ba (2015): Adam, a method…. ICLR." and APA's "Kingma, D. P., & Ba, J. (2015). Title. Venue."
  const af = NAMES_YEAR_TITLE.exec(text);
  const names = af ? readNames(af[1] as string) : null;
  if (af && names && !STYLED.test(af[1] as string)) {
    proposeAuthors(fields.candidates, names, 'before-title');
    proposeYear(fields.candidates, Number(af[2]), 'names-year');
    return { ...firstSentence(af[3] as string), source: 'authors-first' };
  }
  // "Sanjeev Arora and Yi Zhang, *Do GANs Actually Learn the Distribution?* Preprint, 2017.": plain
  // names, then the title in italics (the reverse, "Title, *Names*", keeps names in the italics).
  const italic = NAMES_ITALIC_TITLE.exec(text);
  const italicNames = italic ? readNames(italic[1] as string) : null;
  if (
    italic &&
    italicNames &&
    (italicNames.names.length >= 2 || isStrongNameRun(italic[1] as string, italicNames)) &&
    !readNames(italic[2] as string)
  ) {
    proposeAuthors(fields.candidates, italicNames, 'before-title');
    return {
      title: cleanText(italic[2] as string).replace(/[.,]$/, ''),
      rest: italic[3] as string,
      source: 'authors-first',
    };
  }
  // ACM, IEEE and Vancouver: "S. J. Reddi, S. Kale. Title. In ICLR, 2018.", "Kingma DP, Ba J. Title. arXiv. 2014."
  const lead = leadingNames(text, habit.namesFirst === true);
  if (lead) {
    proposeAuthors(fields.candidates, lead.names, 'before-title');
    let after = text.slice(lead.end).trimStart();
    // ACM: "C. De Sa, C. Zhang, and C. Ré. 2015. Title. In …": the year stands between names and title.
    const year = ACM_YEAR.exec(after);
    if (year) {
      proposeYear(fields.candidates, Number(year[1]), 'names-year');
      after = after.slice(year[0].length);
    }
    return { ...firstSentence(after), source: 'authors-first' };
  }
  return null;
}

function plainTitle(
  text: string,
  fields: EntryFields,
  habit: Habit = {},
): { title: string; rest: string; source: TitleSource } {
  const cited = authorsFirst(text, fields, habit);
  if (cited) return cited;
  // '"Lookahead Optimizer: k steps forward" by Michael R. Zhang et al., NeurIPS 2019'
  const quoted = /^\s*["“'‘«](.{8,}?)["”'’»](?=[\s,.:;]|$)\s*(?:,|\.|by\b)?\s*(.*)$/.exec(text);
  if (quoted) return { title: quoted[1] as string, rest: `, ${quoted[2]}`, source: 'plain' };
  const markers = [
    YEAR_PAREN.exec(text),
    rx('i')`[.,]?\s+In\s*:?\s*(?=${EM[0]})`.exec(text),
    /[.,]?\s+In\s*:?\s+(?=(?:Proceedings|Advances|arXiv|International|Conference)\b)/i.exec(text),
    rx()`[,，]\s*(?=${EM[0]})`.exec(text),
    // "Title. *Ilya Sutskever, James Martens.*": a full stop, then italic text.
    rx()`\.\s+(?=${EM[0]})`.exec(text),
    /\.\s*(?=\[|\(|$)/.exec(text),
    fieldsInBrackets(text),
  ].filter((m): m is RegExpExecArray => m !== null);
  const cut = markers.sort((a, b) => a.index - b.index)[0]?.index ?? text.length;
  // "Title, G. Hinton and R. Salakhutdinov. [[pdf]]": names may end the sentence the cut ends.
  const tail = trailingNames(text.slice(0, cut));
  const end = tail || cut;
  return { title: text.slice(0, end), rest: text.slice(end), source: 'plain' };
}

/** "Title (Gupta, Koren, Singer — ICML 2018)": a closing bracket that holds only fields (names, venue, year). */
function fieldsInBrackets(text: string): RegExpExecArray | null {
  const m = /\s*\(([^()]{3,200})\)[\s.]*$/.exec(text);
  if (!m) return null;
  const pieces = (m[1] as string)
    .split(rx()`${COMMA}|\s${SEPARATOR}\s`)
    .map((p) => cleanText(p).replace(/\.$/, ''))
    .filter(Boolean);
  let signs = 0;
  for (const p of pieces) {
    if (YEAR_ONLY.test(p) || isVenueEvidence(p)) signs++;
    else if (readNames(p)) signs++;
    else return null;
  }
  return signs > 0 ? m : null;
}

/**
 * Names that open the entry and end at a full stop, before a title of two or more words: the
 * longest such run that reads as names and could hardly be a phrase (initials, "et al.").
 */
/**
 * A link named for the work, then a colon: "[Petuum](…): E. P. Xing, …, and Y. Yu. 2015. Petuum: A New
 * Platform…. IEEE …" (a whole reference: its title, the link's text a note) or "[SparkNet](…):
 * Training Deep Networks in Spark. In …" (the rest of the title: "SparkNet: Training Deep…").
 * A description after the colon ("…: discusses the different types…", a long sentence with
 * commas) leaves the link's text the title.
 */
function afterColon(
  linkText: string,
  rest: string,
  fields: EntryFields,
  habit: Habit,
): { title: string; rest: string; source: TitleSource } | null {
  const colon = /^\s*[:：]\s*/.exec(rest);
  if (!colon || STYLED.test(rest.slice(0, 1))) return null;
  const tail = rest.slice(colon[0].length);
  const cited = authorsFirst(tail, fields, habit);
  if (cited) {
    fields.notes.push(cleanText(linkText).replace(/\.$/, ''));
    return cited;
  }
  const m = /^([^.,;:?!()[\]]+?[?!]?)(?:\.\s+|\.?$|\.?\s*(?=\())/.exec(tail);
  const phrase = m ? cleanText(m[1] as string) : '';
  const words = phrase.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const long = words.filter((w) => /^\p{L}{4}/u.test(w));
  const titled = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (
    !m ||
    words.length < 2 ||
    words.length > 15 ||
    !/^\p{Lu}/u.test(phrase) ||
    titled < 0.6 * long.length ||
    /[.]$/.test(cleanText(linkText)) ||
    foldKey(phrase) === foldKey(linkText)
  )
    return null;
  return { title: `${cleanText(linkText)}: ${phrase}`, rest: tail.slice(m[0].length), source: 'link' };
}

/** APA's year closing the names: " (1989).", " (2019a)". */
const BOLD_NAMES_YEAR = rx()`\s*\((${YEAR})[a-z]?\)[.:,]?\s*$`;

/** Names, a comma, then an italic title and the rest: "A. B, and C. D, *Title*. Venue". */
const NAMES_ITALIC_TITLE = rx(
  'u',
)`^([^${EM[0]}${EM[1]}]{3,400}?)[,:]\s*${EM[0]}([^${EM[1]}]{3,400})${EM[1]}(.*)$`;

/** A year standing alone as the sentence after the names (ACM): "2015. ", "2016: ". */
const ACM_YEAR = rx()`^(${YEAR})[a-z]?[.:]\s+`;

function leadingNames(text: string, loose = false): { names: NameList; end: number } | null {
  let best: { names: NameList; end: number } | null = null;
  for (const m of text.slice(0, 600).matchAll(/\.\s+(?=[\p{Lu}\p{N}"“'‘])/gu)) {
    const head = text.slice(0, m.index + 1);
    if (STYLED.test(head) || head.includes('(')) break;
    const names = readNames(head);
    if (names && isStrongNameRun(head, names)) best = { names, end: m.index + m[0].length };
    else if (loose) {
      // Where the document writes names first, one name is an author too: "James Martens.",
      // "M Zeiler.", MLA's "Martens, James." (given and family, never a lone word such as "Def.").
      const one = readNames(head, { inverted: /^[^,]+,[^,]+$/.test(head) });
      if (one?.names.length === 1 && (one.names[0] as string).split(/\s+/).length >= 2)
        best = { names: one, end: m.index + m[0].length };
    }
  }
  if (!best) return null;
  const after = text.slice(best.end).replace(ACM_YEAR, '');
  const title = /^(.+?[.?!])(?:\s+|$)/.exec(after)?.[1] ?? after;
  return cleanText(title).split(/\s+/).length >= 2 && !readNames(title) ? best : null;
}

/**
 * Where the fields that end an unstyled sentence start: a run of names, a venue, a year, in any
 * order after a separator ("Title, G. Hinton and R. Salakhutdinov", "Title · Juntang Zhuang et al.
 * · NeurIPS"), or 0. The leftmost place after which every piece is a field wins.
 */
function trailingNames(text: string): number {
  // "//", "->" and "→" between spaces separate fields too (a URL's "//" has no spaces around it).
  const SEP = rx('g')`[,，.]\s+|${SPACED_SEPARATOR}`;
  // Each place is judged by reading all that follows it, so only places a title can end at are
  // tried, and only tails short enough to be fields: linear work, not a pass per separator.
  const latest = cleanedIndex(text, MAX_TITLE);
  for (const m of text.matchAll(SEP)) {
    if (m.index > latest) break;
    if (text.length - m.index > MAX_FIELDS_CHARS) continue;
    const tail = text.slice(m.index + m[0].length);
    if (STYLED.test(tail)) continue;
    // Commas first kept inside a piece ("You, Y., Li, J." is one surname-first run), then split ("Kingma & Ba, ICLR 2015").
    for (const split of [PIECES, PIECES_AND_COMMAS]) {
      const pieces = tail
        .split(split)
        .map((p) => p.trim().replace(/\.$/, ''))
        .filter(Boolean);
      let names = 0;
      const fields = pieces.every((p) => {
        if (YEAR_ONLY.test(p) || isVenueEvidence(p)) return true;
        const n = readNames(p);
        // After a comma only names that cannot be a phrase count; after a full stop or a dash, a few bare surnames do.
        if (n && (isStrongNameRun(p, n) || (m[0].trim() !== ',' && n.names.length <= 4))) names++;
        return n !== null;
      });
      // "Lion — arXiv:2302.06675": an arXiv reference alone ends a title too.
      if (fields && (names > 0 || pieces.every((p) => /^arxiv\s*:\s*\d{4}\.\d{4,5}(?:v\d+)?$/i.test(p))))
        return m.index;
    }
  }
  return 0;
}

/** A hundred names of about 60 characters, with room for a venue and a year: the most fields a title is followed by. */
const MAX_FIELDS_CHARS = MAX_AUTHORS * 60 + 1000;

/**
 * The index of `text` past which its cleaned form (spaces collapsed, marks dropped) is longer than
 * `chars`: a title ending later is refused as too long, whatever it holds.
 */
function cleanedIndex(text: string, chars: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (MARK_CHAR.test(c) || (/\s/.test(c) && /\s/.test(text[i - 1] ?? ''))) continue;
    if (++n > chars) return i;
  }
  return text.length;
}
const MARK_CHAR = rx()`[${EM[0]}${EM[1]}${CODE[0]}${CODE[1]}]`;

const PIECES = rx('u')`${SPACED_SEPARATOR}|;|${WORD_STOP}`;
const PIECES_AND_COMMAS = rx('u')`${SPACED_SEPARATOR}|[;,]|${WORD_STOP}`;

/** A title worth keeping: a phrase with letters, not a year, a count or a single stray word. */
export function titleLooksReal(title: string, source: TitleSource | null): boolean {
  const words = cleanText(title)
    .split(/\s+/)
    .filter((w) => /\p{L}{2}/u.test(w));
  if (source === 'plain' || source === 'italic') return words.length >= 2;
  return words.length >= 2 || words.some((w) => /\p{L}{4}/u.test(w));
}

/** True when a line opens with a run of names that can hardly be a phrase, then a title: "S. J. Reddi, S. Kale. Title. …". */
export function opensWithNames(text: string): boolean {
  return leadingNames(text) !== null;
}
