import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { enrich } from '../../src/enrich/enrich.js';
import { OpenAlexClient } from '../../src/enrich/openalex-client.js';
import { importDocument } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { runCli } from '../helpers/cli.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';
import { openAlexStub } from './openalex-stub.js';

// Enrichment against a local server on 127.0.0.1 that answers as OpenAlex does; no test calls a real host.
let db: Db;
let stub: Awaited<ReturnType<typeof openAlexStub>>;
let cacheDir: string;
const taxonomy = loadTaxonomy();

const page = JSON.parse(readFileSync('tests/fixtures/works/openalex-page.json', 'utf8'));
const adam = page.results[0]; // W1522301498, cites AdaGrad (W2146502635), which stays outside the graph
const bubeck = {
  id: 'https://openalex.org/W2963446712',
  doi: 'https://doi.org/10.1561/2200000050',
  title: 'Convex Optimization: Algorithms and Complexity',
  publication_year: 2015,
  primary_location: {
    source: { display_name: 'Foundations and Trends in Machine Learning', type: 'journal' },
  },
  authorships: [{ author: { id: 'https://openalex.org/A5004213393', display_name: 'Sébastien Bubeck' } }],
  abstract_inverted_index: {
    This: [0],
    monograph: [1],
    presents: [2],
    complexity: [4],
    the: [3],
    theorems: [5],
  },
  referenced_works: ['https://openalex.org/W1522301498'],
};
const adamwPreprint = {
  id: 'https://openalex.org/W2768282280',
  doi: 'https://doi.org/10.48550/arxiv.1711.05101',
  title: 'Decoupled Weight Decay Regularization',
  publication_year: 2017,
};
const adamwIclr = {
  id: 'https://openalex.org/W2908510526',
  title: 'Decoupled Weight Decay Regularization',
  publication_year: 2019,
  primary_location: {
    source: { display_name: 'International Conference on Learning Representations', type: 'conference' },
  },
  abstract_inverted_index: { L2: [0], regularization: [1], and: [2], weight: [3], decay: [4] },
};

const LIST = `## Optimizers

- **Adam: A Method for Stochastic Optimization**, *D. P. Kingma, J. Ba*, ICLR 2015. [arxiv](https://arxiv.org/abs/1412.6980)
- **Decoupled weight decay regularization**, *Ilya Loshchilov, Frank Hutter*, ICLR 2019.
- **Convex Optimization: Algorithms and Complexity**, *Sébastien Bubeck*, 2015. [doi](https://doi.org/10.1561/2200000050)
- **A paper OpenAlex has never heard of**, *Nobody Known*, ICML 2021.
`;

const client = () =>
  new OpenAlexClient({ baseUrl: stub.url, mailto: 'tests@example.org', cacheDir, perSecond: 50 });
const snapshot = () =>
  db.read(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels,
       COLLECT { MATCH (p:Paper) WHERE p.doi IS NOT NULL RETURN p.id } AS withDoi`,
  );

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  await importDocument(db, LIST, taxonomy, { source: 'optimizers', fileName: 'list.md' });
  cacheDir = await mkdtemp(join(tmpdir(), 'openalex-cache-'));
  stub = await openAlexStub({
    byDoi: { '10.48550/arxiv.1412.6980': adam, '10.1561/2200000050': bubeck },
    byId: {},
    searches: {
      'decoupled weight decay regularization': [adamwPreprint, adamwIclr],
      'a paper openalex has never heard of': [
        {
          id: 'https://openalex.org/W1',
          title: 'A paper about something else entirely',
          publication_year: 2021,
        },
      ],
    },
    throttleOnce: ['/works/doi:10.1561/2200000050'],
  });
});
afterAll(async () => {
  await stub.close();
  await rm(cacheDir, { recursive: true, force: true });
  await db.close();
});

describe('npm run enrich', () => {
  it('--dry-run proposes the right matches with their confidence and writes nothing', async () => {
    const before = await snapshot();
    const r = await runCli('src/cli/enrich.ts', ['--dry-run', '--mailto', 'me@example.org'], {
      OPENALEX_URL: stub.url,
      NEO4J_CACHE_DIR: await mkdtemp(join(tmpdir(), 'enrich-cli-')),
    });
    const out = r.stdout + r.stderr;
    const code = r.code;
    console.log(`[enrich --dry-run]\n${out}`);
    expect(code).toBe(0);
    expect(out).toContain('DRY RUN (nothing written)');
    expect(out).toMatch(
      /arxiv 1\.00 +paper:adam-a-method-for-stochastic-optimization → W1522301498 "Adam: A Method for Stochastic Optimization" \(2014\)/,
    );
    expect(out).toMatch(/doi 1\.00 +paper:convex-optimization-algorithms-and-complexity → W2963446712/);
    // The 2017 preprint is too far from the list's 2019; the ICLR record is the match.
    expect(out).toMatch(/title 1\.00 +paper:decoupled-weight-decay-regularization → W2908510526 .* \(2019\)/);
    expect(out).toMatch(/no match +paper:a-paper-openalex-has-never-heard-of/);
    expect(out).toContain('looked up 4 papers: 3 matched, 1 not found');
    expect(await snapshot()).toEqual(before);
    expect(
      stub.requests.every(
        (r) => r.mailto === 'me@example.org' && r.userAgent.includes('mailto:me@example.org'),
      ),
    ).toBe(true);
  });

  it('fills DOIs, abstracts and references through the OpenAlex import path', async () => {
    const c = client();
    const s = await enrich(db, c, taxonomy, { limit: 100 });
    expect(s.proposals.map((p) => [p.paperId, p.by, p.workId])).toEqual([
      ['paper:adam-a-method-for-stochastic-optimization', 'arxiv', 'W1522301498'],
      ['paper:convex-optimization-algorithms-and-complexity', 'doi', 'W2963446712'],
      ['paper:decoupled-weight-decay-regularization', 'title', 'W2908510526'],
    ]);
    expect(s.filled).toEqual({ dois: 1, abstracts: 3, citations: 1, pendingReferences: 1 });
    const rows = await db.read(
      `MATCH (p:Paper) RETURN p.id AS id, p.doi AS doi, p.openAlexId AS oa, p.abstract IS NOT NULL AS abstract,
         [(p)-[:CITES]->(q) | q.id] AS cites, [(a)-[:AUTHORED]->(p) | a.name] AS authors ORDER BY id`,
    );
    const adamRow = rows.find((r) => r.id === 'paper:adam-a-method-for-stochastic-optimization');
    expect(adamRow).toMatchObject({ doi: '10.48550/arxiv.1412.6980', oa: 'W1522301498', abstract: true });
    expect([...((adamRow?.authors as string[] | undefined) ?? [])].sort()).toEqual([
      'Diederik P. Kingma',
      'Jimmy Ba',
    ]);
    expect(rows.find((r) => r.id === 'paper:convex-optimization-algorithms-and-complexity')?.cites).toEqual([
      'paper:adam-a-method-for-stochastic-optimization',
    ]);
    // No paper was made twice: four papers, as the list had.
    expect(rows).toHaveLength(4);
    // The 429 was retried.
    expect(
      stub.requests.filter((r) => r.path.startsWith('/works/doi:10.1561/2200000050')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('asks nothing again on a second run: every answer comes from the cache', async () => {
    const c = client();
    const s = await enrich(db, c, taxonomy, { limit: 100 });
    expect(c.requests).toBe(0);
    expect(s.lookedUp).toBe(1); // only the paper OpenAlex does not know is left to look up
    expect(c.cacheHits).toBeGreaterThan(0);
  });
});
