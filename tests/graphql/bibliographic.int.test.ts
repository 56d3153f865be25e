import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/yoga.js';
import { type SeededApp, seededApp, TEST_KEY } from '../helpers/app.js';
import { post, serve } from '../helpers/http.js';

// The bibliographic sources through real HTTP: importPapers, then the identifiers, abstracts,
// sources and citations they brought, the new filters and search over abstracts.
let s: SeededApp;
let http: Awaited<ReturnType<typeof serve>>;
const auth = { authorization: `Bearer ${TEST_KEY}` };
const fixture = (name: string) => readFileSync(`tests/fixtures/works/${name}`, 'utf8');
const gql = async (
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => {
  const { body } = await post(http.url, query, variables, headers);
  expect(body.errors).toBeUndefined();
  // biome-ignore lint/suspicious/noExplicitAny: answers are compared as plain JSON
  return body.data as any;
};

const IMPORT = `mutation ($content: String!, $source: String!, $format: ImportFormat) {
  importPapers(content: $content, source: $source, format: $format) {
    __typename
    ... on MutationImportPapersSuccess { data { list papersCreated papersUpdated entriesRead warnings { line message } } }
    ... on ValidationError { message field }
  }
}`;

beforeAll(async () => {
  s = await seededApp();
  http = await serve(createApp({ db: s.db, apiKeys: [TEST_KEY] }));
});
afterAll(async () => {
  await http.close();
  await s.db.close();
});

describe('bibliographic sources through the API', () => {
  it('imports OpenAlex and BibTeX with the format detected, and answers the new fields', async () => {
    const page = await gql(IMPORT, { content: fixture('openalex-page.json'), source: 'openalex-page' }, auth);
    // The seed lists Adam (same arXiv id): it is updated; AdaGrad is new.
    expect(page.importPapers.data).toMatchObject({
      list: 'openalex-page',
      papersCreated: 1,
      papersUpdated: 1,
    });
    const work = await gql(IMPORT, { content: fixture('openalex-work.json'), source: 'openalex-work' }, auth);
    expect(work.importPapers.data.papersCreated).toBe(1);
    const bib = await gql(
      IMPORT,
      { content: fixture('library.bib'), source: 'library', format: 'BIB' },
      auth,
    );
    // Six entries with a title: Adam and AdaGrad are known (arXiv id; title and year), others may be in the seed.
    const { papersCreated, papersUpdated } = bib.importPapers.data;
    expect(papersCreated + papersUpdated).toBe(6);
    expect(papersUpdated).toBeGreaterThanOrEqual(2);
    expect(bib.importPapers.data.warnings.map((w: { line: number }) => w.line)).toEqual([76, 81]);

    const oa = await gql(`{ papers(first: 5, filter: { titleContains: "state of OA" }) { edges { node {
        id doi openAlexId otherIds abstract globalCitationCount keywords
        authors { name orcid openAlexId } sources { name format }
        references(first: 5) { totalCount edges { node { title arxivId } } } } } } }`);
    const p = oa.papers.edges[0].node;
    expect(p).toMatchObject({
      doi: '10.7717/peerj.4375',
      openAlexId: 'W2741809807',
      otherIds: ['mag:2741809807', 'pmid:29456894', 'pmcid:5815332'],
      abstract: fixture('openalex-abstract.txt'),
      globalCitationCount: 1023,
      sources: [{ name: 'openalex-work', format: 'openalex' }],
    });
    expect(p.authors[0]).toEqual({
      name: 'Heather Piwowar',
      orcid: '0000-0003-1613-5981',
      openAlexId: 'A5048491430',
    });
    expect(p.references).toEqual({
      totalCount: 1,
      edges: [{ node: { title: 'Adam: A Method for Stochastic Optimization', arxivId: '1412.6980' } }],
    });
  });

  it('pages citedBy with totalCount, and filters by cites, citedBy and hasDoi', async () => {
    const adam = await gql(`{ papers(first: 1, filter: { titleContains: "Adam: A Method" }) { edges { node {
        id sources { name } citedBy(first: 10) { totalCount edges { node { openAlexId } } } } } } }`);
    const node = adam.papers.edges[0].node;
    expect(node.citedBy).toEqual({ totalCount: 1, edges: [{ node: { openAlexId: 'W2741809807' } }] });
    expect(node.sources.map((x: { name: string }) => x.name)).toEqual([
      'library',
      'openalex-page',
      'optimizer-papers-optimizers',
    ]);
    const citing = await gql('query ($id: ID!) { papers(filter: { cites: $id }) { totalCount } }', {
      id: node.id,
    });
    expect(citing.papers.totalCount).toBe(1);
    const cited = await gql(
      'query ($id: ID!) { papers(filter: { citedBy: $id }) { edges { node { openAlexId } } } }',
      {
        id: node.id,
      },
    );
    expect(cited.papers.edges).toEqual([{ node: { openAlexId: 'W2146502635' } }]);
    const withDoi = await gql('{ papers(filter: { hasDoi: true }) { totalCount } }');
    const [row] = await s.db.read('MATCH (p:Paper) WHERE p.doi IS NOT NULL RETURN count(p) AS n');
    expect(withDoi.papers.totalCount).toBe(row?.n);
    expect(withDoi.papers.totalCount).toBeGreaterThanOrEqual(4);
  });

  it('ranks co-cited papers by how many papers cite both, strongest first', async () => {
    // X and Y cite A and B; Y also cites C: B is co-cited with A twice, C once.
    const work = (n: string, refs: string[]) => ({
      id: `https://openalex.org/W90${n}`,
      title: `Co-citation work ${n}`,
      publication_year: 2020,
      referenced_works: refs.map((r) => `https://openalex.org/W90${r}`),
    });
    const works = [
      work('1', []),
      work('2', []),
      work('3', []),
      work('4', ['1', '2']),
      work('5', ['1', '2', '3']),
    ];
    await gql(IMPORT, { content: JSON.stringify(works), source: 'co-citation', format: 'OPENALEX' }, auth);
    const r = await gql(
      'query ($id: ID!) { paper(id: $id) { coCited(first: 5) { count paper { title } } } }',
      { id: 'paper:co-citation-work-1' },
    );
    expect(r.paper.coCited).toEqual([
      { count: 2, paper: { title: 'Co-citation work 2' } },
      { count: 1, paper: { title: 'Co-citation work 3' } },
    ]);
    const big = await post(
      http.url,
      '{ paper(id: "paper:co-citation-work-1") { coCited(first: 51) { count } } }',
    );
    expect(JSON.stringify(big.body.errors)).toContain('first');
  });

  it('searches abstracts', async () => {
    const r = await gql(
      '{ search(query: "unmet reliable information", first: 3) { node { ... on Paper { openAlexId } } } }',
    );
    expect(r.search[0].node).toEqual({ openAlexId: 'W2741809807' });
  });

  it('refuses an import without a key, and explains a file with nothing to import', async () => {
    const { body } = await post(http.url, IMPORT, { content: fixture('library.bib'), source: 'x' });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const empty = await gql(IMPORT, { content: '[{"type": "webpage"}]', source: 'x', format: 'CSL' }, auth);
    expect(empty.importPapers).toMatchObject({ __typename: 'ValidationError', field: 'content' });
    expect(empty.importPapers.message).toMatch(/No CSL-JSON record with a title/);
  });
});
