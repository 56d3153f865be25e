/**
 * Papers written as headings: "#### 1. [Title](pmlr…)" with its materials and notes under it,
 * "<h2>3. Title</h2>" with "Title:" and "Authors:" lines. The heading is the entry, the body
 * under it (up to the next heading) its fields, and the heading is no section.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { cleanText } from '../domain/normalize.js';
import { isPaperLink, readLink } from './links.js';
import { bodyParagraphs, paragraphTokens } from './mdast-text.js';
import { parseEntry } from './parse-entry.js';
import { readTable } from './parse-table.js';
import { type Token, tokenize } from './tokens.js';
import { isKnownVenue, parseVenue } from './venue.js';
import { dateYear, FIELD_LABEL, fieldOfLabel, NON_PAPER_LABEL, rx, YEAR } from './vocabulary.js';

export interface HeadingEntry {
  /** The heading and its body as one entry's lines, read with the context of the section it sits in. */
  tokens: Token[];
  /** Index of the first node after the entry's body. */
  end: number;
}

/** "1. ", "12) ", "#3 " before a heading's title. */
const ITEM_NUMBER = /^\s*(?:#?\d{1,3}[.)]|\[\d{1,3}\])\s+/;

/**
 * The headings of a document that are papers, by node index. A heading is a paper when its body
 * carries a paper's fields (a paper link in it or under it, a "Title:" or "Authors:" line), its
 * text reads as a title, no papers stand as list items under it, and the document has two or
 * more such headings: one heading with a link is a section, a run of them is a list.
 */
export function paperHeadings(nodes: RootContent[]): Map<number, HeadingEntry> {
  const found = new Map<number, HeadingEntry>();
  for (const [i, node] of nodes.entries()) {
    if (node.type !== 'heading') continue;
    let end = i + 1;
    while (end < nodes.length && nodes[end]?.type !== 'heading') end++;
    const body = nodes.slice(i + 1, end);
    const entry = readHeadingEntry(node, body);
    if (entry) found.set(i, { tokens: entry, end });
  }
  return found.size >= 2 ? found : new Map();
}

function readHeadingEntry(heading: Heading, body: RootContent[]): Token[] | null {
  const text = cleanText(mdToString(heading));
  if (NON_PAPER_LABEL.test(text.replace(ITEM_NUMBER, ''))) return null;
  const own = tokenize(heading.children);
  const paras = bodyParagraphs(body);
  const bodyTokens = paras.flatMap((p) => tokenize(p.children));
  const links = [...own, ...bodyTokens].flatMap((t) => (t.kind === 'link' ? [readLink(t.text, t.url)] : []));
  const labelled = paras.some((p) => {
    const label = FIELD_LABEL.exec(mdToString(p))?.[1];
    const field = label ? fieldOfLabel(label) : null;
    return field === 'title' || field === 'authors';
  });
  const headingLink = own.some(
    (t) => t.kind === 'link' && isPaperLink(readLink('', t.url) ?? { label: '', url: '' }),
  );
  const numberedWithLink = ITEM_NUMBER.test(text) && links.some((l) => l && isPaperLink(l));
  // "### Title" then a paragraph of its own that is only the paper's link ("<https://arxiv.org/abs/…>"),
  // not a list of links (a section's papers).
  const linkLine = body.some((p) => {
    if (p.type !== 'paragraph') return false;
    const t = tokenize(p.children).filter(
      (x) => x.kind !== 'newline' && !(x.kind === 'text' && !x.text.trim()),
    );
    return (
      t.length > 0 &&
      t.every((x) => x.kind === 'link') &&
      t.some((x) => x.kind === 'link' && isPaperLink(readLink(x.text, x.url) ?? { label: '', url: '' }))
    );
  });
  const titled = linkLine && text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 2;
  if (!labelled && !headingLink && !numberedWithLink && !titled) return null;
  // Papers of their own under the heading make it a section.
  if (body.some((n) => n.type === 'table' && readTable(n).papers)) return null;
  const units = [
    ...body.flatMap((n) => (n.type === 'paragraph' ? [[n]] : [])),
    ...body.flatMap((n) =>
      n.type === 'list'
        ? n.children.map((li) => li.children.filter((c): c is Paragraph => c.type === 'paragraph'))
        : [],
    ),
  ];
  const standalone = units.some((u) => {
    if (!u.length || FIELD_LABEL.test(mdToString(u[0] as Paragraph))) return false;
    const r = parseEntry(paragraphTokens(u));
    return (
      r.ok === true &&
      r.paper.links.some(isPaperLink) &&
      (r.paper.authors.length > 0 || r.paper.year !== null)
    );
  });
  if (standalone) return null;
  const numbered = { ...heading, children: stripNumber(heading.children) };
  const tokens = paragraphTokens([numbered, ...paras]);
  return parseEntry(tokens).ok === true ? tokens : null;
}

/** The heading's inline content without its item number ("1. Title" → "Title"). */
function stripNumber(children: Heading['children']): Heading['children'] {
  const [first, ...rest] = children;
  if (first?.type !== 'text' || !ITEM_NUMBER.test(first.value)) return children;
  return [{ ...first, value: first.value.replace(ITEM_NUMBER, '') }, ...rest];
}

/**
 * What a section heading says of the papers under it: a year ("2019", "Year 2019") or a venue
 * with its year ("Papers at ICML 2018", "NeurIPS 2019").
 */
export function headingContext(text: string): { year?: number; venue?: string } {
  const year = dateYear(text.replace(/^year\s*/i, ''));
  if (year !== null) return { year };
  for (const m of text.matchAll(rx('g')`((?:\S+\s+){0,3}?\S+)\s*['’]?(${YEAR})\b`)) {
    const words = (m[1] as string).split(/\s+/);
    for (let k = 0; k < words.length; k++) {
      const venue = `${words.slice(k).join(' ')} ${m[2]}`;
      if (isKnownVenue(venue)) return { venue, year: parseVenue(venue).year ?? Number(m[2]) };
    }
  }
  return {};
}
