import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { createApp } from '../../src/server/yoga.js';
import { TEST_KEY } from '../helpers/app.js';
import { post, serve } from '../helpers/http.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

// Every source is listable (issue "Every source listable"): a BibTeX file and an OpenAlex works
// file have no sections, yet `papers(filter: { listId })` and `PaperList.papers` list exactly the
// papers each states, through real HTTP, from a graph holding only what this file imports.
let db: Db;
let http: Awaited<ReturnType<typeof serve>>;
let startedAt: number;
const auth = { authorization: `Bearer ${TEST_KEY}` };
const fixture = (name: string) => readFileSync(`tests/fixtures/works/${name}`, 'utf8');
const gql = async (query: string, variables: Record<string, unknown> = {}, headers = {}) => {
  const { body } = await post(http.url, query, variables, headers);
  expect(body.errors).toBeUndefined();
  // biome-ignore lint/suspicious/noExplicitAny: answers are compared as plain JSON
  return body.data as any;
};

const IMPORT = `mutation ($content: String!, $source: String!, $format: ImportFormat) {
  importPapers(content: $content, source: $source, format: $format) {
    __typename ... on MutationImportPapersSuccess { data { list entriesRead } } ... on ValidationError { message }
  }
}`;

// A markdown list with two sections; it shares Adam with both files, and nothing else.
const MARKDOWN = `# Optimizers

## Adaptive

- **Adam: A Method for Stochastic Optimization**, *D. P. Kingma, J. Ba*, ICLR 2015. [arxiv](https://arxiv.org/abs/1412.6980)
- **Lookahead Optimizer: k steps forward, 1 step back**, *M. R. Zhang, J. Lucas, G. Hinton, J. Ba*, NeurIPS 2019.

## Momentum

- **On the importance of initialization and momentum in deep learning**, *I. Sutskever, J. Martens, G. Dahl, G. Hinton*, ICML 2013.
`;

/**
 * What each source states, newest first (the year, then the title, as the paper_newest key sorts).
 * Adam is one paper in all three sources; OpenAlex, imported last, gave it its arXiv year, 2014.
 */
const BIBTEX = [
  [2019, 'On the convergence of adam and beyond'],
  [2017, 'Accurate, large minibatch SGD: Training ImageNet in 1 hour'],
  [2016, 'An overview of gradient descent optimization algorithms'],
  [2015, 'Convex Optimization: Algorithms and Complexity'],
  [2014, 'Adam: A Method for Stochastic Optimization'],
  [2011, 'Adaptive Subgradient Methods for Online Learning and Stochastic Optimization'],
] as const;
const OPENALEX = [
  [2014, 'Adam: A Method for Stochastic Optimization'],
  [2011, 'Adaptive Subgradient Methods for Online Learning and Stochastic Optimization'],
] as const;
const asNodes = (rows: ReadonlyArray<readonly [number, string]>) =>
  rows.map(([year, title]) => ({ node: { year, title } }));

const LIST_ID = { bib: 'list:library', openalex: 'list:openalex-works', md: 'list:optimizers' };

const FILTERED = `query ($list: ID!, $section: String, $first: Int, $after: String) {
  papers(filter: { listId: $list, sectionCode: $section }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { year title } } } }`;
const OF_LIST = `query ($first: Int, $after: String, $order: PaperOrder) { lists { id
  papers(first: $first, after: $after, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { year title } } } } }`;

/** PaperList.papers of one list (the root `lists` is the way to a list). */
async function listPage(id: string, vars: Record<string, unknown>) {
  const d = await gql(OF_LIST, vars);
  return d.lists.find((l: { id: string }) => l.id === id).papers;
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: unknown[];
}

/** Every page of a connection, `first` at a time, following endCursor until hasNextPage is false. */
async function walk(page: (after: string | null) => Promise<Page>): Promise<unknown[]> {
  const edges: unknown[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const p = await page(after);
    edges.push(...p.edges);
    if (!p.pageInfo.hasNextPage) return edges;
    after = p.pageInfo.endCursor;
  }
  throw new Error('more than 20 pages');
}

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  http = await serve(createApp({ db, apiKeys: [TEST_KEY] }));
  startedAt = Date.now();
  for (const [content, source, format] of [
    [MARKDOWN, 'optimizers', 'MD'],
    [fixture('library.bib'), 'library', 'BIB'],
    [fixture('openalex-works.jsonl'), 'openalex-works', null],
  ] as const) {
    const r = await gql(IMPORT, { content, source, format }, auth);
    expect(r.importPapers.__typename, r.importPapers.message).toBe('MutationImportPapersSuccess');
  }
});
afterAll(async () => {
  await http?.close();
  await db?.close();
});

describe('every source is listable', () => {
  it('lists each source with its format, entry count and import time', async () => {
    const d = await gql('{ lists { id name format entryCount importedAt sections { title } } }');
    const now = Date.now();
    for (const l of d.lists) {
      expect(Date.parse(l.importedAt), l.id).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(l.importedAt), l.id).toBeLessThanOrEqual(now + 1000);
      expect(l.importedAt, l.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(d.lists.map(({ importedAt: _, ...l }: { importedAt: string }) => l)).toEqual([
      { id: LIST_ID.bib, name: 'library', format: 'bib', entryCount: 6, sections: [] },
      { id: LIST_ID.openalex, name: 'openalex-works', format: 'openalex', entryCount: 2, sections: [] },
      {
        id: LIST_ID.md,
        name: 'optimizers',
        format: 'md',
        entryCount: 3,
        sections: [{ title: 'Adaptive' }, { title: 'Momentum' }],
      },
    ]);
  });

  it('filters papers by a BibTeX or OpenAlex source: exactly its papers, newest first', async () => {
    for (const [list, expected] of [
      [LIST_ID.bib, BIBTEX],
      [LIST_ID.openalex, OPENALEX],
    ] as const) {
      const d = await gql(FILTERED, { list, first: 20 });
      expect(d.papers, list).toEqual({
        totalCount: expected.length,
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        edges: asNodes(expected),
      });
    }
  });

  it('pages PaperList.papers like the root connection: the same papers, newest first, with totalCount', async () => {
    for (const [list, expected] of [
      [LIST_ID.bib, BIBTEX],
      [LIST_ID.openalex, OPENALEX],
    ] as const) {
      const page = await listPage(list, { first: 20 });
      expect(page, list).toEqual({
        totalCount: expected.length,
        pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
        edges: asNodes(expected),
      });
    }
  });

  it('walks both connections page by page with first and after, to the same papers', async () => {
    for (const [list, expected, first] of [
      [LIST_ID.bib, BIBTEX, 4],
      [LIST_ID.bib, BIBTEX, 2],
      [LIST_ID.openalex, OPENALEX, 1],
    ] as const) {
      const filtered = await walk(async (after) => (await gql(FILTERED, { list, first, after })).papers);
      const ofList = await walk((after) => listPage(list, { first, after }));
      expect(filtered, `${list} by ${first}`).toEqual(asNodes(expected));
      expect(ofList, `${list} by ${first}`).toEqual(asNodes(expected));
    }
    const second = await listPage(LIST_ID.bib, {
      first: 2,
      after: (await listPage(LIST_ID.bib, { first: 2 })).pageInfo.endCursor,
    });
    expect(second).toMatchObject({
      totalCount: 6,
      pageInfo: { hasNextPage: true },
      edges: asNodes(BIBTEX.slice(2, 4)),
    });
  });

  it('orders PaperList.papers as the root papers connection does (orderBy)', async () => {
    const byTitle = await listPage(LIST_ID.bib, { first: 20, order: 'TITLE_ASC' });
    const root = await gql(
      `{ papers(first: 20, orderBy: TITLE_ASC, filter: { listId: "${LIST_ID.bib}" }) { edges { node { year title } } } }`,
    );
    const titles = byTitle.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles).toEqual(BIBTEX.map(([, t]) => t).sort());
    expect(byTitle.edges).toEqual(root.papers.edges);
  });

  it('keeps sectionCode with listId meaning that section of that list, and listId alone every section', async () => {
    const { lists } = await gql('{ lists { id sections { code title } } }');
    const sections = lists.find((l: { id: string }) => l.id === LIST_ID.md).sections;
    const momentum = sections.find((x: { title: string }) => x.title === 'Momentum').code;
    const all = await gql(FILTERED, { list: LIST_ID.md, first: 20 });
    expect(all.papers.edges).toEqual([
      { node: { year: 2019, title: 'Lookahead Optimizer: k steps forward, 1 step back' } },
      { node: { year: 2014, title: 'Adam: A Method for Stochastic Optimization' } },
      { node: { year: 2013, title: 'On the importance of initialization and momentum in deep learning' } },
    ]);
    const one = await gql(FILTERED, { list: LIST_ID.md, section: momentum, first: 20 });
    expect(one.papers).toMatchObject({
      totalCount: 1,
      edges: [{ node: { title: 'On the importance of initialization and momentum in deep learning' } }],
    });
    // A file has no sections: a section code narrows it to nothing rather than being ignored.
    const none = await gql(FILTERED, { list: LIST_ID.bib, section: momentum, first: 20 });
    expect(none.papers.totalCount).toBe(0);
  });

  it('reads every list with its entry count and first papers in one query per level', async () => {
    const before = db.queryCount;
    const d = await gql(
      '{ lists { id entryCount papers(first: 2) { totalCount edges { node { title authors { name } } } } } }',
    );
    // lists, then one batch each for the entry counts, the pages and the pages' authors.
    expect(db.queryCount - before).toBe(4);
    expect(
      d.lists.map(
        (l: { id: string; entryCount: number; papers: { totalCount: number; edges: unknown[] } }) => [
          l.id,
          l.entryCount,
          l.papers.totalCount,
          l.papers.edges.length,
        ],
      ),
    ).toEqual([
      [LIST_ID.bib, 6, 6, 2],
      [LIST_ID.openalex, 2, 2, 2],
      [LIST_ID.md, 3, 3, 2],
    ]);
    expect(d.lists[0].papers.edges[0].node.authors.map((a: { name: string }) => a.name)).toEqual([
      'Sashank J Reddi',
      'Satyen Kale',
      'Sanjiv Kumar',
    ]);
  });

  it('reads a source and its papers within a paper in the one query of the look-ahead', async () => {
    const before = db.queryCount;
    const d =
      await gql(`{ paper(id: "paper:adaptive-subgradient-methods-for-online-learning-and-stochastic-optimization") {
      sources { name papers(first: 1, orderBy: TITLE_DESC) { totalCount edges { node { title } } } } } }`);
    expect(db.queryCount - before).toBe(1);
    expect(d.paper.sources).toEqual([
      {
        name: 'library',
        papers: { totalCount: 6, edges: [{ node: { title: 'On the convergence of adam and beyond' } }] },
      },
      {
        name: 'openalex-works',
        papers: {
          totalCount: 2,
          edges: [
            {
              node: { title: 'Adaptive Subgradient Methods for Online Learning and Stochastic Optimization' },
            },
          ],
        },
      },
    ]);
  });

  it('refuses a page larger than the page-size limit, as every connection does', async () => {
    const { body } = await post(http.url, OF_LIST, { first: 101 });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body.errors)).toContain('first');
  });
});
