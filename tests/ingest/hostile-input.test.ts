import { describe, expect, it } from 'vitest';
import { readNames } from '../../src/ingest/names.js';
import { parseEntry } from '../../src/ingest/parse-entry.js';
import { parseList } from '../../src/ingest/parse-list.js';
import type { Token } from '../../src/ingest/tokens.js';
import { parseVenue } from '../../src/ingest/venue.js';
import * as vocabulary from '../../src/ingest/vocabulary.js';

// Timed asserts must not be flaky: the bounds are generous (a shared 2-core machine), and the
// point is linear against quadratic — 100 KB read quadratically takes minutes, not a second.
const SIZE = 100_000;
// 100 KB of one short name ("Ab, " 25,000 times) is 25,000 names to read: linear, but about a second here.
const ENTRY_MS = 3000;

/** The characters the vocabulary's patterns key on, taken from their sources, with the brief's list. */
function patternCharacters(): string[] {
  const found = new Set('[]()*_`#>|-:,."{}@\\'.split(''));
  for (const v of Object.values(vocabulary)) {
    if (!(v instanceof RegExp)) continue;
    const src = v.source.replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\[dswbDSWB]/g, '');
    for (let i = 0; i < src.length; i++) {
      const c = src[i] as string;
      if (c === '\\') found.add(src[++i] ?? '');
      else if (!/[\p{L}\p{N}\s?+*^$|(){}[\]]/u.test(c)) found.add(c);
    }
  }
  found.delete('');
  return [...found, ' ', '\t', 'a', 'A', '1', 'A. ', 'and ', 'et al. ', 'Ab, ', '2019 ', 'In '];
}
const CHARS = patternCharacters();

const shapes: Record<string, (c: string) => Token[]> = {
  'a run': (c) => [{ kind: 'text', text: c.repeat(SIZE / c.length) }],
  'a run between letters': (c) => [{ kind: 'text', text: `${c}a`.repeat(SIZE / (c.length + 1)) }],
  'a bold head and a run': (c) => [
    { kind: 'strong', text: c.repeat(SIZE / c.length / 2) },
    { kind: 'text', text: ` A. Author ${c.repeat(SIZE / c.length / 2)}` },
  ],
  'a link and a run': (c) => [
    { kind: 'link', text: c.repeat(SIZE / c.length / 2), url: 'https://arxiv.org/abs/1412.6980' },
    { kind: 'text', text: `: ${c.repeat(SIZE / c.length / 2)}` },
  ],
  'italic after a title': (c) => [
    { kind: 'text', text: 'A Title Here. ' },
    { kind: 'emphasis', text: c.repeat(SIZE / c.length / 2) },
    { kind: 'text', text: c.repeat(SIZE / c.length / 2) },
  ],
  'a next line': (c) => [
    { kind: 'text', text: 'A Title Here' },
    { kind: 'newline' },
    { kind: 'text', text: c.repeat(SIZE / c.length) },
  ],
};

const timed = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

describe('the entry reader on 100 KB of each character its patterns key on', () => {
  it('derives the characters from the vocabulary and the brief', () => {
    expect(CHARS).toEqual(
      expect.arrayContaining(['[', ']', '(', ')', '*', '_', '`', '#', '>', '|', '-', ':', '"']),
    );
    expect(CHARS.length).toBeGreaterThan(25);
  });

  // Each case reads some fifty 100 KB texts: the time limit is the whole loop's, not one text's.
  it.each(Object.keys(shapes))('reads %s of each in linear time', { timeout: 120_000 }, (shape) => {
    const slow: string[] = [];
    for (const c of CHARS) {
      const ms = timed(() => parseEntry((shapes[shape] as (c: string) => Token[])(c)));
      if (ms > ENTRY_MS) slow.push(`${JSON.stringify(c)}: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it('runs every exported pattern, the name reader and the venue reader over each in linear time', {
    timeout: 120_000,
  }, () => {
    const slow: string[] = [];
    const patterns = Object.entries(vocabulary).filter((e): e is [string, RegExp] => e[1] instanceof RegExp);
    for (const c of CHARS) {
      const text = c.repeat(SIZE / c.length);
      const ms = timed(() => {
        for (const [, re] of patterns) text.replace(re, ' ');
        readNames(text);
        parseVenue(text);
      });
      if (ms > ENTRY_MS) slow.push(`${JSON.stringify(c)}: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });
});

describe('the markdown reader on long runs of its special characters', () => {
  // 40 KB a document, and a coarse bound: the markdown parser is slow here even when linear (a
  // second or two for this size on a loaded 2-core machine), while before the bounds 32 KB of
  // "a*" took 17 s and 20 KB of "[" 5.7 s. The 100 KB cases are the entry reader's, above.
  const MD = 40_000;
  it.each([
    '[',
    ']',
    '(',
    ')',
    '*',
    '_',
    '`',
    '#',
    '>',
    '|',
    '-',
    ':',
    '"',
    '{',
    '}',
    '@',
    '\\',
    '!',
    '<',
    '~',
  ])('reads a list item of %s in linear time', { timeout: 60_000 }, (c) => {
    // "a[" repeated is left out for "[": see the todo below.
    const docs = [
      `# L\n\n- ${c.repeat(MD)}\n`,
      ...(c === '[' ? [] : [`# L\n\n- ${`a${c}`.repeat(MD / 2)}\n`]),
    ];
    for (const doc of docs) expect(timed(() => parseList(doc))).toBeLessThan(10_000);
  });

  // micromark-extension-gfm-autolink-literal walks back over the paragraph to the last unclosed
  // "[" at every word that could start an e-mail address: "[ a a a …" is quadratic in its words
  // (40 KB: 3 s). Not bounded yet.
  it.todo('reads a paragraph of words after an unclosed "[" in linear time');
});
