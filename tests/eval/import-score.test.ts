import { describe, expect, it } from 'vitest';
import type { GoldEntry } from '../../src/eval/gold.js';
import { isRequired, sameTitle, scoreFile } from '../../src/eval/import-score.js';
import { parseList } from '../../src/ingest/parse-list.js';

const gold = (e: Partial<GoldEntry> & { line: number; title: string }): GoldEntry => ({
  authors: [],
  year: null,
  kind: 'paper',
  ...e,
});

describe('the gold scorer', () => {
  it('matches titles after folding, or by 80% of the longer title’s words', () => {
    expect(
      sameTitle('Adam: A Method for Stochastic Optimization', 'adam — a method for stochastic optimization.'),
    ).toBe(true);
    expect(sameTitle('On the Convergence of Adam and Beyond', 'On the Convergence of Adam')).toBe(false);
    expect(sameTitle('Deep learning', 'Deep learning in neural networks: an overview')).toBe(false);
  });

  it('requires papers and theses, books only in a bibliography, never a repeat', () => {
    expect(isRequired(gold({ line: 1, title: 't', kind: 'book' }), false)).toBe(false);
    expect(isRequired(gold({ line: 1, title: 't', kind: 'book' }), true)).toBe(true);
    expect(isRequired(gold({ line: 1, title: 't', kind: 'thesis' }), false)).toBe(true);
    expect(isRequired(gold({ line: 9, title: 't', dupOf: 1 }), false)).toBe(false);
  });

  it('counts found, garbage, exact authors, years and sections from a parse', () => {
    const md = [
      '# List',
      '## Adaptive',
      '- **Adam: A Method for Stochastic Optimization.** D. P. Kingma, J. Ba. ICLR 2015.',
      '- **Decoupled Weight Decay Regularization.** I. Loshchilov, F. Hutter. ICLR 2019.',
      '- **An Awesome Course on Optimization.** Some Lecturer. 2020.',
    ].join('\n');
    const s = scoreFile(
      'x.md',
      [
        gold({
          line: 3,
          title: 'Adam: A Method for Stochastic Optimization',
          authors: ['Diederik P. Kingma', 'Jimmy Ba'],
          year: 2015,
          section: 'Adaptive',
        }),
        gold({
          line: 4,
          title: 'Decoupled Weight Decay Regularization',
          authors: ['Ilya Loshchilov'],
          year: 2017,
          section: 'Adaptive',
        }),
        gold({ line: 6, title: 'Missing Paper Nobody Read', year: 2020 }),
      ],
      parseList(md),
      false,
    );
    expect(s.found).toEqual({ hit: 2, of: 3 });
    expect(s.missed.map((m) => m.line)).toEqual([6]);
    expect(s.garbage).toEqual({ hit: 1, of: 3 });
    expect(s.garbageTitles.map((g) => g.title)).toEqual(['An Awesome Course on Optimization']);
    expect(s.authors).toEqual({ hit: 1, of: 2 });
    expect(s.firstAuthor).toEqual({ hit: 2, of: 2 });
    expect(s.year).toEqual({ hit: 1, of: 2 });
    expect(s.section).toEqual({ hit: 2, of: 2 });
    expect(s.merged).toBe(0);
  });

  it('counts two required entries that landed on one work as merged', () => {
    const md = [
      '- **Orthogonal Polynomials.** G. Szegő. 1939.',
      '- **Orthogonal Polynomials.** T. Chihara. 1939.',
    ].join('\n');
    const parsed = parseList(md);
    const s = scoreFile(
      'x.md',
      [
        gold({ line: 1, title: 'Orthogonal Polynomials', year: 1939 }),
        gold({ line: 2, title: 'Orthogonal Polynomials', year: 1939 }),
      ],
      { ...parsed, papers: parsed.papers.map((p) => ({ ...p, id: 'paper:orthogonal-polynomials' })) },
      false,
    );
    expect(s.found.hit).toBe(2);
    expect(s.merged).toBe(2);
  });
});
