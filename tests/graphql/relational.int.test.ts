import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApp, seededApp } from '../helpers/app.js';

let s: SeededApp;
beforeAll(async () => {
  s = await seededApp();
});
afterAll(async () => {
  await s.db.close();
});

describe('the relational questions on the seed graph', () => {
  it('returns the authors of "A Simple Convergence Proof of Adam and Adagrad" in order, with venue and arXiv id', async () => {
    const r = await s.gql(`{
      papers(filter: { titleContains: "A Simple Convergence Proof" }) {
        totalCount
        edges { node { title arxivId year venue { name kind } authors { name } } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.papers).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            title: 'A Simple Convergence Proof of Adam and Adagrad',
            arxivId: '2003.02395',
            year: 2020,
            venue: { name: 'arXiv', kind: 'PREPRINT' },
            authors: [
              { name: 'Alexandre Défossez' },
              { name: 'Léon Bottou' },
              { name: 'Francis Bach' },
              { name: 'Nicolas Usunier' },
            ],
          },
        },
      ],
    });
  });

  // minConfidence 1: the overlap the lists state (inferred topics are checked against counts in derived.int.test.ts).
  it('finds the paper at the overlap of adaptive methods and learning dynamics', async () => {
    const topics = await s.gql('{ topics { id name facet paperCount } }');
    const id = (name: string) => topics.data.topics.find((t: { name: string }) => t.name.startsWith(name)).id;
    const r = await s.gql(
      'query ($ids: [ID!]!) { topicOverlap(topicIds: $ids, minConfidence: 1) { paperCount unionCount jaccard papers { title } topics { name } } }',
      { ids: [id('Adaptive gradient methods'), id('Learning dynamics')] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.topicOverlap).toEqual({
      paperCount: 1,
      unionCount: 6,
      jaccard: 1 / 6,
      papers: [
        {
          title: 'Towards Theoretically Understanding Why SGD Generalizes Better Than ADAM in Deep Learning',
        },
      ],
      topics: [{ name: 'Adaptive gradient methods' }, { name: 'Learning dynamics & loss landscape' }],
    });
  });

  it('ranks related work for an A.2 paper across sections and explains the ranking', async () => {
    const r = await s.gql(`{
      relatedWork(paperId: "paper:a-simple-convergence-proof-of-adam-and-adagrad", first: 5, crossSectionOnly: true) {
        score crossSection reasons paper { title sections { code } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const hits = r.data.relatedWork;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.crossSection).toBe(true);
      expect(h.paper.sections.map((x: { code: string }) => x.code)).not.toContain('A.2');
      expect(h.reasons.length).toBeGreaterThan(0);
    }
    const scores = hits.map((h: { score: number }) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The B.2 paper shares the adaptive topic and Adam with it: each a reason with its number,
    // damped by how many papers share it (1/ln(e + papers)); the score is their sum.
    const b2 = hits.find((h: { paper: { title: string } }) =>
      h.paper.title.startsWith('Towards Theoretically'),
    );
    expect(b2.paper.sections).toEqual([{ code: 'B.2' }]);
    const named = b2.reasons.map((x: string) => x.replace(/ \(\+[\d.]+\)$/, ''));
    expect(named).toEqual(
      expect.arrayContaining(['both discuss Adam', 'shared topic: Adaptive gradient methods']),
    );
    expect(b2.reasons.at(-1)).toBe('in another section: B.2 Learning Dynmaics of Adaptive Methods');
    const sum = b2.reasons.reduce(
      (t: number, x: string) => t + Number(/\(\+([\d.]+)\)$/.exec(x)?.[1] ?? 0),
      0,
    );
    expect(sum).toBeCloseTo(b2.score, 1);
    expect(hits[0].score).toBeGreaterThanOrEqual(b2.score);
  });

  it('gives Philipp Hennig his co-authors, strongest first', async () => {
    const r = await s.gql(
      '{ coAuthors(authorId: "author:philipp-hennig") { author { name } sharedPapers papers { title } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.coAuthors).toEqual([
      {
        author: { name: 'Frank Schneider' },
        sharedPapers: 1,
        papers: [{ title: 'Descending through a Crowded Valley — Benchmarking Deep Learning Optimizers' }],
      },
      {
        author: { name: 'Lukas Balles' },
        sharedPapers: 1,
        papers: [{ title: 'Dissecting Adam: The Sign, Magnitude and Variance of Stochastic Gradients' }],
      },
      {
        author: { name: 'Robin M. Schmidt' },
        sharedPapers: 1,
        papers: [{ title: 'Descending through a Crowded Valley — Benchmarking Deep Learning Optimizers' }],
      },
    ]);
  });

  it('connects Lukas Balles to Frank Schneider through Philipp Hennig', async () => {
    const r = await s.gql(`{
      collaborationPath(fromAuthorId: "author:lukas-balles", toAuthorId: "author:frank-schneider") {
        length authors { name } links { from { name } to { name } papers { title } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.collaborationPath).toEqual({
      length: 2,
      authors: [{ name: 'Lukas Balles' }, { name: 'Philipp Hennig' }, { name: 'Frank Schneider' }],
      links: [
        {
          from: { name: 'Lukas Balles' },
          to: { name: 'Philipp Hennig' },
          papers: [{ title: 'Dissecting Adam: The Sign, Magnitude and Variance of Stochastic Gradients' }],
        },
        {
          from: { name: 'Philipp Hennig' },
          to: { name: 'Frank Schneider' },
          papers: [{ title: 'Descending through a Crowded Valley — Benchmarking Deep Learning Optimizers' }],
        },
      ],
    });
  });

  it('returns null when no path is within maxLength', async () => {
    const r = await s.gql(
      '{ collaborationPath(fromAuthorId: "author:lukas-balles", toAuthorId: "author:diederik-p-kingma", maxLength: 6) { length } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.collaborationPath).toBeNull();
  });

  it('finds papers and authors by full-text search', async () => {
    const r = await s.gql(
      '{ search(query: "adagrad") { score node { __typename id ... on Paper { title } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.search.map((h: { node: { title: string } }) => h.node.title)).toEqual([
      'A Simple Convergence Proof of Adam and Adagrad',
    ]);
    const people = await s.gql('{ search(query: "henn") { node { __typename ... on Author { name } } } }');
    expect(people.data.search).toEqual([{ node: { __typename: 'Author', name: 'Philipp Hennig' } }]);
  });
});
