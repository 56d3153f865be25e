/**
 * What a block of a markdown document is, judged from its shape: a bullet that is only a year or a
 * venue, a list of bare titles or of one entry's fields, a title paragraph, a card, navigation. Pure
 * predicates over mdast, used by parse-list.ts to decide what one entry is.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { cleanText } from '../domain/normalize.js';
import { opensWithNames } from './entry-title.js';
import { isAnchor, isPaperLink } from './links.js';
import { paragraphTokens } from './mdast-text.js';
import { isStrongNameRun, readNames } from './names.js';
import { parseEntry } from './parse-entry.js';
import { type Token, tokenize, tokenText } from './tokens.js';
import { isKnownVenue, parseVenue } from './venue.js';
import { DECORATION, dateYear, FIELD_LABEL, fieldOfLabel, LINK_LABEL, SHORTCODES } from './vocabulary.js';

/** Sections (or `*(Lectures)*` sub-headings) that gather resources, not papers: their items need a paper link. */
export const RESOURCES =
  /\b(lectures?|tutorials?|blogs?|videos?|courses?|talks?|podcasts?|websites?|newsletters?|communit(?:y|ies)|people|researchers|youtube|twitter)\b/i;

/** What a parent bullet or heading passes down to the entries under it. */
export type EntryContext = {
  year?: number | null;
  venue?: string | null;
  linksOnFirstLine?: boolean;
  /** The list is one of bare titles: its items need no other sign of being papers. */
  titles?: boolean;
  /** The document writes references names first (namesFirstHabit). */
  namesFirst?: boolean;
};

/**
 * A list of bare titles, "- Markovian Flow Matching: Accelerating MCMC with …": five or more
 * one-line items without links, four in five shaped like titles (capitalised words or a colon,
 * no sentence inside), and long enough that they are not a list of topics (median four words).
 */
export function isTitleList(list: List): boolean {
  const items = list.children;
  if (items.length < 5) return false;
  const texts: string[] = [];
  for (const li of items) {
    const [p, ...rest] = li.children;
    // A bare address after the title ("Title (https://…)") is the title's link, not a title of its own.
    const bare = (c: Paragraph['children'][number]) =>
      c.type === 'link' && /^https?:/.test(mdToString(c)) && mdToString(c) === c.url;
    const links = p?.type === 'paragraph' ? p.children.filter((c) => c.type === 'link') : [];
    // One bare address, last: "Title (https://…)"; more are a resource's links ("…, Code: https://…").
    const after =
      p?.type === 'paragraph' && links[0] ? p.children.slice(p.children.indexOf(links[0]) + 1) : [];
    const lastLink =
      links.length === 1 && after.every((c) => c.type === 'text' && /^[\s)\].,;]*$/.test(c.value));
    if (p?.type !== 'paragraph' || rest.length || links.some((c) => !bare(c)) || (links.length && !lastLink))
      return false;
    const text = cleanText(p.children.map((c) => (bare(c) ? '' : mdToString(c))).join('')).replace(
      /\s*[([]\s*[)\]]$/,
      '',
    );
    if (text) texts.push(text);
  }
  const lengths = texts.map((t) => t.split(' ').length).sort((a, b) => a - b);
  if ((lengths[Math.floor(lengths.length / 2)] ?? 0) < 4) return false;
  const shaped = (t: string) => /^\p{Lu}/u.test(t) && t.split(' ').length <= 25 && !/[.?!]\s+\p{Lu}/u.test(t);
  const titleCase = (t: string) => {
    const words = t.split(' ');
    return words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.4 * words.length || t.includes(': ');
  };
  // Titles in Title Case, or, where half the list is so, sentence case too ("A semismooth newton method…").
  const cased = texts.filter((t) => shaped(t) && titleCase(t)).length;
  const titleShaped = texts.filter((t) => shaped(t) && (titleCase(t) || cased >= 0.5 * texts.length));
  return titleShaped.length >= 0.8 * texts.length;
}

/** True when four in five list entries with links carry one on their first line (the document's habit). */
export function linksOnFirstLines(nodes: RootContent[]): boolean {
  let withLinks = 0;
  let onFirst = 0;
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'listItem') {
      const p = (n.children ?? []).find((c) => (c as { type: string }).type === 'paragraph') as
        | Paragraph
        | undefined;
      const tokens = p ? tokenize(p.children) : [];
      const firstEnd = tokens.findIndex((t) => t.kind === 'newline');
      const first = firstEnd < 0 ? tokens : tokens.slice(0, firstEnd);
      if (tokens.some((t) => t.kind === 'link')) {
        withLinks++;
        if (first.some((t) => t.kind === 'link')) onFirst++;
      }
    }
    for (const c of (n.children ?? []) as Array<typeof n>) visit(c);
  };
  for (const n of nodes) visit(n as never);
  return withLinks >= 5 && onFirst >= 0.8 * withLinks;
}

/**
 * True when the document writes its references names first ("S. J. Reddi, S. Kale. Title. ICLR'18"):
 * three or more list items or paragraphs open with a run of names no phrase has (past a curator's
 * label), and they are a tenth or more of the items with text. Then one leading name counts too.
 */
export function namesFirstHabit(nodes: RootContent[]): boolean {
  let items = 0;
  let named = 0;
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'listItem' || (n.type === 'paragraph' && nodes.includes(n as RootContent))) {
      const p = (
        n.type === 'paragraph'
          ? n
          : (n.children ?? []).find((c) => (c as { type: string }).type === 'paragraph')
      ) as Paragraph | undefined;
      const text = p ? cleanText(mdToString(p).split('\n')[0] ?? '') : '';
      if (/\p{L}{2}/u.test(text)) {
        items++;
        if (opensWithNames(text.replace(/^[^:：]{1,40}[:：]\s+/, '')) || opensWithNames(text)) named++;
      }
    }
    for (const c of (n.children ?? []) as Array<typeof n>) visit(c);
  };
  for (const n of nodes) visit(n as never);
  return named >= 3 && named >= 0.1 * items;
}

/** A bullet that is only a year or a venue ("- 2018", "- ICML 2019"): the context of the bullets under it. */
export function contextOf(p: Paragraph): EntryContext | null {
  const text = cleanText(mdToString(p)).replace(/[:：]$/, '');
  const year = dateYear(text);
  if (year !== null) return { year };
  if (!isKnownVenue(text) || text.split(' ').length > 4) return null;
  const v = parseVenue(text);
  return { venue: text, year: v.year };
}

/**
 * A nested list of entries: under a paper, most of its items are papers in their own right (two or
 * more); under a bullet that is no paper by itself (a topic), any of them is.
 */
export function holdsEntries(list: List, underPaper: boolean): boolean {
  // A table of contents under a bullet: its items are read (and skipped) as navigation.
  if (list.children.every(isNavigationItem)) return true;
  const complete = list.children.filter((li) => {
    const paras = li.children.filter((c): c is Paragraph => c.type === 'paragraph');
    if (!paras.length || isFieldItem(li)) return false;
    const r = parseEntry(paragraphTokens(paras));
    return (
      r.ok === true &&
      (r.paper.links.some(isPaperLink) || r.paper.authors.length > 0 || r.paper.year !== null)
    );
  }).length;
  return underPaper ? complete >= 2 && complete * 2 > list.children.length : complete >= 1;
}

/** A bullet whose links all stay in the page ("- [Adaptive](#adaptive)"). */
export function isNavigationItem(li: ListItem): boolean {
  const links = li.children
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .flatMap((p) => tokenize(p.children))
    .filter((t) => t.kind === 'link');
  return links.length > 0 && links.every((t) => t.kind === 'link' && isAnchor(t.url));
}

/** A bullet that is a field of its parent entry: "Authors: …", "Venue: ICLR 2019", or links to other pages only. */
export function isFieldItem(li: ListItem): boolean {
  const [p, ...rest] = li.children;
  if (p?.type !== 'paragraph' || rest.length) return false;
  const tokens = tokenize(p.children);
  const text = tokens.map((t) => (t.kind === 'newline' || t.kind === 'link' ? '' : t.text)).join('');
  const links = tokens.filter((t) => t.kind === 'link');
  if (FIELD_LABEL.test(text) || styledLabel(tokens)) return true;
  // Links only ("[paper](…) | [code](…)"), unless a link's text is a title: "- [On the Number of Linear Regions …](…)" is an entry.
  const titled = links.some(
    (t) => t.kind === 'link' && !LINK_LABEL.test(t.text) && t.text.trim().split(/\s+/).length >= 3,
  );
  return (
    links.length > 0 &&
    !titled &&
    links.every((t) => t.kind === 'link' && !t.url.startsWith('#')) &&
    !/\p{L}{3,}\s+\p{L}{3,}/u.test(text)
  );
}

/** "**Cancer:** Pan-cancer", "*Data source*: TCGA": a short bold or italic label and a colon open the bullet. */
function styledLabel(tokens: Token[]): boolean {
  const [head, next] = tokens;
  if (!head || (head.kind !== 'strong' && head.kind !== 'emphasis' && head.kind !== 'both')) return false;
  const label = head.text.trim();
  const colon = /[:：]$/.test(label) || (next?.kind === 'text' && /^\s*[:：]/.test(next.text));
  return colon && label.replace(/[:：]$/, '').split(/\s+/).length <= 4;
}

/** Labels that say a bullet holds a paper's own data (not its code, tags or notes). */
const CARD_FIELDS = new Set(['authors', 'venue', 'year']);
const ownField = (text: string) => {
  const label = FIELD_LABEL.exec(text)?.[1];
  return label !== undefined && CARD_FIELDS.has(fieldOfLabel(label) ?? '');
};

/** A list that only gives fields of the heading above it, at least one of them a paper's own (authors, venue, year). */
export function isCard(list: List): boolean {
  if (!list.children.every(isFieldItem)) return false;
  return list.children.some((li) => {
    const p = li.children[0];
    return p?.type === 'paragraph' && ownField(mdToString(p));
  });
}

/** A paragraph that is only a bold (or linked) title of two words or more, perhaps with emoji or an (alias). */
export function titleParagraph(p: Paragraph): boolean {
  const tokens = tokenize(p.children);
  // Decoration and a curator's "[label]" may stand before the title.
  const head = tokens.find(
    (t) =>
      t.kind !== 'text' ||
      t.text
        .replace(DECORATION, '')
        .replace(/^\s*\[[^\]]{1,40}\]/, '')
        .trim(),
  );
  if (!head || (head.kind !== 'strong' && head.kind !== 'both' && head.kind !== 'link')) return false;
  const others = tokens.filter((t) => t !== head && t.kind !== 'newline');
  const rest = others
    .map((t) => (t.kind === 'link' ? '' : tokenText(t)))
    .join('')
    .replace(/\([^()]*\)/g, '');
  if (
    /\p{L}{2}/u.test(
      rest
        .replace(/\[[^\]]{1,40}\]/g, '')
        .replace(DECORATION, '')
        .replace(SHORTCODES, ''),
    )
  )
    return false;
  const text = cleanText(head.text);
  return text.split(' ').length >= 2 && !RESOURCES.test(text);
}

/** A list of two or three plain bullets: a title, then a run of names (and perhaps one more field). */
export function titleAndNames(list: List): boolean {
  const items = list.children;
  if (items.length < 2 || items.length > 3) return false;
  if (items.some((li) => li.children.length !== 1 || li.children[0]?.type !== 'paragraph')) return false;
  const texts = items.map((li) => cleanText(mdToString(li.children[0] as Paragraph)));
  const names = texts.map((t) => readNames(t));
  const [title, people] = [texts[0] as string, names[1]];
  return (
    !names[0] &&
    !!people &&
    (people.names.length >= 2 || isStrongNameRun(texts[1] as string, people)) &&
    title.split(' ').length >= 3
  );
}

/** A short list that gives one entry's fields (links, names, tags), not entries of its own. */
export function fieldList(list: List): boolean {
  return list.children.length <= 6 && !holdsEntries(list, true) && !list.children.every(isNavigationItem);
}

/** A paragraph that only labels what follows, like `*(Lectures)*` or `**Blogs**`; its text, else null. */
export function pseudoHeading(p: Paragraph): string | null {
  const kids = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (kids.length !== 1) return null;
  const k = kids[0];
  return k && (k.type === 'emphasis' || k.type === 'strong') ? cleanText(mdToString(k)) : null;
}

/**
 * A paragraph whose lines (split at `<br>` and line ends) are led by links, `least` or more (two,
 * or one in a document that writes its lists so) and at least half of its lines: a list written
 * without bullets ("[Title 28 May 2017](…)<br/>[Title](…)").
 * Returned as that list, one item per linked line; its other lines are prose around the links.
 */
export function linkLines(p: Paragraph, least = 2): List | null {
  const lines: Paragraph['children'][] = [[]];
  for (const c of p.children) {
    if (c.type === 'break') lines.push([]);
    else if (c.type === 'text' && c.value.includes('\n')) {
      c.value.split('\n').forEach((part, k) => {
        if (k > 0) lines.push([]);
        if (part) lines.at(-1)?.push({ ...c, value: part });
      });
    } else lines.at(-1)?.push(c);
  }
  const filled = lines.filter((l) => l.some((c) => c.type !== 'text' || c.value.trim()));
  const led = filled.filter((l) => l.find((c) => c.type !== 'text' || c.value.trim())?.type === 'link');
  // Lines, not a lone link: a one-line paragraph is a reference paragraph, read as such.
  if (filled.length < 2 || led.length < least || led.length * 2 < filled.length) return null;
  return {
    type: 'list',
    ordered: false,
    spread: false,
    position: p.position,
    children: led.map((children) => ({
      type: 'listItem',
      spread: false,
      position: children[0]?.position ?? p.position,
      children: [{ type: 'paragraph', children, position: children[0]?.position ?? p.position }],
    })),
  };
}
