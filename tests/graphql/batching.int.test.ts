import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyConstraints } from '../../src/db/constraints.js';
import type { Db } from '../../src/db/driver.js';
import { importList } from '../../src/ingest/import-list.js';
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

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  await importList(db, syntheticList(120), loadTaxonomy(), { source: 'synthetic' });
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
});

/** Runs a query and returns how many Cypher round trips it took. */
async function roundTrips(query: string): Promise<number> {
  const before = db.queryCount;
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return db.queryCount - before;
}

const pageQuery = (first: number) => `{
  papers(first: ${first}) {
    totalCount
    edges { node { title venue { name } topics { name } authors { name coAuthors(first: 5) { author { name } sharedPapers } } } }
  }
}`;

describe('batching', () => {
  it('answers a page of 50 papers with authors, venue, topics and co-authors in one query per level', async () => {
    // Levels: papers (page and total in one query); venue, topics, authors; the authors' co-authors.
    expect(await roundTrips(pageQuery(50))).toBe(5);
  });

  it('takes the same number of queries whatever the page size', async () => {
    expect(await roundTrips(pageQuery(5))).toBe(await roundTrips(pageQuery(100)));
  });

  it('batches nested connections: every author on a page pages through their papers in one query', async () => {
    const q =
      '{ papers(first: 40) { edges { node { authors { papers(first: 3) { totalCount edges { node { title } } } } } } } }';
    expect(await roundTrips(q)).toBe(3);
  });
});
