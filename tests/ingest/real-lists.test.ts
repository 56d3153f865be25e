import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/ingest/parse-list.js';
import type { PaperRecord } from '../../src/ingest/records.js';

// Real public lists in the styles the importer must read. The two newer ones are copied into the
// fixtures so these tests never depend on ../shared being there; the seed's are in seed/lists.
const FILES = {
  seed: 'seed/lists/analysis-section.md',
  analysis: 'seed/lists/optimizer-papers-analysis.md',
  optimizers: 'seed/lists/optimizer-papers-optimizers.md',
  awesome: 'tests/fixtures/lists/real/awesome-deep-learning-papers.md',
  pytorch: 'tests/fixtures/lists/real/pytorch-optimizer-readme.md',
};
const parsed = Object.fromEntries(
  Object.entries(FILES).map(([k, f]) => [k, parseList(readFileSync(f, 'utf8'))]),
) as Record<keyof typeof FILES, ReturnType<typeof parseList>>;

/** The entry on a given line of a file, compared field by field. */
function atLine(file: keyof typeof FILES, line: number): PaperRecord {
  const p = parsed[file].papers.find((x) => x.line === line);
  if (!p) throw new Error(`${FILES[file]} has no paper on line ${line}`);
  return p;
}
const names = (p: PaperRecord) => p.authors.map((a) => a.name);

describe('every real list', () => {
  it.each([
    ['seed', 5, 0, 4],
    ['analysis', 9, 0, 5],
    ['optimizers', 7, 0, 1],
    ['awesome', 223, 16, 15],
    // 126: the five rows that link only to a code repository (line 210 "SOAP with Muon" …) and Muon,
    // whose only other link is a post on x.com, are not papers.
    ['pytorch', 126, 1, 3],
  ] as const)(
    '%s: reads its papers with no warning, and counts what it skipped',
    (file, papers, navigation, sections) => {
      const r = parsed[file];
      expect(r.warnings).toEqual([]);
      expect(r.papers).toHaveLength(papers);
      expect(r.skipped.navigation ?? 0).toBe(navigation);
      expect(r.sections).toHaveLength(sections);
    },
  );
});

describe('the seed and the optimizer-papers lists', () => {
  it('reads every entry of the seed with its section, authors in order, venue and years', () => {
    expect(
      parsed.seed.papers.map((p) => [p.sectionCode, p.venue?.name, p.year, p.listedYear, p.authors.length]),
    ).toEqual([
      ['A.2', 'ICLR', 2019, 2018, 4],
      ['A.2', 'IEEE Access', 2019, 2019, 2],
      ['A.2', 'arXiv', 2020, 2020, 4],
      ['A.2', 'JMLR', 2022, 2022, 4],
      ['B.2', 'NeurIPS', 2020, 2020, 6],
    ]);
    expect(names(atLine('seed', 15))).toEqual(['Tran Thi Phuong', 'Le Trieu Phong']);
    expect(atLine('seed', 30).authors.at(-1)?.name).toBe('Weinan E');
  });

  it('reads every entry of the analysis and optimizers lists: section, first author, count, venue, year, arXiv id, optimizers', () => {
    const summary = (file: 'analysis' | 'optimizers') =>
      parsed[file].papers.map((p) => [
        p.line,
        p.sectionCode,
        p.authors[0]?.name,
        p.authors.length,
        p.authorsComplete,
        p.venue?.name,
        p.venue?.kind,
        p.year,
        p.arxivId,
        p.optimizers.map((o) => o.name).join(','),
      ]);
    expect(summary('analysis')).toEqual([
      [14, 'A.2', 'Xiangyi Chen', 4, true, 'ICLR', 'CONFERENCE', 2019, '1808.02941', 'Adam'],
      [15, 'A.2', 'Tran Thi Phuong', 2, true, 'IEEE Access', 'JOURNAL', 2019, '1904.03590', 'AMSGrad'],
      [16, 'A.2', 'Mher Safaryan', 2, true, 'ICML', 'CONFERENCE', 2019, '1905.12938', ''],
      [17, 'A.2', 'Alexandre Défossez', 4, true, 'arXiv', 'PREPRINT', 2020, '2003.02395', 'Adam,Adagrad'],
      [18, 'A.2', 'Congliang Chen', 4, true, 'JMLR', 'JOURNAL', 2022, null, 'Adam'],
      [31, 'B.2', 'Pan Zhou', 6, true, 'NeurIPS', 'CONFERENCE', 2020, '2010.05627', 'SGD,Adam'],
      [34, 'C', 'Lukas Balles', 2, true, 'ICML', 'CONFERENCE', 2018, '1705.07774', 'Adam'],
      [35, 'C', 'Robin M. Schmidt', 3, true, 'ICML', 'CONFERENCE', 2020, '2007.01547', ''],
      [36, 'C', 'Frederik Kunstner', 4, true, 'ICLR', 'CONFERENCE', 2023, null, 'SGD,Adam'],
    ]);
    expect(summary('optimizers')).toEqual([
      [5, '1', 'Diederik P. Kingma', 2, true, 'ICLR', 'CONFERENCE', 2015, '1412.6980', 'Adam'],
      [6, '1', 'Sashank J. Reddi', 3, true, 'ICLR', 'CONFERENCE', 2018, null, 'AMSGrad,Adam'],
      [7, '1', 'Nitish Shirish Keskar', 2, true, 'arXiv', 'PREPRINT', 2017, '1712.07628', 'SWATS,Adam,SGD'],
      [8, '1', 'Jeremy Bernstein', 4, true, 'ICML', 'CONFERENCE', 2018, '1802.04434', 'SignSGD'],
      [9, '1', 'Liangchen Luo', 4, true, 'ICLR', 'CONFERENCE', 2019, null, 'AdaBound'],
      [10, '1', 'Ilya Loshchilov', 2, true, 'ICLR', 'CONFERENCE', 2019, '1711.05101', 'AdamW'],
      [11, '1', 'Dong Wang', 7, true, 'ICDMW', 'WORKSHOP', 2019, '1907.09008', 'SignAdam'],
    ]);
  });

  it('reads the analysis list across its sections', () => {
    expect(atLine('analysis', 16)).toMatchObject({
      title: 'Stochastic Sign Descent Methods: New Algorithms and Better Theory',
      authors: [{ name: 'Mher Safaryan' }, { name: 'Peter Richtárik' }],
      venue: { name: 'ICML', kind: 'CONFERENCE' },
      arxivId: '1905.12938',
      links: [{ label: 'ICML PDF' }, { label: 'Newest Version PDF' }],
      sectionCode: 'A.2',
    });
    expect(atLine('analysis', 36)).toMatchObject({
      venue: { name: 'ICLR' },
      year: 2023,
      openreviewId: 'a65YK0cqH8g',
      sectionCode: 'C',
    });
    expect(names(atLine('analysis', 36))).toContain('J. Wilder Lavington');
  });

  it('reads the optimizer tags, notes and workshop venue of the optimizers list', () => {
    expect(atLine('optimizers', 6)).toMatchObject({
      title: 'On the Convergence of Adam and Beyond',
      notes: ['Best Paper'],
      venue: { name: 'ICLR' },
      year: 2018,
      optimizers: [
        { name: 'AMSGrad', via: 'tag' },
        { name: 'Adam', via: 'title' },
      ],
    });
    expect(atLine('optimizers', 9)).toMatchObject({
      openreviewId: 'Bkg3g2R9FX',
      optimizers: [{ name: 'AdaBound' }],
    });
    expect(atLine('optimizers', 11).venue).toEqual({ id: 'venue:icdmw', name: 'ICDMW', kind: 'WORKSHOP' });
  });
});

describe('awesome-deep-learning-papers (bold title, (year), abbreviated authors)', () => {
  it.each([
    [72, 'Distilling the knowledge in a neural network', ['G. Hinton'], false, 2015, '1503.02531', '1'],
    [
      77,
      'Visualizing and understanding convolutional networks',
      ['M. Zeiler', 'R. Fergus'],
      true,
      2014,
      '1311.2901',
      '1',
    ],
    [87, 'Adam: A method for stochastic optimization', ['D. Kingma', 'J. Ba'], true, 2014, '1412.6980', '2'],
    [123, 'Fast R-CNN', ['R. Girshick'], true, 2015, null, '5'],
    [197, 'WaveNet: A Generative Model for Raw Audio', ['A. Oord'], false, 2016, '1609.03499', '10'],
    [223, 'Mask R-CNN', ['K. He'], false, 2017, null, '11'],
    [
      254,
      'SQuAD: 100,000+ Questions for Machine Comprehension of Text',
      ['Rajpurkar'],
      false,
      2016,
      '1606.05250',
      '13',
    ],
    [
      257,
      'Theano: A Python framework for fast computation of mathematical expressions',
      ['R. Al-Rfou'],
      false,
      null,
      null,
      '13',
    ],
    [
      267,
      'Neural Machine Translation and Sequence-to-sequence Models: A Tutorial',
      ['G. Neubig'],
      true,
      2017,
      '1703.01619',
      '14',
    ],
    [272, 'Deep learning', ['Y. LeCun', 'Y. Bengio', 'G. Hinton'], true, 2015, null, '14'],
    [
      356,
      'Improving distributional similarity with lessons learned from word embeddings',
      ['O. Levy'],
      false,
      null,
      null,
      '15',
    ],
    [
      378,
      'A Fast and Accurate Dependency Parser using Neural Networks',
      ['Chen', 'Manning'],
      true,
      null,
      null,
      '15',
    ],
  ] as const)('line %i', (line, title, authors, complete, year, arxivId, section) => {
    const p = atLine('awesome', line);
    expect([p.title, names(p), p.authorsComplete, p.year, p.arxivId, p.sectionCode, p.venue]).toEqual([
      title,
      authors,
      complete,
      year,
      arxivId,
      section,
      null,
    ]);
  });

  it('keeps two works titled "Deep learning" apart, and labels every link', () => {
    const book = atLine('awesome', 269);
    expect(book).toMatchObject({
      notes: ['Book'],
      year: 2016,
      links: [{ label: 'html', url: 'http://www.deeplearningbook.org/' }],
    });
    expect(book.id).not.toBe(atLine('awesome', 272).id);
    expect(atLine('awesome', 197).links.map((l) => l.label)).toEqual(['pdf', 'web']);
  });

  it('makes its headings top-level sections, not children of the contents', () => {
    expect(parsed.awesome.title).toBe('Awesome - Most Cited Deep Learning Papers');
    expect(parsed.awesome.sections.every((s) => s.parentCode === null)).toBe(true);
    expect(parsed.awesome.sections.map((s) => s.title)).not.toContain('Video Lectures / Tutorials / Blogs');
  });
});

describe('pytorch-optimizer README (optimizer, scheduler and loss tables among install notes)', () => {
  it('reads an optimizer row: the description as the title, the name as the optimizer, each column its link', () => {
    expect(atLine('pytorch', 110)).toMatchObject({
      title: 'Adapting Step-sizes by the Belief in Observed Gradients',
      authors: [],
      arxivId: '2010.07468',
      year: 2020,
      venue: null,
      optimizers: [{ name: 'AdaBelief', via: 'tag' }],
      links: [
        { label: 'code', url: 'https://github.com/juntang-zhuang/Adabelief-Optimizer' },
        { label: 'arxiv', url: 'https://arxiv.org/abs/2010.07468' },
        { label: 'cite', url: 'https://ui.adsabs.harvard.edu/abs/2020arXiv201007468Z/exportcitation' },
      ],
      sectionCode: '1',
    });
  });

  it('reads the rows whose paper link is a conference page, not arXiv', () => {
    expect(atLine('pytorch', 141)).toMatchObject({
      title: 'Adaptive Methods for Nonconvex Optimization',
      venue: { name: 'NeurIPS', kind: 'CONFERENCE' },
      year: 2018,
      arxivId: null,
      links: [
        {
          label: 'paper',
          url: 'https://papers.nips.cc/paper/8186-adaptive-methods-for-nonconvex-optimization',
        },
        { label: 'cite' },
      ],
      optimizers: [{ name: 'Yogi' }],
    });
    expect(atLine('pytorch', 148)).toMatchObject({ venue: { name: 'CVPR' }, year: 2018, arxivId: null });
    expect(atLine('pytorch', 223)).toMatchObject({
      title: 'Friendly Sharpness-Aware Minimization',
      arxivId: null,
      links: [
        { label: 'code' },
        { label: 'pdf', url: expect.stringContaining('openaccess.thecvf.com/content/CVPR2024') },
        { label: 'cite' },
      ],
    });
    expect(atLine('pytorch', 111)).toMatchObject({
      openreviewId: 'Bkg3g2R9FX',
      optimizers: [{ name: 'AdaBound' }],
    });
  });

  it('reads optimizer cells with two names and titles that name other optimizers', () => {
    expect(atLine('pytorch', 215).optimizers.map((o) => o.name)).toEqual(['RACS', 'Alice']);
    expect(atLine('pytorch', 118).optimizers.map((o) => `${o.name}:${o.via}`)).toEqual([
      'Ranger:tag',
      'RAdam:title',
      'Lookahead:title',
    ]);
    // A row whose only link is its code ("SOAP with Muon", line 210) in a table of papers is no paper.
    expect(parsed.pytorch.papers.some((p) => p.line === 210)).toBe(false);
    expect(parsed.pytorch.skipped['links to no paper']).toBe(6);
  });

  it('takes the scheduler and loss tables as papers of the list, their row names as notes', () => {
    expect(atLine('pytorch', 258)).toMatchObject({
      title: 'Warmup-Stable-Decay learning rate scheduler',
      notes: ['LR Scheduler: WSD'],
      optimizers: [],
      arxivId: '2404.06395',
      sectionCode: '2',
    });
    expect(atLine('pytorch', 285)).toMatchObject({
      title: 'Focal Loss for Dense Object Detection',
      notes: ['Loss Functions: Focal'],
      year: 2017,
      sectionCode: '3',
    });
    expect(parsed.pytorch.sections.map((s) => s.title)).toEqual([
      'Supported Optimizers',
      'Supported LR Scheduler',
      'Supported Loss Function',
    ]);
  });

  it('keeps two rows that share one arXiv link by mistake as two papers, with a notice', () => {
    expect(atLine('pytorch', 197).arxivId).toBe('2411.10438');
    expect(atLine('pytorch', 198)).toMatchObject({
      title: 'No More Adam: Learning Rate Scaling at Initialization is All You Need',
      arxivId: null,
    });
    expect(parsed.pytorch.notices.map((n) => n.line)).toEqual([198]);
  });

  it('skips the install notes, code blocks and the tables about other things', () => {
    expect(parsed.pytorch.skipped).toMatchObject({
      'code blocks': 11,
      'tables that are not about papers': 7,
      navigation: 1,
    });
  });
});
