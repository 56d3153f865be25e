import type { PhrasingContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { isKnownVenue } from './venue.js';
import { MARKS, rx } from './vocabulary.js';

/** A flattened inline piece of an entry: styled text, a link, plain text or a line end. */
export type Token =
  | { kind: 'text' | 'code'; text: string }
  | { kind: 'strong' | 'emphasis' | 'both'; text: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'newline' };

/**
 * Flattens inline markdown into tokens. Soft line breaks become `newline` tokens, so an entry
 * whose authors sit on the next, indented line can be read line by line. Images (badges) and
 * inline HTML are dropped; links inside bold or italic text are kept as links of their own.
 */
export function tokenize(nodes: PhrasingContent[]): Token[] {
  const out: Token[] = [];
  for (const n of nodes) {
    if (n.type === 'strong' || n.type === 'emphasis') {
      const inner = n.children.length === 1 ? n.children[0] : undefined;
      const both = inner && (inner.type === 'strong' || inner.type === 'emphasis') && inner.type !== n.type;
      // A style or link may run over a line end ("**R-FCN: Object Detection via\nRegion-based …**").
      const text = mdToString(n).replace(/\s*\n\s*/g, ' ');
      if (text.trim()) out.push({ kind: both ? 'both' : n.type, text });
      for (const link of linksIn(n.children)) out.push({ kind: 'link', text: '', url: link });
    } else if (n.type === 'link') {
      // A link around an image only is a badge, not a reference.
      if (n.children.length && n.children.every((c) => c.type === 'image')) continue;
      out.push({ kind: 'link', text: mdToString(n).replace(/\s*\n\s*/g, ' '), url: n.url });
    } else if (n.type === 'break') out.push({ kind: 'newline' });
    else if (n.type === 'inlineCode') out.push({ kind: 'code', text: n.value });
    else if (n.type === 'image' || n.type === 'html') {
      // A venue badge ("![ICML](…/badge/ICML-2024-yellow)", <img src="…/badge/ICML-2024-…">) says the venue.
      const venue = badgeVenue(n.type === 'image' ? n.url : n.value);
      if (venue) out.push({ kind: 'text', text: `[${venue}] ` });
    } else if (n.type === 'footnoteReference') continue;
    else if (n.type === 'text') {
      n.value.split('\n').forEach((part, i) => {
        if (i > 0) out.push({ kind: 'newline' });
        // Full-width brackets ("（[CODE](…)）") read as their ASCII forms.
        if (part) out.push({ kind: 'text', text: part.replace(/（/g, '(').replace(/）/g, ')') });
      });
    } else out.push({ kind: 'text', text: mdToString(n) });
  }
  return normalizeTokens(mergeText(out));
}

/**
 * The venue a shields.io badge names ("ICML 2024" from ".../badge/ICML-2024-yellow"), or null for
 * badges of other things (stars, licences, build status).
 */
function badgeVenue(source: string): string | null {
  const m = /img\.shields\.io\/badge\/([^"'\s?)]+)/i.exec(source);
  if (!m) return null;
  // Shields writes "-" between label, message and colour, "--" for a dash and "_" for a space.
  const parts = decodeURIComponent(m[1] as string)
    .replace(/--/g, '\uE000')
    .split('-')
    .map((p) =>
      p
        .replace(/\uE000/g, '-')
        .replace(/_/g, ' ')
        .trim(),
    );
  const text = parts.slice(0, -1).join(' ') || (parts[0] ?? '');
  return isKnownVenue(text) ? text : null;
}

/**
 * Tokens as the recognisers expect them: runs of spaces and tabs as one space (what is stored is
 * cleaned so anyway, and no pattern then meets a long run it could split between two of its
 * quantifiers in every way), and without the private-use characters the recognisers mark styled
 * text with, so a marker in the input can never open a span that nothing closes. Code is kept as written.
 */
export function normalizeTokens(tokens: Token[]): Token[] {
  return tokens.map((t) =>
    t.kind === 'newline' || t.kind === 'code' || !UNNORMAL.test(t.text)
      ? t
      : { ...t, text: t.text.replace(SPACE_RUNS, ' ').replace(MARKS, '') },
  );
}
const UNNORMAL = rx()`[^\S\n]{2}|${MARKS}`;
const SPACE_RUNS = /[^\S\n]{2,}/g;

/** Joins neighbouring plain-text tokens: the parser splits text at brackets it could not resolve. */
function mergeText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + t.text };
    else out.push(t);
  }
  return out;
}

function linksIn(nodes: PhrasingContent[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type === 'link') out.push(n.url);
    else if ('children' in n) out.push(...linksIn(n.children as PhrasingContent[]));
  }
  return out;
}

/**
 * Splits tokens at line ends; empty lines are dropped. A line that opens a quote it does not close
 * (a quoted title broken over two lines) goes on into the next.
 */
export function lines(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    const line = out[out.length - 1] as Token[];
    if (t.kind === 'newline' && !opensQuote(line) && !continues(line, tokens, t)) out.push([]);
    else if (t.kind === 'newline') line.push({ kind: 'text', text: ' ' });
    else line.push(t);
  }
  return out.filter((l) => l.some((t) => t.kind === 'link' || tokenText(t).trim() !== ''));
}

/**
 * True when the line after a line end goes on with the same phrase: it opens with a lower-case
 * word and the line before ends with no mark ("…Latent Space of Object Shapes" / "via 3D …").
 */
function continues(line: Token[], tokens: Token[], newline: Token): boolean {
  const next = tokens[tokens.indexOf(newline) + 1];
  const last = line[line.length - 1];
  if (!next || !last || next.kind !== 'text' || last.kind === 'link') return false;
  return /^\s*\p{Ll}/u.test(next.text) && !/[.?!:;,)\]]\s*$/.test(tokenText(last));
}

/** True when a line's text opens a double quote it does not close. */
function opensQuote(line: Token[]): boolean {
  const text = line.map(tokenText).join('');
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

/** The visible text of a token ('' for a line end). */
export function tokenText(t: Token): string {
  return t.kind === 'newline' ? '' : t.text;
}
