import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/ingest/parse-list.js';

const text = (name: string) => readFileSync(`tests/fixtures/lists/${name}`, 'utf8');
const fixture = (name: string, keep: string[] = []) => parseList(text(name), { keepCodes: new Set(keep) });

describe('parseList on the seed style', () => {
  it('reads numbered headings as sections and keeps an empty one only when the taxonomy names it', () => {
    const kept = fixture('seed-style.md', ['A.1']);
    expect(kept.title).toBe('Test list');
    expect(kept.sections.map((s) => [s.code, s.parentCode, s.title])).toEqual([
      ['A', null, 'First part'],
      ['A.1', 'A', 'Empty subsection'],
      ['A.2', 'A', 'Full subsection'],
      ['B', null, 'Second part'],
    ]);
    expect(fixture('seed-style.md').sections.map((s) => s.code)).toEqual(['A', 'A.2', 'B']);
  });

  it('reads title, ordered authors, venue, both years, arXiv id and labelled links', () => {
    const r = fixture('seed-style.md');
    const [ascii, wide, best] = r.papers;
    expect(ascii).toMatchObject({
      title: 'A Paper With Ascii Commas',
      authors: [
        { id: 'author:ann-author', name: 'Ann Author' },
        { id: 'author:bob-builder', name: 'Bob Builder' },
      ],
      authorsComplete: true,
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
    expect(r.papers).toHaveLength(4);
    expect(r.warnings).toEqual([]);
    expect(r.skipped).toEqual({ 'not a paper': 1 });
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

  it('makes up a section code from position when no heading is numbered', () => {
    expect(r.title).toBe('Optimizers');
    expect(r.sections).toMatchObject([{ code: '1', title: 'Papers', codeMadeUp: true }]);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseList on the "Title. In *VENUE YEAR*." style', () => {
  it('reads papers without authors and nests unnumbered headings by depth', () => {
    const r = fixture('in-venue-style.md');
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

describe('parseList on the structure around the papers', () => {
  const r = fixture('mixed-structure.md');

  it('skips contents, badges, comments, code and rules, counting each', () => {
    expect(r.skipped).toEqual({
      'badges and images': 1,
      navigation: 2,
      'HTML and comments': 1,
      'code blocks': 1,
      rules: 1,
    });
    expect(r.warnings).toEqual([]);
  });

  it('keeps written codes, makes up codes that cannot collide with them, and drops headings with no papers', () => {
    expect(r.sections.map((s) => [s.code, s.parentCode, s.title, s.codeMadeUp])).toEqual([
      ['1', null, 'Methods', false],
      ['1.x1', '1', 'Second-order', true],
      ['x2', null, 'Benchmarks', true],
    ]);
  });

  it('makes one paper of a paper listed in two sections, listed in both', () => {
    const adam = r.papers.filter((p) => p.title === 'Adam: A Method for Stochastic Optimization');
    expect(adam.map((p) => [p.id, p.sectionCode, p.order])).toEqual([
      ['paper:adam-a-method-for-stochastic-optimization', '1', 0],
      ['paper:adam-a-method-for-stochastic-optimization', 'x2', 1],
    ]);
    expect(r.entries).toBe(4);
  });
});

describe('parseList on entries it cannot read', () => {
  it('reads the author-year style it once could not', () => {
    const r = fixture('unknown-style.md');
    expect(r.papers.map((p) => [p.title, p.authors.map((a) => a.name), p.year, p.venue?.name])).toEqual([
      ['Adam, a method for stochastic optimization', ['Kingma', 'Ba'], 2015, 'ICLR'],
      ['On the convergence of Adam and beyond', ['Reddi'], 2018, 'ICLR'],
    ]);
    expect(r.papers[1]?.authorsComplete).toBe(false);
  });

  it('warns with the line number of every entry that looks like a paper but has no title', () => {
    const r = fixture('unreadable.md');
    expect(r.papers.map((p) => p.title)).toEqual(['A Readable Paper']);
    expect(r.warnings.map((w) => w.line)).toEqual([5, 6]);
    expect(r.warnings[0]?.message).toMatch(
      /^looks like a paper entry .* but no title could be read: "\(2015\), G\. Hinton/,
    );
  });
});

describe('parseList on styles none of the real lists uses', () => {
  it('reads each entry of a list written in invented styles, field by field', () => {
    const r = fixture('invented-styles.md');
    expect(r.warnings).toEqual([]);
    expect(
      r.papers.map((p) => [
        p.sectionCode,
        p.title,
        p.authors.map((a) => a.name).join('; '),
        p.authorsComplete,
        p.venue?.name ?? null,
        p.year,
      ]),
    ).toEqual([
      ['1', 'Decoupled Weight Decay Regularization', 'Ilya Loshchilov; Frank Hutter', true, 'ICLR', 2019],
      ['1', 'Adaptive Methods for Nonconvex Optimization', 'Zaheer', false, 'NeurIPS', 2018],
      ['2', 'Adam: A Method for Stochastic Optimization', 'D. P. Kingma; J. Ba', true, 'ICLR', 2015],
      ['2', 'Lookahead Optimizer: k steps forward, 1 step back', 'Michael R. Zhang', false, 'NeurIPS', 2019],
      ['2', 'Symbolic Discovery of Optimization Algorithms', 'Xiangning Chen', false, 'NeurIPS', 2023],
      [
        '2',
        'AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients',
        'Juntang Zhuang',
        false,
        'NeurIPS',
        2020,
      ],
      [
        '2.1',
        'Lookahead Optimizer: k steps forward, 1 step back',
        'Michael Zhang; James Lucas; Geoffrey Hinton; Jimmy Ba',
        true,
        'NeurIPS',
        2019,
      ],
      ['2.1', 'On the Variance of the Adaptive Learning Rate and Beyond', 'Liu', false, 'ICLR', 2020],
      [
        '2.1',
        'Large Batch Optimization for Deep Learning: Training BERT in 76 minutes',
        'Y. You; J. Li; S. Reddi',
        false,
        'ICLR',
        2020,
      ],
      [
        '2.2',
        'A method for solving the convex programming problem with convergence rate O(1/k^2)',
        'Y. Nesterov',
        true,
        null,
        1983,
      ],
      [
        '2.2',
        'Adaptive Subgradient Methods for Online Learning and Stochastic Optimization',
        'John Duchi; Elad Hazan; Yoram Singer',
        true,
        'JMLR',
        2011,
      ],
    ]);
    // A year heading ("### 2019") is a title, not the code 201.
    expect(r.sections.map((s) => [s.code, s.title])).toEqual([
      ['1', 'Weight decay'],
      ['2', 'Adaptive'],
      ['2.1', '2019'],
      ['2.2', 'Older'],
    ]);
    // The arXiv reference beside a venue gives the id, not a second venue.
    expect(r.papers[6]).toMatchObject({ arxivId: '1907.08610', venueText: 'NeurIPS 2019', notes: [] });
  });
});

describe('parseList on entries whose fields sit in sub-bullets', () => {
  it('reads "- Authors: …", "- Venue: …", "- Year: …" and link bullets as fields of their entry', () => {
    const r = fixture('nested-fields.md');
    expect(r.warnings).toEqual([]);
    expect(
      r.papers.map((p) => [
        p.title,
        p.authors.map((a) => a.name),
        p.authorsComplete,
        p.venue?.name ?? null,
        p.year,
        p.arxivId,
        p.links.map((l) => l.label),
      ]),
    ).toEqual([
      [
        'Lion: Symbolic Discovery of Optimization Algorithms',
        ['Xiangning Chen', 'Chen Liang', 'Da Huang'],
        false,
        'NeurIPS',
        2023,
        '2302.06675',
        ['paper', 'code'],
      ],
      [
        'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
        [],
        true,
        null,
        2023,
        '2305.14342',
        ['arxiv'],
      ],
    ]);
    // Sub-bullets of in-page links stay navigation, each counted.
    expect(r.skipped).toEqual({ 'not a paper': 1, navigation: 2 });
  });
});

describe('cards: a heading per paper with its fields as bullets', () => {
  const md = `# My optimizers

## Adaptive

### Adam: A Method for Stochastic Optimization
- **Authors:** Diederik P. Kingma, Jimmy Ba
- **Venue:** ICLR 2015
- **Link:** https://arxiv.org/abs/1412.6980

### Decoupled Weight Decay Regularization
- Authors: Ilya Loshchilov, Frank Hutter
- Year: 2019

## Momentum

- Nesterov, Y. (1983). A method for solving the convex programming problem with convergence rate O(1/k^2). Soviet Mathematics Doklady.

### Notes on momentum
- Tags: reading
- [slides](https://example.org/s.pdf)
`;
  it('reads the heading as the title and the bullets as its fields, in the section above; no field becomes a paper', () => {
    const r = parseList(md);
    expect(
      r.papers.map((p) => [p.title, p.year, p.venue?.name ?? null, p.authors.map((a) => a.name)]),
    ).toEqual([
      ['Adam: A Method for Stochastic Optimization', 2015, 'ICLR', ['Diederik P. Kingma', 'Jimmy Ba']],
      ['Decoupled Weight Decay Regularization', 2019, null, ['Ilya Loshchilov', 'Frank Hutter']],
      [
        'A method for solving the convex programming problem with convergence rate O(1/k^2)',
        1983,
        'Soviet Mathematics Doklady',
        ['Y. Nesterov'],
      ],
    ]);
    expect(r.papers[0]?.arxivId).toBe('1412.6980');
    const section = (code: string | null) => r.sections.find((s) => s.code === code)?.title;
    expect(r.papers.map((p) => section(p.sectionCode))).toEqual(['Adaptive', 'Adaptive', 'Momentum']);
    // A heading whose bullets are only tags and links is no paper (and no section: nothing under it).
    expect(r.sections.map((s) => s.title)).toEqual(['Adaptive', 'Momentum']);
  });
});

describe('reading queues, year groups, paragraphs and quotes', () => {
  const rows = (md: string) =>
    parseList(md).papers.map((p) => [p.title, p.year, p.venue?.name ?? null, p.authors.map((a) => a.name)]);

  it('reads task-list items, bold names before an italic title, and a title with only an arXiv id', () => {
    expect(
      rows(`## To read
- [ ] **Kingma, D. P. & Ba, J.** *Adam: A method for stochastic optimization.* ICLR 2015.
- [x] "Decoupled Weight Decay Regularization", Loshchilov and Hutter, ICLR 2019
- [ ] Lion — arXiv:2302.06675
`),
    ).toEqual([
      ['Adam: A method for stochastic optimization', 2015, 'ICLR', ['D. P. Kingma', 'J. Ba']],
      ['Decoupled Weight Decay Regularization', 2019, 'ICLR', ['Loshchilov', 'Hutter']],
      ['Lion', 2023, 'arXiv', []],
    ]);
  });

  it('gives the papers under a bullet that is only a year that year', () => {
    const r = parseList(`## By year
- 2018
  - On the Convergence of Adam and Beyond — Reddi, Kale, Kumar (ICLR)
  - Shampoo: Preconditioned Stochastic Tensor Optimization — Gupta, Koren, Singer (ICML)
- 2019:
  - Decoupled Weight Decay Regularization — Loshchilov & Hutter (ICLR)
`);
    expect(r.papers.map((p) => [p.title, p.year])).toEqual([
      ['On the Convergence of Adam and Beyond', 2018],
      ['Shampoo: Preconditioned Stochastic Tensor Optimization', 2018],
      ['Decoupled Weight Decay Regularization', 2019],
    ]);
    expect(r.skipped).toEqual({});
  });

  it('reads references written as paragraphs, and lists inside a quote, but no lone prose paragraph', () => {
    expect(
      rows(`# Notes

This list started in 2019 with papers by G. Hinton and friends, ICML 2019 mostly.

## Paragraph style

Adam: A Method for Stochastic Optimization. Diederik P. Kingma, Jimmy Ba. ICLR 2015.

On the Variance of the Adaptive Learning Rate and Beyond
Liyuan Liu et al.
ICLR 2020

> - Sharpness-Aware Minimization for Efficiently Improving Generalization, P. Foret et al., ICLR 2021
`),
    ).toEqual([
      ['Adam: A Method for Stochastic Optimization', 2015, 'ICLR', ['Diederik P. Kingma', 'Jimmy Ba']],
      ['On the Variance of the Adaptive Learning Rate and Beyond', 2020, 'ICLR', ['Liyuan Liu']],
      ['Sharpness-Aware Minimization for Efficiently Improving Generalization', 2021, 'ICLR', ['P. Foret']],
    ]);
  });

  it('keeps a code-only entry with names and a year, but not a post with names and a date, where papers link to papers', () => {
    const r = parseList(`# Reading

- A. Author, B. Author. "Adam: A Method for Stochastic Optimization." 2015. [pdf](https://arxiv.org/abs/1412.6980)
- C. Author, D. Author. "Decoupled Weight Decay Regularization." 2019. [pdf](https://arxiv.org/abs/1711.05101)
- E. Author, F. Author. "On the Convergence of Adam and Beyond." 2018. [pdf](https://openreview.net/forum?id=ryQu7f-RZ)
- L. Author. "Averaging Weights Leads to Wider Optima and Better Generalization." 2018. [pdf](https://arxiv.org/abs/1803.05407)
- M. Author. "Sharpness-Aware Minimization for Efficiently Improving Generalization." 2021. [pdf](https://arxiv.org/abs/2010.01412)
- N. Author. "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes." 2020. [pdf](https://arxiv.org/abs/1904.00962)
- O. Author. "On the Variance of the Adaptive Learning Rate and Beyond." 2020. [pdf](https://arxiv.org/abs/1908.03265)
- P. Author. "Symbolic Discovery of Optimization Algorithms." 2023. [pdf](https://arxiv.org/abs/2302.06675)
- Q. Author. "Adaptive Subgradient Methods for Online Learning." 2011. [pdf](https://jmlr.org/papers/v12/duchi11a.html)
- G. Author, H. Author. "Lookahead Optimizer: k steps forward, 1 step back." 2019. [code](https://github.com/example/lookahead)
- I. Writer, J. Writer. "Why Momentum Really Works." 2017. [html](https://example.blogspot.com/2017/04/momentum.html)
- K. Writer. "An overview of gradient descent optimization algorithms." 2016. [video](https://www.youtube.com/watch?v=abc)
`);
    expect(r.papers.map((p) => p.title)).toEqual([
      'Adam: A Method for Stochastic Optimization',
      'Decoupled Weight Decay Regularization',
      'On the Convergence of Adam and Beyond',
      'Averaging Weights Leads to Wider Optima and Better Generalization',
      'Sharpness-Aware Minimization for Efficiently Improving Generalization',
      'Large Batch Optimization for Deep Learning: Training BERT in 76 minutes',
      'On the Variance of the Adaptive Learning Rate and Beyond',
      'Symbolic Discovery of Optimization Algorithms',
      'Adaptive Subgradient Methods for Online Learning',
      'Lookahead Optimizer: k steps forward, 1 step back',
    ]);
    expect(r.skipped['links to no paper']).toBe(2);
  });

  it('reads one leading name as the author where the document writes its references names first, and no note as a paper', () => {
    const r = parseList(`# Optimization notes

- Convexity:
  - Def. Positive Semi-definite. M is PSD
  - Lemma-1. 1st-order: L-Lipschitz
- Methods:
  - D. P. Kingma and J. Ba. Adam: A method for stochastic optimization. ICLR'15
  - J Duchi, E Hazan, and Y Singer. Adaptive subgradient methods for online learning and stochastic optimization. JMLR'11
  - S.-I. Amari. Natural gradient works efficiently in learning. Neural Computation, 10(2): 251–276, 1998.
  - James Martens. New insights and perspectives on the natural gradient method. 2017
  - Martens, James. Deep learning via hessian-free optimization. ICML'10
`);
    expect(r.papers.map((p) => [p.title, p.authors.map((a) => a.name)])).toEqual([
      ['Adam: A method for stochastic optimization', ['D. P. Kingma', 'J. Ba']],
      [
        'Adaptive subgradient methods for online learning and stochastic optimization',
        ['J Duchi', 'E Hazan', 'Y Singer'],
      ],
      ['Natural gradient works efficiently in learning', ['S.-I. Amari']],
      ['New insights and perspectives on the natural gradient method', ['James Martens']],
      ['Deep learning via hessian-free optimization', ['James Martens']],
    ]);
  });
});
