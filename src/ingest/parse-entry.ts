import type { PhrasingContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { authorId, cleanText, findArxivId, paperId } from './normalize.js';
import { canonicalOptimizer, optimizerRef, optimizersInTitle } from './optimizers.js';
import type { LinkRecord, PaperRecord } from './records.js';
import { parseVenue } from './venue.js';

/** A flattened inline piece of a list item. */
type Token =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'emphasis' | 'both'; text: string }
  | { kind: 'link'; text: string; url: string };

export const MAX_TITLE = 500;
export const MAX_AUTHORS = 100;

/** Flattens inline markdown into tokens: bold, italic, bold-italic, links and plain text. */
export function tokenize(nodes: PhrasingContent[]): Token[] {
  const out: Token[] = [];
  for (const n of nodes) {
    if (n.type === 'strong' || n.type === 'emphasis') {
      const inner = n.children.length === 1 ? n.children[0] : undefined;
      const both = inner && (inner.type === 'strong' || inner.type === 'emphasis') && inner.type !== n.type;
      out.push({ kind: both ? 'both' : n.type, text: mdToString(n) });
    } else if (n.type === 'link') out.push({ kind: 'link', text: mdToString(n), url: n.url });
    else if (n.type === 'break') out.push({ kind: 'text', text: ' ' });
    else out.push({ kind: 'text', text: mdToString(n) });
  }
  return out;
}

export type EntryResult =
  | { ok: true; paper: Omit<PaperRecord, 'sectionCode' | 'order' | 'line'> }
  | { ok: false; reason: string }
  | { ok: 'prose' };

/**
 * Reads one list item in any of the styles the importer knows:
 *  - `**Title**，*Authors*，Venue，Year  [[label]](url)` (full-width or ASCII commas);
 *  - the same after an optimizer tag, `(***Adam***) **Title**, *Authors*, Venue`;
 *  - `Title. In *VENUE YEAR*. [[pdf](url)]` (no authors).
 * Short bullets that only describe a section, like `(1) Convergence of GD`, are prose, not entries.
 */
export function parseEntry(tokens: Token[]): EntryResult {
  const links: LinkRecord[] = tokens
    .filter((t): t is Extract<Token, { kind: 'link' }> => t.kind === 'link')
    .map((t) => ({ label: cleanText(t.text.replace(/^\[|\]$/g, '')) || 'link', url: t.url }));
  let rest = tokens.filter((t) => t.kind !== 'link');
  let tag: string | null = null;
  const first = rest.findIndex((t) => t.text.trim() !== '');
  const tagToken = rest[first + 1];
  if (rest[first]?.kind === 'text' && rest[first]?.text.trim() === '(' && tagToken?.kind === 'both') {
    tag = canonicalOptimizer(cleanText(tagToken.text));
    rest = rest.slice(first + 3);
  }
  const titleAt = rest.findIndex((t) => t.kind === 'strong');
  if (titleAt >= 0) return boldStyle(rest, titleAt, links, tag);
  const plain = rest.map((t) => t.text).join('');
  const inStyle = /^(.+?)\.\s+In\s*$/i.exec(rest[0]?.text ?? '');
  if (inStyle && rest[1]?.kind === 'emphasis') {
    return build(inStyle[1] as string, [], rest[1].text, links, tag, plain);
  }
  if (/^\s*\(\d+\)\s/.test(plain) && links.length === 0) return { ok: 'prose' };
  return {
    ok: false,
    reason:
      'not a paper entry in a known style (expected "**Title**, *Authors*, Venue, Year [[label]](url)" or "Title. In *VENUE YEAR*. [[pdf](url)]")',
  };
}

function boldStyle(tokens: Token[], titleAt: number, links: LinkRecord[], tag: string | null): EntryResult {
  const title = (tokens[titleAt] as Token).text;
  const after = tokens.slice(titleAt + 1);
  const authorsAt = after.findIndex((t) => t.kind === 'emphasis');
  const between = authorsAt >= 0 ? after.slice(0, authorsAt) : [];
  if (between.some((t) => t.text.replace(/[，,\s]/g, '') !== '')) {
    return { ok: false, reason: 'unexpected text between the bold title and the italic authors' };
  }
  const authorsText = authorsAt >= 0 ? (after[authorsAt] as Token).text : '';
  const tail = (authorsAt >= 0 ? after.slice(authorsAt + 1) : after).map((t) => t.text).join('');
  // The text after the authors: "，Venue，Year", then links, sometimes a "#" before note links.
  const venueText = tail.replace(/#\s*$/, '').replace(/[\s#]+$/, '');
  return build(title, splitAuthors(authorsText), venueText, links, tag, tail);
}

function build(
  rawTitle: string,
  authors: string[],
  venueAndYear: string,
  links: LinkRecord[],
  tag: string | null,
  context: string,
): EntryResult {
  const title = cleanText(rawTitle).replace(/[.,，]+$/, '');
  if (!title) return { ok: false, reason: 'the title is empty' };
  if (title.length > MAX_TITLE)
    return { ok: false, reason: `the title is longer than ${MAX_TITLE} characters` };
  if (authors.length > MAX_AUTHORS) return { ok: false, reason: `more than ${MAX_AUTHORS} authors` };
  const parts = venueAndYear
    .split(/[，,]/)
    .map((p) => cleanText(p))
    .filter(Boolean);
  let listedYear: number | null = null;
  if (parts.length > 1 && /^(19|20)\d{2}$/.test(parts[parts.length - 1] as string))
    listedYear = Number(parts.pop());
  const venueText = parts.join(', ') || null;
  const v = venueText ? parseVenue(venueText) : { venue: null, year: null, arxivId: null, notes: [] };
  const arxivId = v.arxivId ?? links.map((l) => findArxivId(l.url)).find(Boolean) ?? findArxivId(context);
  const optimizers = dedupeById([
    ...(tag ? [optimizerRef(tag, 'tag' as const)] : []),
    ...optimizersInTitle(title).map((n) => optimizerRef(n, 'title' as const)),
  ]);
  return {
    ok: true,
    paper: {
      id: paperId(title),
      title,
      authors: authors.map((name) => ({ id: authorId(name), name })),
      venue: v.venue,
      venueText,
      // Without a year in the venue ("JMLR，2022"), the list's year is the best year we know.
      year: v.year ?? listedYear,
      listedYear: listedYear ?? v.year,
      arxivId: arxivId ?? null,
      links,
      notes: v.notes,
      optimizers,
    },
  };
}

/** "A, B and C" → ["A", "B", "C"]; names trimmed, NFC-normalised, inner spaces collapsed. */
export function splitAuthors(text: string): string[] {
  return text
    .split(/\s*(?:[,，;；]|\band\b|&)\s*/)
    .map((n) => cleanText(n))
    .filter(Boolean);
}

/** Keeps the first of each id (a tag outranks the same name found in the title). */
function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.id) && seen.add(x.id) !== undefined);
}
