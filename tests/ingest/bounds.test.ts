import { describe, expect, it } from 'vitest';
import { checkEntryCount } from '../../src/ingest/entry-limit.js';
import { ImportError } from '../../src/ingest/import-error.js';
import { parseDocument } from '../../src/ingest/import-list.js';
import { boundMarkdown, lineDepth } from '../../src/ingest/markdown-bounds.js';
import { parseList } from '../../src/ingest/parse-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { countBibtexEntries, parseBibtex } from '../../src/ingest/works/bibtex.js';
import { boundMacros } from '../../src/ingest/works/bibtex-macros.js';
import { LIMITS } from '../../src/limits.js';

const taxonomy = loadTaxonomy();
const nested = (depth: number) =>
  `# L\n\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- [Paper number ${i} on methods](https://arxiv.org/abs/2001.0${String(i).padStart(4, '0')}) - A. Smith. ICML 2020.`).join('\n')}\n`;

describe('list nesting', () => {
  it('counts markers and two columns of indentation a level', () => {
    expect(lineDepth('- a')).toBe(1);
    expect(lineDepth('    - a')).toBe(3);
    expect(lineDepth('> - > 1. a')).toBe(4);
    expect(lineDepth('      plain text')).toBe(0);
  });

  it('skips lines deeper than the limit with one warning, keeping line numbers', () => {
    const r = parseList(nested(LIMITS.listDepth + 10));
    const depthWarnings = r.warnings.filter((w) => /nested deeper/.test(w.message));
    expect(depthWarnings).toEqual([
      {
        line: 3 + LIMITS.listDepth,
        message: `10 line(s) nested deeper than ${LIMITS.listDepth} levels of lists or quotes were skipped`,
      },
    ]);
    // Each nested item is read as a field line of the one above it (one item is no list of entries).
    expect(r.papers.map((p) => p.line)).toEqual([3]);
    expect(r.papers[0]?.notes.join(' ')).not.toContain(`number ${LIMITS.listDepth}`);
  });

  it('takes 5,000 levels on one line without overflowing the stack', () => {
    for (const doc of [`# L\n\n${'- '.repeat(5000)}item\n`, `# L\n\n${'> '.repeat(5000)}- item\n`]) {
      expect(() => parseList(doc)).not.toThrow();
      expect(parseList(doc).warnings[0]?.message).toMatch(/nested deeper than/);
    }
  });

  it('leaves fenced code alone, however deep its lines are', () => {
    const doc = `\`\`\`\n${'  '.repeat(40)}- not a list\n\`\`\`\n`;
    expect(boundMarkdown(doc)).toEqual({ text: doc, warnings: [] });
  });
});

describe('inline marks', () => {
  it('reads marks past the limit in one paragraph as plain text, with one warning', () => {
    const r = boundMarkdown(`- ${'a*'.repeat(LIMITS.inlineMarks + 5)}\n- *ok*\n`);
    expect(r.warnings).toHaveLength(1);
    expect(r.text.split('\n')[0]?.match(/\\\*/g)).toHaveLength(5);
    expect(r.text.split('\n')[1]).toBe('- *ok*');
  });
});

describe('BibTeX macros', () => {
  const doubling = (levels: number) => {
    let s = '@string{m0 = "ab"}\n';
    for (let i = 1; i <= levels; i++) s += `@string{m${i} = m${i - 1} # m${i - 1}}\n`;
    return `${s}@article{k, title = {A Title of Some Paper}, author = {Ann Bee}, note = m${levels}}\n`;
  };

  it('blanks the first macro past the bound, names it once, and keeps the entry', () => {
    const t = performance.now();
    const r = parseBibtex(doubling(20));
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.papers.map((p) => p.title)).toEqual(['A Title of Some Paper']);
    expect(r.warnings).toEqual([
      {
        line: 15,
        message: expect.stringMatching(/^@string m14 would expand to 32768 characters, more than 20000/),
      },
    ]);
  });

  it('names the field and the macro when an entry joins macros past the bound', () => {
    const big = `@string{big = "${'x'.repeat(15_000)}"}\n@article{k, title = {T T}, note = big # big}\n`;
    expect(boundMacros(big, LIMITS.bibtexValueChars).warnings).toEqual([
      { line: 2, message: expect.stringContaining('field note of "k" (macro big) would expand to 30000') },
    ]);
  });

  it('keeps line numbers when it blanks a value', () => {
    const r = boundMacros(doubling(20), LIMITS.bibtexValueChars);
    expect(r.text.split('\n')).toHaveLength(doubling(20).split('\n').length);
  });
});

describe('entries per file', () => {
  it('refuses more than the limit with an ImportError naming it', () => {
    expect(() => checkEntryCount(LIMITS.entriesPerFile)).not.toThrow();
    expect(() => checkEntryCount(LIMITS.entriesPerFile + 1)).toThrow(ImportError);
    expect(() => checkEntryCount(LIMITS.entriesPerFile + 1)).toThrow(/LIMITS\.entriesPerFile/);
  });

  it('counts BibTeX entries before parsing them', () => {
    const bib = Array.from({ length: LIMITS.entriesPerFile + 1 }, (_, i) => `@misc{k${i},}`).join('\n');
    expect(countBibtexEntries('@string{a = "b"}\n@article{k1, title={T}}\n@book{k2,}')).toBe(2);
    const t = performance.now();
    expect(() => parseBibtex(bib)).toThrow(/entriesPerFile/);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('authors per paper', () => {
  const GIVEN = ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Finn', 'Gail', 'Hugo', 'Iris', 'Jon'];
  const FAMILY = [
    'Smith',
    'Jones',
    'Brown',
    'Green',
    'White',
    'Black',
    'Stone',
    'Wood',
    'Hill',
    'Lake',
    'Ford',
    'Moss',
    'Reed',
    'Shaw',
  ];
  const people = (n: number) =>
    Array.from({ length: n }, (_, i) => `${GIVEN[i % 10]} ${FAMILY[Math.floor(i / 10)]}`);

  it('keeps the first authors of a list entry and warns with how many were dropped', () => {
    const md = `# L\n\n- [A Study of Many Authors](https://arxiv.org/abs/2001.00001) - ${people(120).join(', ')}. ICML 2020.\n`;
    const r = parseList(md);
    expect(r.papers[0]?.authors).toHaveLength(LIMITS.authorsPerPaper);
    expect(r.papers[0]?.authorsComplete).toBe(false);
    expect(r.warnings).toEqual([{ line: 3, message: expect.stringContaining('120 authors') }]);
    expect(r.warnings[0]?.message).toContain('20 dropped');
    expect(() => parseDocument(md, taxonomy, { source: 'probe', format: 'md', strict: true })).toThrow(
      /20 dropped/,
    );
  });

  it('keeps the first authors of a BibTeX entry and warns with how many were dropped', () => {
    const bib = `@article{many, title = {A Study of Many Authors}, author = {${people(130).join(' and ')}}}`;
    const r = parseBibtex(bib);
    expect(r.papers[0]?.authors).toHaveLength(LIMITS.authorsPerPaper);
    expect(r.warnings).toEqual([{ line: 1, message: expect.stringContaining('30 dropped') }]);
  });
});
