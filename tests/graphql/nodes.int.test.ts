import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApp, seededApp } from '../helpers/app.js';

let s: SeededApp;
beforeAll(async () => {
  s = await seededApp();
});
afterAll(async () => {
  await s.db.close();
});

describe('nodes, ids and lookups', () => {
  it('resolves node and nodes by global id, null for an unknown id, in order', async () => {
    const r = await s.gql(`{
      node(id: "author:philipp-hennig") { __typename id ... on Author { name } }
      missing: node(id: "paper:no-such-paper") { id }
      garbage: node(id: "not an id at all") { id }
      nodes(ids: ["venue:icml", "topic:convergence", "optimizer:adam", "paper:nope"]) { __typename id }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      node: { __typename: 'Author', id: 'author:philipp-hennig', name: 'Philipp Hennig' },
      missing: null,
      garbage: null,
      nodes: [
        { __typename: 'Venue', id: 'venue:icml' },
        { __typename: 'Topic', id: 'topic:convergence' },
        { __typename: 'Optimizer', id: 'optimizer:adam' },
        null,
      ],
    });
  });

  it('answers Relay-style fragments on Node the same as plain fields, through every root that looks ahead', async () => {
    const relay =
      '... on Node { id ... on Paper { title venue { ... on Node { id } name } authors { ...A } } }';
    const plain = 'id title venue { id name } authors { id name }';
    const fragment = 'fragment A on Node { id ... on Author { name } }';
    for (const [root, wrap] of [
      ['papers(first: 3, orderBy: TITLE_ASC)', (s: string) => `edges { node { ${s} } }`],
      ['paper(id: "paper:a-simple-convergence-proof-of-adam-and-adagrad")', (s: string) => s],
      ['author(id: "author:philipp-hennig")', (s: string) => `papers(first: 5) { edges { node { ${s} } } }`],
      ['venue(id: "venue:icml")', (s: string) => `papers(first: 5) { edges { node { ${s} } } }`],
    ] as const) {
      const a = await s.gql(`{ x: ${root} { ${wrap(relay)} } } ${fragment}`);
      const b = await s.gql(`{ x: ${root} { ${wrap(plain)} } }`);
      expect(a.errors, root).toBeUndefined();
      expect(a.data, root).toEqual(b.data);
      expect(JSON.stringify(a.data), root).toContain('"title"');
    }
  });

  it('returns null for unknown ids on the typed lookups', async () => {
    const r = await s.gql(
      '{ paper(id: "paper:x") { id } author(id: "x") { id } venue(id: "y") { id } topic(id: "z") { id } }',
    );
    expect(r).toEqual({ status: 200, data: { paper: null, author: null, venue: null, topic: null } });
  });

  it('nests sections under their parents, with bilingual descriptions and topics', async () => {
    const r = await s.gql(`{
      lists { name sections { code } }
      section(code: "A") { code title parent { code } children { code title topics { name } papers { totalCount } } descriptionEn descriptionZh }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.lists).toEqual([
      { name: 'optimizer-papers-analysis', sections: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] },
      { name: 'optimizer-papers-optimizers', sections: [{ code: '1' }] },
    ]);
    const a = r.data.section;
    expect(a.code).toBe('A');
    expect(a.parent).toBeNull();
    expect(a.descriptionEn).toMatch(/converge/);
    expect(a.descriptionZh).toMatch(/收敛/);
    expect(a.children).toEqual([
      {
        code: 'A.1',
        title: 'Convergence analysis of GD, SGD and Momentum',
        topics: [{ name: 'Convergence analysis' }, { name: 'GD, SGD & Momentum' }],
        papers: { totalCount: 0 },
      },
      {
        code: 'A.2',
        title: 'Convergence analysis of Adaptive Gradient Methods',
        topics: [{ name: 'Convergence analysis' }, { name: 'Adaptive gradient methods' }],
        papers: { totalCount: 5 },
      },
    ]);
  });

  it('pages through papers with cursors and a total', async () => {
    const first = await s.gql(
      '{ papers(first: 6, orderBy: TITLE_ASC) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }',
    );
    expect(first.data.papers.totalCount).toBe(16);
    expect(first.data.papers.pageInfo.hasNextPage).toBe(true);
    const rest = await s.gql(
      'query ($after: String) { papers(first: 100, after: $after, orderBy: TITLE_ASC) { pageInfo { hasNextPage } edges { node { title } } } }',
      {
        after: first.data.papers.pageInfo.endCursor,
      },
    );
    const titles = [...first.data.papers.edges, ...rest.data.papers.edges].map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(titles).toHaveLength(16);
    expect(titles).toEqual([...titles].sort());
    expect(rest.data.papers.pageInfo.hasNextPage).toBe(false);
  });

  it('filters papers by venue kind, optimizer, section and years', async () => {
    const r = await s.gql(`{
      journals: papers(filter: { venueKind: JOURNAL }, orderBy: TITLE_ASC) { edges { node { title } } }
      adamw: papers(filter: { optimizer: "adamw" }) { edges { node { title } } }
      b2: papers(filter: { sectionCode: "B.2" }) { totalCount }
      early: papers(filter: { yearFrom: 2015, yearTo: 2017 }) { totalCount }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.journals.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'On the convergence proof of AMSGrad and a new version',
      'Towards practical Adam: Non-convexity, convergence theory, and mini-batch acceleration',
    ]);
    expect(r.data.adamw.edges).toEqual([{ node: { title: 'Decoupled Weight Decay Regularization' } }]);
    expect(r.data.b2.totalCount).toBe(1);
    expect(r.data.early.totalCount).toBe(2);
  });

  it('gives a paper its links, BibTeX and an author their venues and topics', async () => {
    const r = await s.gql(`{
      paper(id: "paper:on-the-convergence-proof-of-amsgrad-and-a-new-version") {
        links { label url kind } bibtex
        authors { name venues { name } topics { name } papers { totalCount } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.paper.links).toEqual([
      {
        label: 'IEEE PDF',
        url: 'https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8713445',
        kind: 'PDF',
      },
      { label: 'Newest Version PDF', url: 'https://arxiv.org/pdf/1904.03590.pdf', kind: 'PDF' },
    ]);
    expect(r.data.paper.bibtex).toBe(
      [
        '@article{phuong2019convergence,',
        '  title = {{On the convergence proof of AMSGrad and a new version}},',
        '  author = {Tran Thi Phuong and Le Trieu Phong},',
        '  journal = {IEEE Access},',
        '  year = {2019},',
        '  eprint = {1904.03590},',
        '  archivePrefix = {arXiv},',
        '  url = {https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8713445}',
        '}',
      ].join('\n'),
    );
    expect(r.data.paper.authors[0]).toEqual({
      name: 'Tran Thi Phuong',
      venues: [{ name: 'IEEE Access' }],
      // The stated topics of the author's paper (inferred ones may join them).
      topics: expect.arrayContaining([
        { name: 'Convergence analysis' },
        { name: 'Adaptive gradient methods' },
      ]),
      papers: { totalCount: 1 },
    });
  });

  it('draws a bounded neighbourhood with edges between the nodes it returns', async () => {
    const r = await s.gql(`{
      graph(focus: ["author:philipp-hennig"], depth: 2, limit: 50) { truncated nodes { id type label } edges { source target type } }
    }`);
    expect(r.errors).toBeUndefined();
    const g = r.data.graph;
    const ids = new Set(g.nodes.map((n: { id: string }) => n.id));
    expect(ids.has('author:philipp-hennig')).toBe(true);
    expect(ids.has('author:lukas-balles')).toBe(true);
    expect(ids.has('author:frank-schneider')).toBe(true);
    for (const e of g.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    }
    expect(g.edges).toContainEqual({
      source: 'author:lukas-balles',
      target: 'paper:dissecting-adam-the-sign-magnitude-and-variance-of-stochastic-gradients',
      type: 'AUTHORED',
    });
    const small = await s.gql('{ graph(limit: 10) { truncated nodes { id } } }');
    expect(small.data.graph.nodes).toHaveLength(10);
    expect(small.data.graph.truncated).toBe(true);
  });

  it('counts nodes and relationships', async () => {
    const r = await s.gql('{ stats { nodes { name count } } }');
    expect(r.data.stats.nodes).toEqual([
      { name: 'Paper', count: 16 },
      { name: 'Author', count: 54 },
      { name: 'Venue', count: 7 },
      // Every topic of the taxonomy: inference may name any of them.
      { name: 'Topic', count: 7 },
      { name: 'Section', count: 8 },
      { name: 'Optimizer', count: 9 },
      { name: 'List', count: 2 },
    ]);
  });

  it('rejects out-of-range arguments with BAD_USER_INPUT and the argument name', async () => {
    const r = await s.gql('{ relatedWork(paperId: "paper:x", first: 500) { score } }');
    expect(r.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 50; got 500.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const path = await s.gql(
      '{ collaborationPath(fromAuthorId: "a", toAuthorId: "b", maxLength: 9) { length } }',
    );
    expect(path.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxLength' });
    const amb = await s.gql('{ section(code: "Z.9") { id } }');
    expect(amb.data.section).toBeNull();
  });
});
