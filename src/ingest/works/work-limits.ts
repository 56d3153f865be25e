import { LIMITS } from '../../limits.js';

/**
 * Sizes a work's text may have once read, whatever its source (BibTeX, CSL-JSON, OpenAlex): what
 * is longer is cut or dropped with a warning, not left to fail the write. Neo4j's indexes take
 * about 8 KB a value, and every word of an abstract or a keyword may become a Term node's id.
 */

export const n = (x: number) => x.toLocaleString('en-US');

// The lookbehind starts a match only at a word's start: without it each word costs its length squared.
const LONG_WORD = new RegExp(`(?<!\\S)\\S{${LIMITS.wordChars + 1},}`, 'g');
/** The first `max` UTF-16 units of s, without a half of a surrogate pair at the end. */
export const head = (s: string, max: number) => s.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');

/** s with each word longer than LIMITS.wordChars cut to that length, and a warning if any was. */
export function cutLongWords(s: string, field: string, warn: (m: string) => void): string {
  let cut = 0;
  const out = s.replace(LONG_WORD, (w) => {
    cut++;
    return `${head(w, LIMITS.wordChars)}…`;
  });
  if (cut) warn(`${field}: ${cut} word(s) longer than ${LIMITS.wordChars} characters cut to that length`);
  return out;
}

/** The abstract within the limits: long words cut, and the whole cut at a word past LIMITS.abstractChars. */
export function boundAbstract(s: string | null, warn: (m: string) => void): string | null {
  if (!s) return null;
  const words = cutLongWords(s, 'abstract', warn);
  if (words.length <= LIMITS.abstractChars) return words;
  warn(`abstract: ${n(words.length)} characters, cut to the limit of ${n(LIMITS.abstractChars)}`);
  return `${head(words, LIMITS.abstractChars).replace(/\s+\S*$/, '')}…`;
}

/** An identifier within LIMITS.wordChars (it is indexed), else null and a warning. */
export function boundedId(field: string, id: string | null, warn: (m: string) => void): string | null {
  if (!id || id.length <= LIMITS.wordChars) return id;
  warn(`${field}: ${n(id.length)} characters, over the limit of ${LIMITS.wordChars}, dropped`);
  return null;
}
