import { cleanText, foldKey } from '../domain/normalize.js';
import { noCandidates, proposeYear } from './candidates.js';
import { assemblePaper, type EntryFields, type EntryResult, resolveFields } from './entry-record.js';
import { pickVenue, readNextLine, readRest } from './entry-rest.js';
import { isVenueEvidence, type RestState } from './entry-text.js';
import { readTitle, takeLead, titleLinkRecord, titleLooksReal } from './entry-title.js';
import { isAnchor, isPaperLink, readLink } from './links.js';
import { isStrongNameRun, readNames } from './names.js';
import type { LinkRecord } from './records.js';
import { lines, normalizeTokens, type Token, tokenText } from './tokens.js';
import { isKnownVenue } from './venue.js';
import { FIELD_LABEL, LINK_LABEL, NON_PAPER_TITLE } from './vocabulary.js';

/**
 * Where the document's entries carry their links on their first line, a first line with none
 * whose next line has them is a title wrapped over two lines ("…Editing by Only" / "Changing What You Want, [[paper]]").
 */
function joinWrappedTitle(all: Token[][], linksOnFirstLine: boolean): Token[][] {
  const [first, second, ...rest] = all;
  const hasLink = (l: Token[]) => l.some((t) => t.kind === 'link');
  if (!linksOnFirstLine || !first || !second || hasLink(first) || !hasLink(second)) return all;
  const lead = second.findIndex((t) => t.kind === 'link');
  // The title goes on before the links; names there are the next line's authors.
  const before = second
    .slice(0, lead)
    .map(tokenText)
    .join('')
    .replace(/[,;.\s[(]+$/, '');
  if (!/\p{L}{2}/u.test(before) || readNames(before)) return all;
  return [[...first, { kind: 'text', text: ' ' }, ...second], ...rest];
}

/**
 * A run of names wrapped over lines before the title ("Sanjeev Arora, Rong Ge, …, and Yi" /
 * "Zhang, *Generalization and Equilibrium…*. ICML 2017."): a first line of plain names whose title
 * is styled on the next line is one line with it.
 */
function joinWrappedNames(all: Token[][]): Token[][] {
  const [first, second, ...rest] = all;
  const styled = (l: Token[]) =>
    l.some((t) => t.kind === 'strong' || t.kind === 'emphasis' || t.kind === 'both');
  if (!first || !second || styled(first) || first.some((t) => t.kind === 'link') || !styled(second))
    return all;
  const names = readNames(first.map(tokenText).join(''));
  if (!names || names.names.length < 2) return all;
  return [[...first, { kind: 'text', text: ' ' }, ...second], ...rest];
}

/** A curator's label before a colon: "**AdaGrad**: …", "Momentum: …" (a few words, no field label). */
const ALIAS = /^\s*([^:：\n]{1,40}?)\s*[:：]\s+(?=\S)/;

/**
 * "**AdaGrad**: J Duchi, E Hazan, and Y Singer. Title. JMLR'11", "Momentum: Qian, N. Title. 1999":
 * a label (the method's name), then a whole reference written names first. The reference is the
 * entry and the label a note; anything else is read as written.
 */
function readAliased(tokens: Token[], context: Parameters<typeof parseEntry>[1]): EntryResult | null {
  const at = tokens.findIndex((t) => tokenText(t).trim() !== '' || t.kind === 'link');
  const first = tokens[at];
  if (!first || first.kind === 'link' || first.kind === 'newline') return null;
  let label: string;
  let rest: Token[];
  const next = tokens[at + 1];
  if (first.kind === 'strong' && next?.kind === 'text' && /^\s*[:：]\s/.test(next.text)) {
    label = first.text;
    rest = [{ kind: 'text', text: next.text.replace(/^\s*[:：]\s*/, '') }, ...tokens.slice(at + 2)];
  } else if (first.kind === 'text' && ALIAS.test(first.text)) {
    const m = ALIAS.exec(first.text) as RegExpExecArray;
    label = m[1] as string;
    rest = [{ kind: 'text', text: first.text.slice(m[0].length) }, ...tokens.slice(at + 1)];
  } else return null;
  if (label.split(/\s+/).length > 5 || FIELD_LABEL.test(`${label}:`) || /\d{4}/.test(label)) return null;
  // The reference after a label is read once: its own "Label:" opening is text, not another
  // label (a line of "a: a: a: …" would otherwise recurse once per colon).
  const r = parseEntry(rest, { ...context, labelled: true });
  // A reference: names with initials, or a year, venue or paper link besides them
  // ("Locomotion: MuJoCo, Roboschool, etc" is none).
  if (
    r.ok !== true ||
    !r.paper.authors.length ||
    (r.paper.year === null &&
      r.paper.venue === null &&
      !r.paper.links.some(isPaperLink) &&
      !r.paper.authors.some((a) => /\p{Lu}\./u.test(a.name)))
  )
    return null;
  // Names first: the reference does not open with its title.
  const text = rest.map(tokenText).join('').trimStart();
  if (foldKey(text).startsWith(foldKey(r.paper.title))) return null;
  return { ok: true, paper: { ...r.paper, notes: [cleanText(label), ...r.paper.notes] } };
}

/**
 * Reads one list item by recognising its fields wherever they stand, not by matching a template:
 * the title (bold text, a leading link, or the leading sentence), authors (italic, a run of names,
 * or the next line), venue and year (`In *ICML 2018*`, `(2015)`, `，ICLR 2019，2018`), every link,
 * and an optimizer tag (`(***Adam***)`, `(Adam)`). Table-of-contents bullets and items that carry
 * no sign of being a paper (no year, venue, authors or paper link) are skipped, not warned about.
 */
export function parseEntry(
  tokens: Token[],
  context: {
    year?: number | null;
    venue?: string | null;
    linksOnFirstLine?: boolean;
    titles?: boolean;
    namesFirst?: boolean;
    /** Read behind a curator's label already (readAliased). */
    labelled?: boolean;
  } = {},
): EntryResult {
  tokens = normalizeTokens(tokens);
  const linkTokens = tokens.filter((t): t is Extract<Token, { kind: 'link' }> => t.kind === 'link');
  const words = tokens.filter((t) => t.kind !== 'link' && t.kind !== 'newline');
  const prose = words.map((t) => ('text' in t ? t.text : '')).join('');
  // Table-of-contents bullets: every link stays in the page, and one opens the item or is all of it.
  const opener = tokens.find((t) => t.kind === 'link' || tokenText(t).trim() !== '');
  const allAnchors = linkTokens.length > 0 && linkTokens.every((l) => isAnchor(l.url) || !l.url.trim());
  if (allAnchors && (opener?.kind === 'link' || !/\p{L}{2}/u.test(prose))) {
    return { ok: 'skip', why: 'navigation' };
  }
  const aliased = context.labelled ? null : readAliased(tokens, context);
  if (aliased) return aliased;
  const [main = [], ...more] = joinWrappedTitle(
    joinWrappedNames(lines(tokens)),
    context.linksOnFirstLine === true,
  );
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
    candidates: noCandidates(),
  };
  const lead: string[] = [];
  const { title, rest, source, titleLink } = readTitle(takeLead(main, lead, fields), fields, {
    namesFirst: context.namesFirst === true,
  });
  fields.title = title;
  // A title's own link is labelled by where it points ("arxiv", "pdf"…), not by the title.
  const links = linkTokens
    .map((l) => (l === titleLink ? titleLinkRecord(l.url) : readLink(l.text, l.url)))
    .filter((l): l is LinkRecord => l !== null);
  fields.links = links;
  const state: RestState = { venues: lead, named: false, strong: source === 'authors-first' };
  readRest(rest, fields, state);
  for (const line of more) readNextLine(line, fields, state);
  // `[arxiv](https://arxiv.org/abs/…)` with no other venue: the paper is a preprint.
  if (
    !state.venues.length &&
    linkTokens.some((l) => /^\[?arxiv\]?$/i.test(l.text.trim()) && /arxiv\.org/i.test(l.url))
  )
    state.venues.push('arXiv');
  // "[[ICML20]](…pdf)": a paper link labelled with its venue and year says where it appeared.
  if (!state.venues.length) {
    const labelled = linkTokens
      .map((l) => l.text.replace(/^\[+|\]+$/g, '').trim())
      .find((t) => /\d{2}$/.test(t) && isKnownVenue(t));
    if (labelled) state.venues.push(labelled);
  }
  // Under a bullet or heading that is only a year or a venue ("- 2018", "## ICML 2019"), it is theirs.
  proposeYear(fields.candidates, context.year, 'parent');
  if (!state.venues.length && context.venue) state.venues.push(context.venue);
  fields.venueText = pickVenue(state.venues, fields);
  const authors = resolveFields(fields);

  const paperLink = links.some(isPaperLink);
  // An unstyled sentence is a paper only with a sign no prose has: a paper link, a year, a venue,
  // or names with initials; bold or linked titles may rest on a plain run of names too.
  const evidence =
    (context.titles === true && !fields.authors.length) ||
    paperLink ||
    fields.listedYear !== null ||
    state.venues.some(isVenueEvidence) ||
    (fields.authors.length > 0 && !authors?.loose && (state.strong || source !== 'plain'));
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
  // Beside a paper link, a one-word title ("Adam [[paper]](…) - Kingma & Ba") is judged as a link's text is.
  const arxiv =
    fields.links.some((l) => /arxiv\.org/i.test(l.url)) || /\barXiv\s*:\s*\d{4}\.\d{4,5}/i.test(prose);
  const wordBesideLink =
    (paperLink || arxiv) &&
    source === 'plain' &&
    (fields.authors.length > 0 || arxiv) &&
    !LINK_LABEL.test(fields.title.replace(/[\s\d:：.,()-]+/g, ' ').trim());
  if (!titleLooksReal(fields.title, wordBesideLink ? 'link' : source)) {
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
  if (!evidence || NON_PAPER_TITLE.test(fields.title)) return { ok: 'skip', why: 'not a paper' };
  return assemblePaper(fields);
}
