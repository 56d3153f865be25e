import { describe, expect, it } from 'vitest';
import {
  AUTHOR_SOURCES,
  bestAuthors,
  bestYear,
  noCandidates,
  proposeAuthors,
  proposeYear,
} from '../../src/ingest/candidates.js';
import { parseList } from '../../src/ingest/parse-list.js';

describe('the one resolve step for an entry’s authors and year', () => {
  it('takes the source with the highest precedence, whatever the order they were found in', () => {
    const c = noCandidates();
    proposeAuthors(c, { names: ['Some Run'], complete: true }, 'names-run');
    proposeAuthors(c, { names: ['A. Label'], complete: true }, 'label');
    proposeAuthors(c, { names: ['Next Line'], complete: true }, 'next-line');
    expect(bestAuthors(c)?.value.names).toEqual(['A. Label']);
    proposeYear(c, 2018, 'parent');
    proposeYear(c, 2015, 'paren');
    proposeYear(c, 2016, 'paren');
    expect(bestYear(c)).toBe(2015);
  });

  it('proposes nothing for an empty reading, and names before the title outrank all', () => {
    const c = noCandidates();
    proposeAuthors(c, { names: [], complete: true }, 'italic');
    proposeYear(c, null, 'label');
    expect(bestAuthors(c)).toBeNull();
    expect(bestYear(c)).toBeNull();
    expect(AUTHOR_SOURCES[0]).toBe('before-title');
  });

  it('reads a labelled Authors line over a run of names on the first line', () => {
    const r = parseList(
      ['- **A Paper Title Here**, Some Person, 2019', '  - Authors: Ann Author, Bob Builder'].join('\n'),
    );
    expect(r.papers[0]?.authors.map((a) => a.name)).toEqual(['Ann Author', 'Bob Builder']);
  });

  it('takes a year stated by the entry over the year of the heading above it', () => {
    const r = parseList(['## 2019', '', '- **A Paper Title Here** (2017), A. Author'].join('\n'));
    expect(r.papers[0]?.year).toBe(2017);
  });
});

describe('a list of bare titles', () => {
  it('reads each title as a paper when the list is made of titles', () => {
    const md = [
      '- Reverse Diffusion Monte Carlo Methods',
      '- Flow Matching for Posterior Inference with Simulator Feedback',
      '- Markovian Flow Matching: Accelerating MCMC with Continuous Normalizing Flows',
      '- Improved sampling via learned diffusions',
      '- Particle Dynamics for Learning EBMs',
    ].join('\n');
    expect(parseList(md).papers.map((p) => p.title)).toHaveLength(5);
  });

  it('leaves a list of topics or of prose alone', () => {
    const topics = [
      '- Computer Vision',
      '- Natural Language Processing',
      '- Reinforcement Learning',
      '- Graph Networks',
      '- Optimization',
    ];
    const prose = [
      '- Various views, not only on intelligence, but also philosophical questions.',
      '- Symbolic is good for abstract reasoning and for the rest of it.',
      '- The hard problem of learning: learning a program is hard.',
      '- Instancewise feature selection as a methodology for model interpretation',
      '- Develop an efficient variational approximation to the mutual information',
    ];
    expect(parseList(topics.join('\n')).papers).toEqual([]);
    expect(parseList(prose.join('\n')).papers).toEqual([]);
  });
});
