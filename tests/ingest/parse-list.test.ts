import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/ingest/parse-list.js';

const fixture = (name: string) => parseList(readFileSync(`tests/fixtures/lists/${name}`, 'utf8'));

describe('parseList on the seed style', () => {
  const r = fixture('seed-style.md');

  it('reads numbered headings of any depth as sections under their parents', () => {
    expect(r.title).toBe('Test list');
    expect(r.sections.map((s) => [s.code, s.parentCode, s.title])).toEqual([
      ['A', null, 'First part'],
      ['A.1', 'A', 'Empty subsection'],
      ['A.2', 'A', 'Full subsection'],
      ['B', null, 'Second part'],
    ]);
  });

  it('reads title, ordered authors, venue, both years, arXiv id and labelled links', () => {
    const [ascii, wide, best] = r.papers;
    expect(ascii).toMatchObject({
      title: 'A Paper With Ascii Commas',
      authors: [
        { id: 'author:ann-author', name: 'Ann Author' },
        { id: 'author:bob-builder', name: 'Bob Builder' },
      ],
      venue: { id: 'venue:iclr', name: 'ICLR', kind: 'CONFERENCE' },
      venueText: 'ICLR 2019',
      year: 2019,
      listedYear: 2018,
      arxivId: '1808.02941',
      links: [{ label: 'ICLR PDF', url: 'https://arxiv.org/pdf/1808.02941.pdf' }],
      sectionCode: 'A.2',
      order: 0,
      line: 10,
    });
    expect(wide).toMatchObject({
      authors: [{ name: 'Célia Ünïcode' }, { name: 'Dan Duo' }],
      venue: { name: 'arXiv', kind: 'PREPRINT' },
      year: 2020,
      arxivId: '2003.02395',
      order: 1,
    });
    expect(best).toMatchObject({
      venue: { name: 'ICML' },
      year: 2018,
      notes: ['Best Paper'],
      links: [
        { label: 'Code', url: 'https://github.com/example/code' },
        { label: 'Slides', url: 'https://example.org/slides.pdf' },
      ],
    });
    expect(r.papers[3]).toMatchObject({ sectionCode: 'B', venue: { name: 'IEEE Access', kind: 'JOURNAL' } });
  });

  it('treats "(1) …" bullets as prose and warns about nothing', () => {
    expect(r.papers).toHaveLength(4);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseList on the optimizer-tag style', () => {
  const r = fixture('tag-style.md');

  it('takes the optimizer from the tag and from the title, the tag first', () => {
    expect(r.papers.map((p) => p.optimizers.map((o) => `${o.name}:${o.via}`))).toEqual([
      ['Adam:tag'],
      ['SWATS:tag', 'Adam:title', 'SGD:title'],
      ['SignAdam:tag'],
    ]);
    expect(r.papers[0]).toMatchObject({
      arxivId: '1412.6980',
      links: [{ label: 'PDF' }, { label: 'Notes' }],
    });
    expect(r.papers[2]?.venue).toEqual({ id: 'venue:icdmw', name: 'ICDMW', kind: 'WORKSHOP' });
  });

  it('makes up a section code from position when headings have no numbering', () => {
    expect(r.title).toBe('Optimizers');
    expect(r.sections).toMatchObject([{ code: '1', title: 'Papers', codeMadeUp: true }]);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseList on the "Title. In *VENUE YEAR*." style', () => {
  const r = fixture('in-venue-style.md');

  it('reads papers without authors and nests unnumbered headings by depth', () => {
    expect(r.sections.map((s) => [s.code, s.parentCode, s.title])).toEqual([
      ['1', null, 'Adaptive methods'],
      ['1.1', '1', 'Analysis'],
      ['1.2', '1', 'Benchmarks'],
      ['2', null, 'Momentum'],
    ]);
    expect(r.papers.map((p) => [p.title, p.venue?.name, p.year, p.authors.length, p.sectionCode])).toEqual([
      ['On the Convergence of Adam and Beyond', 'ICLR', 2018, 0, '1.1'],
      ['Adaptive Methods for Nonconvex Optimization', 'NeurIPS', 2018, 0, '1.1'],
      ['Descending through a Crowded Valley', 'ICML', 2021, 0, '1.2'],
      ['On the importance of initialization and momentum in deep learning', 'ICML', 2013, 0, '2'],
    ]);
    expect(r.papers[0]?.links).toEqual([{ label: 'pdf', url: 'https://openreview.net/pdf?id=ryQu7f-RZ' }]);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseList on a style it has never seen', () => {
  it('warns with the line number of every entry it cannot read', () => {
    const r = fixture('unknown-style.md');
    expect(r.papers).toEqual([]);
    expect(r.warnings.map((w) => w.line)).toEqual([4, 5]);
    expect(r.warnings[0]?.message).toMatch(/^not a paper entry in a known style .*: "Kingma and Ba \(2015\)/);
  });
});

describe('parseList on the real upstream lists', () => {
  it('reads every entry of all three files with no warning', () => {
    for (const file of [
      'seed/lists/analysis-section.md',
      'seed/lists/optimizer-papers-analysis.md',
      'seed/lists/optimizer-papers-optimizers.md',
    ]) {
      const r = parseList(readFileSync(file, 'utf8'));
      expect(r.warnings, file).toEqual([]);
    }
    const seed = parseList(readFileSync('seed/lists/analysis-section.md', 'utf8'));
    expect(seed.papers.map((p) => p.sectionCode)).toEqual(['A.2', 'A.2', 'A.2', 'A.2', 'B.2']);
    expect(seed.papers[1]?.authors.map((a) => a.name)).toEqual(['Tran Thi Phuong', 'Le Trieu Phong']);
  });
});
