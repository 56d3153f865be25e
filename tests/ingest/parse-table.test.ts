import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/ingest/parse-list.js';

const table = (md: string) => parseList(`## Papers\n\n${md}\n`);

describe('paper tables', () => {
  const r = parseList(readFileSync('tests/fixtures/lists/table-style.md', 'utf8'));

  it('recognises columns by header: title link, year, optimizer, published venue, code and keywords', () => {
    expect(r.papers[0]).toMatchObject({
      title: 'Adam: A Method for Stochastic Optimization',
      venue: { name: 'ICLR', kind: 'CONFERENCE' },
      venueText: "iclr'15",
      year: 2015,
      listedYear: 2014,
      arxivId: '1412.6980',
      links: [
        { label: 'arxiv', url: 'https://arxiv.org/abs/1412.6980' },
        { label: 'code', url: 'https://github.com/pytorch/pytorch' },
      ],
      notes: ['adaptive'],
      optimizers: [{ name: 'Adam', via: 'tag' }],
    });
  });

  it('makes one paper of the same paper on two rows, mentioning both optimizers', () => {
    const dwd = r.papers.filter((p) => p.title === 'Decoupled Weight Decay Regularization');
    expect(dwd).toHaveLength(1);
    expect(dwd[0]?.optimizers.map((o) => o.name)).toEqual(['AdamW', 'SGDW']);
    expect(r.entries).toBe(7);
    expect(r.papers).toHaveLength(6);
  });

  it("reads neurips'23, iclr-W'23 and an [arxiv](…) link as venues", () => {
    const by = (t: string) => r.papers.find((p) => p.title.startsWith(t));
    expect(by('Symbolic Discovery')?.venue).toMatchObject({ name: 'NeurIPS', kind: 'CONFERENCE' });
    expect(by('Symbolic Discovery')?.year).toBe(2023);
    expect(by('Sophia')?.venue).toMatchObject({ name: 'ICLR Workshop', kind: 'WORKSHOP' });
    expect(by('Large Batch')?.venue).toMatchObject({ name: 'arXiv', kind: 'PREPRINT' });
  });

  it('keeps an italic description as the title, with the row name as its optimizer', () => {
    expect(r.papers.find((p) => p.optimizers.some((o) => o.name === 'AdaBelief'))).toMatchObject({
      title: 'Adapting Step-sizes by the Belief in Observed Gradients',
      venue: { name: 'NeurIPS' },
    });
  });

  it('skips a table that is not about papers (a symbol key, a list of losses with no paper column)', () => {
    expect(r.skipped).toEqual({ 'tables that are not about papers': 2 });
    expect(r.warnings).toEqual([]);
  });

  it('reads authors from an Authors column and keeps a name column as a note', () => {
    const t = table(
      [
        '| LR Scheduler | Title | Authors | Venue | PDF |',
        '|---|---|---|---|---|',
        '| WSD | Warmup-Stable-Decay Schedules | Shengding Hu, Yuge Tu et al. | COLM 2024 | <https://arxiv.org/abs/2404.06395> |',
      ].join('\n'),
    );
    expect(t.papers[0]).toMatchObject({
      title: 'Warmup-Stable-Decay Schedules',
      authors: [{ name: 'Shengding Hu' }, { name: 'Yuge Tu' }],
      authorsComplete: false,
      venue: { name: 'COLM', kind: 'CONFERENCE' },
      year: 2024,
      notes: ['LR Scheduler: WSD'],
      links: [{ label: 'arxiv', url: 'https://arxiv.org/abs/2404.06395' }],
    });
  });

  it('counts a table of in-page links as navigation', () => {
    const t = table('| | |\n|---|---|\n| [Lookahead](#lookahead) | [Norm Loss](#norm-loss) |');
    expect(t.papers).toEqual([]);
    expect(t.skipped).toEqual({ navigation: 1 });
  });
});

describe('tables whose titles are in a Name or Paper column', () => {
  it('takes titles from link texts, a Name column or plain Paper text, and skips a table of names and formulas', () => {
    const t = parseList(readFileSync('tests/fixtures/lists/name-tables.md', 'utf8'));
    expect(
      t.papers.map((p) => [p.title, p.venue?.name ?? null, p.year, p.arxivId, p.authors.map((a) => a.name)]),
    ).toEqual([
      ['Adam', 'arXiv', 2014, '1412.6980', []],
      ['Decoupled Weight Decay Regularization', 'ICLR', 2019, '1711.05101', []],
      ['Adaptive Methods for Nonconvex Optimization', null, null, null, ['Manzil Zaheer', 'Sashank Reddi']],
    ]);
    expect(t.skipped).toEqual({ 'tables that are not about papers': 1 });
  });
});

describe('header words lists use for authors and dates', () => {
  it('reads a Who column as authors and a month-year Date as the year', () => {
    const r = table(`| Name | Date | Conference | Who |
|---|---|---|---|
| [Lookahead Optimizer: k steps forward, 1 step back](https://arxiv.org/abs/1907.08610) | 2019-07 | NeurIPS | Michael R. Zhang, James Lucas, Geoffrey Hinton, Jimmy Ba |
| Symbolic Discovery of Optimization Algorithms | Feb 2023 | NeurIPS | Xiangning Chen et al. |`);
    expect(r.papers.map((p) => [p.title, p.year, p.venue?.name, p.authors.map((a) => a.name)])).toEqual([
      [
        'Lookahead Optimizer: k steps forward, 1 step back',
        2019,
        'NeurIPS',
        ['Michael R. Zhang', 'James Lucas', 'Geoffrey Hinton', 'Jimmy Ba'],
      ],
      ['Symbolic Discovery of Optimization Algorithms', 2023, 'NeurIPS', ['Xiangning Chen']],
    ]);
    expect(r.papers[1]?.authorsComplete).toBe(false);
  });
});
