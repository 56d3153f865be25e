import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { importDocument, importList } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { type App, createApp } from '../../src/server/yoga.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

let db: Db;
let app: App;

/** A list of n papers, each by three authors drawn from a pool, so co-authorships overlap. */
function syntheticList(n: number): string {
  const lines = ['## A. Synthetic', ''];
  for (let i = 0; i < n; i++) {
    const authors = [i % 17, (i * 7) % 23, (i * 11) % 29].map(
      (k, j) => `Author ${String.fromCharCode(65 + j)}${k}`,
    );
    lines.push(
      `* **Synthetic paper number ${i} on Adam**，*${authors.join(', ')}*，ICLR ${2010 + (i % 15)}，${2010 + (i % 15)}`,
    );
  }
  return lines.join('\n');
}

/** OpenAlex works where work i cites works i-1 and i-2, so each has references and citations. */
function citingWorks(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `https://openalex.org/W${9000 + i}`,
    title: `Citing work number ${i}`,
    publication_year: 2000 + (i % 20),
    authorships: [{ author: { display_name: `Writer ${i % 7}` } }],
    referenced_works: [i - 1, i - 2].filter((k) => k >= 0).map((k) => `https://openalex.org/W${9000 + k}`),
  }));
}

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  await importList(db, syntheticList(120), loadTaxonomy(), { source: 'synthetic' });
  await importDocument(db, JSON.stringify(citingWorks(60)), loadTaxonomy(), {
    source: 'works',
    format: 'openalex',
  });
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
});

/** Runs a query and returns its data and how many Cypher round trips it took. */
async function run(query: string) {
  const before = db.queryCount;
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return { data: body.data, trips: db.queryCount - before };
}
const roundTrips = async (query: string) => (await run(query)).trips;

const selection =
  'title venue { name } topics { name } authors { name coAuthors(first: 5) { author { name } sharedPapers } }';
const pageQuery = (first: number) =>
  `{ papers(first: ${first}) { totalCount edges { node { ${selection} } } } }`;

describe('look-ahead and batching', () => {
  it('reads a page of 50 papers with venue, topics, authors and their co-authors in one query', async () => {
    expect(await roundTrips(pageQuery(50))).toBe(1);
  });

  it('reads a page of 50 papers with their references, citedBy and sources in one query', async () => {
    const q = `{ papers(first: 50, filter: { titleContains: "Citing work" }) { totalCount edges { node {
        title references(first: 5) { totalCount edges { node { title } } }
        citedBy(first: 5) { totalCount edges { node { title } } } sources { name format } } } } }`;
    const page = await run(q);
    expect(page.trips).toBe(1);
    expect(page.data.papers.totalCount).toBe(60);
    const byTitle = new Map(
      page.data.papers.edges.map((e: { node: { title: string } }) => [e.node.title, e.node] as const),
    );
    const w10 = byTitle.get('Citing work number 10') as {
      references: { totalCount: number; edges: Array<{ node: { title: string } }> };
      citedBy: { totalCount: number };
      sources: unknown[];
    };
    expect(w10.references.totalCount).toBe(2);
    expect(w10.references.edges.map((e) => e.node.title).sort()).toEqual([
      'Citing work number 8',
      'Citing work number 9',
    ]);
    expect(w10.citedBy.totalCount).toBe(2);
    expect(w10.sources).toEqual([{ name: 'works', format: 'openalex' }]);
  });

  it("reads a paper's references, citing papers and co-cited papers in one query, as the loaders answer them", async () => {
    const sel = `title references(first: 20) { totalCount edges { node { id title year } } }
      citedBy(first: 20) { totalCount edges { node { id title year } } }
      coCited(first: 10) { count paper { id title year authors { name } } }`;
    const id = (
      await run(
        '{ papers(first: 1, filter: { titleContains: "Citing work number 30" }) { edges { node { id } } } }',
      )
    ).data.papers.edges[0].node.id;
    const folded = await run(`{ paper(id: "${id}") { ${sel} } }`);
    expect(folded.trips).toBe(1);
    // Work 30 is cited by 31 and 32; 31 also cites 29, 32 also cites 31 and 30's own references
    // are 28 and 29: co-cited with 30 are 29 (by 31) and 31 (by 32).
    const coCited = folded.data.paper.coCited as Array<{ count: number; paper: { title: string } }>;
    expect(coCited.map((c) => [c.paper.title, c.count]).sort()).toEqual([
      ['Citing work number 29', 1],
      ['Citing work number 31', 1],
    ]);
    // nodes(ids) has no look-ahead: coCited then goes through its batched loader.
    const byLoaders = await run(`{ nodes(ids: ["${id}"]) { ... on Paper { ${sel} } } }`);
    expect(byLoaders.trips).toBeGreaterThan(1);
    expect(byLoaders.data.nodes[0]).toEqual(folded.data.paper);
  });

  it('takes the same number of queries whatever the page size', async () => {
    expect(await roundTrips(pageQuery(5))).toBe(await roundTrips(pageQuery(100)));
  });

  it('reads nested connections in the same query: every author on a page pages through their papers', async () => {
    const q =
      '{ papers(first: 40) { edges { node { authors { papers(first: 3) { totalCount edges { node { title } } } } } } } }';
    expect(await roundTrips(q)).toBe(1);
  });

  it('reads a page with BibTeX in one query: the entries reuse the authors and venue read with the papers', async () => {
    const q = '{ papers(first: 20) { edges { node { title bibtex } } } }';
    const page = await run(q);
    expect(page.trips).toBe(1);
    // The same entries as the loaders build them field by field.
    const id = (await run('{ papers(first: 1) { edges { node { id } } } }')).data.papers.edges[0].node.id;
    const byLoaders = await run(`{ nodes(ids: ["${id}"]) { ... on Paper { bibtex } } }`);
    expect(byLoaders.data.nodes[0].bibtex).toBe(page.data.papers.edges[0].node.bibtex);
    expect(page.data.papers.edges[0].node.bibtex).toMatch(
      /^@inproceedings\{\w+,\n {2}title = .*\n {2}author = \{.+\},\n {2}booktitle = \{/,
    );
  });

  it('answers exactly as the per-level loaders do', async () => {
    const page = await run(pageQuery(30));
    const ids = page.data.papers.edges.map((e: { node: { title: string } }) => e.node.title);
    // nodes(ids) has no look-ahead: each level goes through the batched loaders instead.
    const idsQuery = await run('{ papers(first: 30) { edges { node { id } } } }');
    const byLoaders = await run(
      `{ nodes(ids: ${JSON.stringify(idsQuery.data.papers.edges.map((e: { node: { id: string } }) => e.node.id))}) { ... on Paper { ${selection} } } }`,
    );
    expect(byLoaders.trips).toBe(3);
    expect(byLoaders.data.nodes.map((n: { title: string }) => n.title)).toEqual(ids);
    expect(byLoaders.data.nodes).toEqual(page.data.papers.edges.map((e: { node: unknown }) => e.node));
  });

  it('falls back to one batched query per level where a root cannot look ahead', async () => {
    // Levels: the search; venue, topics and authors together; the authors' co-authors.
    const q = `{ search(query: "synthetic paper", first: 10) { node { ... on Paper {
      title venue { name } topics { name } authors { name coAuthors(first: 2) { sharedPapers } } } } } }`;
    expect(await roundTrips(q)).toBe(3);
  });
});
