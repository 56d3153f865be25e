import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/ingest/parse-list.js';

/** Parses one list item (or several lines of one) under a heading and returns what became of it. */
function read(item: string) {
  const r = parseList(`## Section\n${item}\n`);
  return { paper: r.papers[0], papers: r.papers, warnings: r.warnings, skipped: r.skipped };
}
const paper = (item: string) => {
  const { paper, warnings } = read(item);
  expect(warnings).toEqual([]);
  if (!paper) throw new Error(`no paper read from ${item}`);
  return paper;
};

describe('fields separated by " // " or an arrow (a reading-queue style)', () => {
  it('reads title, authors and venue between the separators, leaving URLs whole', () => {
    const lion = paper(
      "1) Lion — Symbolic Discovery of Optimization Algorithms // X. Chen, C. Liang et al. // NeurIPS'23 // https://arxiv.org/abs/2302.06675",
    );
    expect(lion.title).toBe('Lion — Symbolic Discovery of Optimization Algorithms');
    expect(lion.authors.map((a) => a.name)).toEqual(['X. Chen', 'C. Liang']);
    expect(lion.authorsComplete).toBe(false);
    expect(lion.venue).toMatchObject({ name: 'NeurIPS' });
    expect(lion.arxivId).toBe('2302.06675');
    const sophia = paper(
      '1) Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training // Hong Liu, Zhiyuan Li // ICLR 2024',
    );
    expect(sophia.title).toBe(
      'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
    );
    expect(sophia.authors.map((a) => a.name)).toEqual(['Hong Liu', 'Zhiyuan Li']);
    expect(sophia.year).toBe(2024);
    const sf = paper('1) "Schedule-Free learning" -> Defazio et al., 2024, arXiv:2405.15682');
    expect(sf.title).toBe('Schedule-Free learning');
    expect(sf.authors.map((a) => a.name)).toEqual(['Defazio']);
    expect(sf.year).toBe(2024);
  });
});

describe('fields separated by arrowheads ("year ▸ title ▸ who ▸ where", a shelf style)', () => {
  it('reads year, title, authors and venue between the arrowheads, and a «quoted» title', () => {
    const adam = paper('* 2015 ▸ Adam: A Method for Stochastic Optimization ▸ Kingma & Ba ▸ ICLR');
    expect(adam).toMatchObject({ title: 'Adam: A Method for Stochastic Optimization', year: 2015 });
    expect(adam.authors.map((a) => a.name)).toEqual(['Kingma', 'Ba']);
    expect(adam.venue).toMatchObject({ name: 'ICLR' });
    const lion = paper('* 2023 ▸ Symbolic Discovery of Optimization Algorithms ▸ X. Chen et al. ▸ NeurIPS');
    expect(lion.title).toBe('Symbolic Discovery of Optimization Algorithms');
    expect(lion.authors.map((a) => a.name)).toEqual(['X. Chen']);
    expect(lion.authorsComplete).toBe(false);
    const amsgrad = paper('1. «On the Convergence of Adam and Beyond» — Reddi, Kale, Kumar (ICLR 2018)');
    expect(amsgrad).toMatchObject({ title: 'On the Convergence of Adam and Beyond', year: 2018 });
  });
});

describe('a venue with a short year in brackets ("(ICLR\'18)")', () => {
  it('takes it as the venue and its year, not as a note', () => {
    const adam = paper('- "Adam: A Method for Stochastic Optimization" (ICLR\'15) — Kingma, Ba');
    expect(adam).toMatchObject({
      title: 'Adam: A Method for Stochastic Optimization',
      year: 2015,
      notes: [],
    });
    expect(adam.venue).toMatchObject({ name: 'ICLR' });
    expect(adam.authors.map((a) => a.name)).toEqual(['Kingma', 'Ba']);
    const adamw = paper('- "Decoupled Weight Decay Regularization" (ICLR ’19), Loshchilov & Hutter');
    expect(adamw).toMatchObject({ year: 2019, venue: { name: 'ICLR' } });
    // A bracket that is no venue stays a note.
    expect(paper('- "Adam: A Method for Stochastic Optimization" (Oral) — Kingma, Ba (2015)').notes).toEqual([
      'Oral',
    ]);
  });
});

describe('reference styles with the authors first and no year in brackets', () => {
  const names = (item: string) => paper(item).authors.map((a) => a.name);
  it('reads ACM/IEEE style: initials, a full stop, the title, then the venue and year', () => {
    const p = paper(
      '* S. J. Reddi, S. Kale, S. Kumar. On the convergence of Adam and beyond. In ICLR, 2018.',
    );
    expect(p).toMatchObject({
      title: 'On the convergence of Adam and beyond',
      year: 2018,
      venue: { name: 'ICLR' },
    });
    expect(p.authors.map((a) => a.name)).toEqual(['S. J. Reddi', 'S. Kale', 'S. Kumar']);
    expect(
      names(
        '- Zeiler, M. D. ADADELTA: An Adaptive Learning Rate Method. arXiv preprint arXiv:1212.5701, 2012.',
      ),
    ).toEqual(['M. D. Zeiler']);
  });

  it('reads Vancouver/PubMed style, undotted initials after the surname, volume and pages as notes', () => {
    const p = paper(
      '- Duchi J, Hazan E, Singer Y. Adaptive subgradient methods for online learning and stochastic optimization. J Mach Learn Res. 2011;12:2121–2159.',
    );
    expect(p).toMatchObject({
      title: 'Adaptive subgradient methods for online learning and stochastic optimization',
      year: 2011,
      venue: { name: 'JMLR' },
      notes: ['12:2121–2159'],
    });
    expect(p.authors.map((a) => a.name)).toEqual(['J. Duchi', 'E. Hazan', 'Y. Singer']);
    expect(
      names('- Kingma DP, Ba J. Adam: a method for stochastic optimization. arXiv:1412.6980. 2014.'),
    ).toEqual(['D. P. Kingma', 'J. Ba']);
    // One name with a one-letter surname is a name as written, not Vancouver.
    expect(names('- **Deep Learning for Finance** — Weinan E, 2017')).toEqual(['Weinan E']);
  });

  it('keeps volume and pages out of the venue', () => {
    const p = paper(
      '1. Polyak, B. T. (1964). Some methods of speeding up the convergence of iteration methods. USSR Computational Mathematics and Mathematical Physics, 4(5), 1–17.',
    );
    expect(p.venue).toMatchObject({ name: 'USSR Computational Mathematics and Mathematical Physics' });
    expect(p.year).toBe(1964);
  });

  it('drops a citation key before the entry, keeping its year', () => {
    const p = paper(
      '* [Wilson et al., 2017] A. C. Wilson, R. Roelofs, M. Stern, N. Srebro, B. Recht. The marginal value of adaptive gradient methods in machine learning. In NeurIPS, 2017.',
    );
    expect(p).toMatchObject({
      title: 'The marginal value of adaptive gradient methods in machine learning',
      venue: { name: 'NeurIPS' },
      year: 2017,
    });
    expect(
      paper('- [12] Kingma DP, Ba J. Adam: a method for stochastic optimization. ICLR 2015.').title,
    ).toBe('Adam: a method for stochastic optimization');
  });
});

describe('emoji and :shortcodes: before an entry', () => {
  it('finds the bold or linked title behind them', () => {
    expect(
      paper(
        '- 📄 **Lookahead Optimizer: k steps forward, 1 step back** · Zhang, Lucas, Hinton, Ba · NeurIPS 2019',
      ).title,
    ).toBe('Lookahead Optimizer: k steps forward, 1 step back');
    const sophia = paper(
      '- 🔥 [Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training](https://arxiv.org/abs/2305.14342) (Liu et al., 2023)',
    );
    expect(sophia).toMatchObject({
      title: 'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
      year: 2023,
    });
    expect(paper('- :star: **Decoupled Weight Decay Regularization** (ICLR 2019)').title).toBe(
      'Decoupled Weight Decay Regularization',
    );
  });
});

describe('fields after a plain title', () => {
  it('reads names and venue in a closing bracket, a year in code marks, and a one-word title beside its paper link', () => {
    const shampoo = paper(
      '- Shampoo: Preconditioned Stochastic Tensor Optimization (Gupta, Koren, Singer — ICML 2018)',
    );
    expect(shampoo).toMatchObject({
      title: 'Shampoo: Preconditioned Stochastic Tensor Optimization',
      year: 2018,
      venue: { name: 'ICML' },
    });
    expect(shampoo.authors.map((a) => a.name)).toEqual(['Gupta', 'Koren', 'Singer']);
    const sgdr = paper('- `2017` SGDR: Stochastic Gradient Descent with Warm Restarts — Loshchilov & Hutter');
    expect(sgdr).toMatchObject({ title: 'SGDR: Stochastic Gradient Descent with Warm Restarts', year: 2017 });
    const adam = paper(
      '- Adam [[paper]](https://arxiv.org/abs/1412.6980) [[code]](https://github.com/x/adam) - Kingma & Ba, ICLR 2015',
    );
    expect(adam).toMatchObject({ title: 'Adam', year: 2015, venue: { name: 'ICLR' }, arxivId: '1412.6980' });
    const momentum = paper(
      '1. **[ICML 2013]** On the importance of initialization and momentum in deep learning. *Ilya Sutskever, James Martens, George Dahl, Geoffrey Hinton.* [pdf](http://proceedings.mlr.press/v28/sutskever13.pdf)',
    );
    expect(momentum).toMatchObject({
      title: 'On the importance of initialization and momentum in deep learning',
      year: 2013,
      venue: { name: 'ICML' },
    });
    expect(momentum.authors).toHaveLength(4);
    // A label word beside a link is no title.
    expect(read('- paper [[pdf]](https://arxiv.org/abs/1412.6980) 2019').papers).toEqual([]);
    // A bracket that holds words of a title stays in the title.
    expect(paper('- **Adam (a method for stochastic optimization)** 2015').title).toBe(
      'Adam (a method for stochastic optimization)',
    );
  });
});

describe('the title recogniser', () => {
  it('takes bold text as the title', () => {
    expect(
      paper(
        '- **Distilling the knowledge in a neural network** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)',
      ).title,
    ).toBe('Distilling the knowledge in a neural network');
  });

  it('takes the text of a leading link, and labels that link by where it points', () => {
    const p = paper(
      '- [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) [:outbox_tray:]() [:computer:]()\n  Diederik P. Kingma, Jimmy Ba; 2014',
    );
    expect(p.title).toBe('Adam: A Method for Stochastic Optimization');
    expect(p.links).toEqual([{ label: 'arxiv', url: 'https://arxiv.org/abs/1412.6980' }]);
  });

  it('takes the leading sentence up to " In *…*" and keeps a title\'s own question mark', () => {
    const p = paper(
      '- Deep Learning without Poor Local Minima? In *NeurIPS 2016*. [[pdf](https://arxiv.org/abs/1605.07110)]',
    );
    expect(p.title).toBe('Deep Learning without Poor Local Minima?');
    expect(p.venue).toMatchObject({ name: 'NeurIPS', kind: 'CONFERENCE' });
  });

  it('keeps an entry with no venue as a paper, its year from the arXiv id', () => {
    const p = paper('- How to Escape Saddle Points Efficiently. [[pdf](https://arxiv.org/abs/1703.00887)]');
    expect(p).toMatchObject({
      title: 'How to Escape Saddle Points Efficiently',
      venue: null,
      year: 2017,
      arxivId: '1703.00887',
    });
  });

  it('reads past a broken "[pdf](url)]"', () => {
    const p = paper(
      '- Gradient Descent Finds Global Minima of Deep Neural Networks. In *ICML 2019*. [pdf](https://arxiv.org/abs/1811.03804)]',
    );
    expect(p).toMatchObject({
      title: 'Gradient Descent Finds Global Minima of Deep Neural Networks',
      year: 2019,
      arxivId: '1811.03804',
    });
    expect(p.venue?.name).toBe('ICML');
  });

  it('stops at "(2015)" and at ", *Authors*"', () => {
    expect(
      paper(
        '- What makes for effective detection proposals? (2016), J. Hosang et al. [[pdf]](https://arxiv.org/pdf/1502.05082)',
      ).title,
    ).toBe('What makes for effective detection proposals?');
    expect(paper('* **A Paper**，*Ann Author*，ICLR 2019').title).toBe('A Paper');
  });

  it('reads a quoted title, a leading [Venue Year] and a year that opens the line', () => {
    expect(
      paper(
        '- "Lookahead Optimizer: k steps forward, 1 step back" by Michael R. Zhang et al., NeurIPS 2019.',
      ),
    ).toMatchObject({
      title: 'Lookahead Optimizer: k steps forward, 1 step back',
      authors: [{ name: 'Michael R. Zhang' }],
      authorsComplete: false,
      venue: { name: 'NeurIPS' },
      year: 2019,
    });
    expect(
      paper(
        '1. [ICLR 2019] Decoupled Weight Decay Regularization. Ilya Loshchilov, Frank Hutter. [paper](https://arxiv.org/abs/1711.05101)',
      ),
    ).toMatchObject({
      title: 'Decoupled Weight Decay Regularization',
      authors: [{ name: 'Ilya Loshchilov' }, { name: 'Frank Hutter' }],
      venue: { name: 'ICLR' },
      year: 2019,
    });
  });

  it('continues a title that goes on after its year: "Models(2017): A Tutorial, G. Neubig"', () => {
    expect(
      paper(
        '- Neural Machine Translation and Sequence-to-sequence Models(2017): A Tutorial, G. Neubig. [[pdf]](http://arxiv.org/pdf/1703.01619v1.pdf)',
      ).title,
    ).toBe('Neural Machine Translation and Sequence-to-sequence Models: A Tutorial');
  });
});

describe('the author recogniser', () => {
  it('reads "(2015), A. B et al." as an incomplete list with the names given', () => {
    const p = paper(
      '- **Distilling the knowledge in a neural network** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)',
    );
    expect(p.authors).toEqual([{ id: 'author:g-hinton', name: 'G. Hinton' }]);
    expect(p.authorsComplete).toBe(false);
    expect(p.year).toBe(2015);
  });

  it('reads "M. Zeiler and R. Fergus" and "Y. LeCun, Y. Bengio and G. Hinton" as complete lists in order', () => {
    expect(
      paper(
        '- **Visualizing and understanding convolutional networks** (2014), M. Zeiler and R. Fergus [[pdf]](http://arxiv.org/pdf/1311.2901)',
      ),
    ).toMatchObject({
      authors: [{ name: 'M. Zeiler' }, { name: 'R. Fergus' }],
      authorsComplete: true,
    });
    expect(
      paper(
        '- Deep learning (2015), Y. LeCun, Y. Bengio and G. Hinton [[pdf]](https://example.org/review.pdf)',
      ).authors.map((a) => a.name),
    ).toEqual(['Y. LeCun', 'Y. Bengio', 'G. Hinton']);
  });

  it('reads authors and year from the next, indented line "Authors; Year"', () => {
    const p = paper(
      '- [On the Variance of the Adaptive Learning Rate and Beyond](https://arxiv.org/abs/1908.03265) [:outbox_tray:]() [:computer:]()\n  Liyuan Liu, Haoming Jiang, Pengcheng He; 2019',
    );
    expect(p.authors.map((a) => a.name)).toEqual(['Liyuan Liu', 'Haoming Jiang', 'Pengcheng He']);
    expect(p).toMatchObject({ year: 2019, listedYear: 2019, authorsComplete: true });
  });

  it('reads italic authors, names after a sentence, and the author-year style', () => {
    expect(
      paper('* **Title Here**，*Tran Thi Phuong,  Le Trieu Phong*，IEEE Access，2019').authors.map(
        (a) => a.name,
      ),
    ).toEqual(['Tran Thi Phuong', 'Le Trieu Phong']);
    expect(
      paper(
        '- A Fast and Accurate Dependency Parser using Neural Networks. Chen and Manning. [[pdf]](http://cs.stanford.edu/people/danqi/papers/emnlp2014.pdf)',
      ),
    ).toMatchObject({
      title: 'A Fast and Accurate Dependency Parser using Neural Networks',
      authors: [{ name: 'Chen' }, { name: 'Manning' }],
    });
    expect(
      paper(
        '1. Reddi, S. J., Kale, S., & Kumar, S. (2018). On the convergence of Adam and beyond. In International Conference on Learning Representations.',
      ),
    ).toMatchObject({
      title: 'On the convergence of Adam and beyond',
      authors: [{ name: 'S. J. Reddi' }, { name: 'S. Kale' }, { name: 'S. Kumar' }],
      venue: { name: 'ICLR', kind: 'CONFERENCE' },
      year: 2018,
    });
  });

  it('spaces initials that a list ran together ("E.Denton")', () => {
    expect(
      paper(
        '- Deep generative image models (2015), E.Denton et al. [[pdf]](http://papers.nips.cc/paper/5773.pdf)',
      ).authors[0]?.name,
    ).toBe('E. Denton');
  });
});

describe('the venue and year recogniser', () => {
  it.each([
    ['In *ICML 2018*', 'ICML', 'CONFERENCE', 2018],
    ['In *NeurIPS 2017*/', 'NeurIPS', 'CONFERENCE', 2017],
    ['In *NIPS 2018*', 'NeurIPS', 'CONFERENCE', 2018],
    ['In *COLT 2016*', 'COLT', 'CONFERENCE', 2016],
    ["In *iclr-W'23*", 'ICLR Workshop', 'WORKSHOP', 2023],
    ["In *neurips'23*", 'NeurIPS', 'CONFERENCE', 2023],
    ['In *Proceedings of the 36th International Conference on Machine Learning*', 'ICML', 'CONFERENCE', null],
  ])('reads "%s"', (venue, name, kind, year) => {
    const p = paper(`- A Title About Optimization. ${venue}. [[pdf](https://example.org/a.pdf)]`);
    expect(p.venue).toMatchObject({ name, kind });
    expect(p.year).toBe(year);
  });

  it("reads a seed-style venue and the list's own year", () => {
    expect(
      paper(
        '* **A Simple Convergence Proof of Adam and Adagrad**，*Alexandre Défossez, Léon Bottou*，arXiv preprint arXiv:2003.02395，2020',
      ),
    ).toMatchObject({
      venue: { name: 'arXiv', kind: 'PREPRINT' },
      arxivId: '2003.02395',
      year: 2020,
      listedYear: 2020,
    });
    expect(paper('* **Towards practical Adam**，*Congliang Chen, Li Shen*，JMLR，2022')).toMatchObject({
      venue: { name: 'JMLR', kind: 'JOURNAL' },
      year: 2022,
    });
  });

  it('takes "[arxiv](https://arxiv.org/abs/…)" where a venue would be as a preprint', () => {
    expect(
      paper('- A Study of Preprints in Learning. [arxiv](https://arxiv.org/abs/2101.00001)'),
    ).toMatchObject({
      venue: { name: 'arXiv', kind: 'PREPRINT' },
      arxivId: '2101.00001',
      year: 2021,
    });
  });

  it('keeps a note in brackets apart from the venue ("(Best Paper)")', () => {
    expect(
      paper(
        '- Understanding Deep Learning Requires Rethinking Generalization. In *ICLR 2017* (Best Paper). [[pdf](https://arxiv.org/abs/1611.03530)]',
      ),
    ).toMatchObject({
      venue: { name: 'ICLR' },
      year: 2017,
      notes: ['Best Paper'],
    });
  });
});

describe('the link recogniser', () => {
  it('keeps every link with a label, drops empty ones, and reads ids from arXiv, DOI and OpenReview links', () => {
    const p = paper(
      '- **A Paper With Links** (2020), A. Author et al. [[pdf]](https://openreview.net/pdf?id=Bkg3g2R9FX) [code](https://github.com/a/b) [:computer:]() <https://doi.org/10.1145/3292500.3330701> [slides](https://example.org/talk-slides.pdf)',
    );
    expect(p.links).toEqual([
      { label: 'pdf', url: 'https://openreview.net/pdf?id=Bkg3g2R9FX' },
      { label: 'code', url: 'https://github.com/a/b' },
      { label: 'doi', url: 'https://doi.org/10.1145/3292500.3330701' },
      { label: 'slides', url: 'https://example.org/talk-slides.pdf' },
    ]);
    expect(p).toMatchObject({ openreviewId: 'Bkg3g2R9FX', doi: '10.1145/3292500.3330701', arxivId: null });
  });
});

describe('the optimizer recogniser', () => {
  it('takes the tags (***Adam***) and (Adam), and names in titles', () => {
    expect(
      paper(
        '* (***AMSGrad***) **On the Convergence of Adam and Beyond**, *Sashank J. Reddi*, ICLR 2018',
      ).optimizers.map((o) => `${o.name}:${o.via}`),
    ).toEqual(['AMSGrad:tag', 'Adam:title']);
    expect(
      paper('- (Lion) Symbolic Discovery of Optimization Algorithms. In *NeurIPS 2023*.').optimizers.map(
        (o) => o.name,
      ),
    ).toEqual(['Lion']);
  });
});

describe('what is not a paper', () => {
  it('skips table-of-contents bullets, prose bullets and label-only links without a warning', () => {
    for (const [item, why] of [
      ['- [Optimization](#optimization)', 'navigation'],
      ['* [New Papers](#new-papers) : Less than 6 months', 'navigation'],
      ['* Easy to use, clean, and tested codes', 'not a paper'],
      ['* (1) Convergence Analysis of GD, SGD and Momentum', 'not a paper'],
      ['- **2016** :  +60 citations or "More Papers from 2016"', 'not a paper'],
      ['- **< 6 months** : *New Papers* (by discussion)', 'not a paper'],
      ['* paper : [arXiv](https://arxiv.org/abs/2102.06171)', 'links without a title'],
    ] as const) {
      const r = read(item);
      expect(r.papers, item).toEqual([]);
      expect(r.warnings, item).toEqual([]);
      expect(r.skipped, item).toEqual({ [why]: 1 });
    }
  });

  it('warns, with the line, about an entry with a year and a paper link but no title', () => {
    const r = read('- (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)');
    expect(r.papers).toEqual([]);
    expect(r.warnings).toEqual([
      {
        line: 2,
        message:
          'looks like a paper entry (it has a paper link and a year) but no title could be read: "(2015), G. Hinton et al. [pdf]"',
      },
    ]);
  });
});
