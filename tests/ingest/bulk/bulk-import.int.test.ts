import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../../src/config.js';
import { createDriver, Db } from '../../../src/db/driver.js';
import { applyConstraints } from '../../../src/db/schema/constraints.js';
import { MIGRATIONS, migrate } from '../../../src/db/schema/migrations.js';
import { newestKey } from '../../../src/db/schema/sort-keys.js';
import { type BulkInput, bulkImport } from '../../../src/ingest/bulk/bulk-import.js';
import { importDocument, sourceFromFile } from '../../../src/ingest/import-list.js';
import { readDocumentFile } from '../../../src/ingest/read-file.js';
import { importJsonLines } from '../../../src/ingest/stream.js';
import { loadTaxonomy } from '../../../src/ingest/taxonomy.js';
import { type LocalNeo4j, startLocalNeo4j } from '../../../src/neo4j-server/server.js';
import { createLogger } from '../../../src/server/logger.js';
import { createApp } from '../../../src/server/yoga.js';
import { counts } from '../../helpers/graph.js';
import { clearGraph, neo4jTarget, testDb } from '../../helpers/neo4j.js';

const taxonomy = loadTaxonomy();
const root = mkdtempSync(join(tmpdir(), 'bulk-import-'));
const dataDir = join(root, 'neo4j');
const managed = { kind: 'managed' as const, dataDir, cacheDir: defaultCacheDir(), database: 'neo4j' };

/** 300 works citing earlier ones, one citing a work that is not in the file, one repeated by DOI with an abstract. */
function worksFile(): string {
  const work = (i: number, extra: Record<string, unknown> = {}) => ({
    id: `https://openalex.org/W${9_000_000 + i}`,
    doi: `https://doi.org/10.7777/bulk.${i}`,
    title: `Bulk work ${i} on momentum and sharpness`,
    publication_year: 2000 + (i % 25),
    authorships: [
      { author: { id: `https://openalex.org/A${5_000 + (i % 40)}`, display_name: `Writer ${i % 40}` } },
      { author: { id: `https://openalex.org/A${6_000 + (i % 7)}`, display_name: `Second ${i % 7}` } },
    ],
    primary_location: { source: { display_name: 'Journal of Machine Learning Research', type: 'journal' } },
    referenced_works: [
      ...(i > 0 ? [`https://openalex.org/W${9_000_000 + i - 1}`] : []),
      ...(i > 10 ? [`https://openalex.org/W${9_000_000 + i - 10}`] : []),
      ...(i === 299 ? ['https://openalex.org/W1'] : []),
    ],
    ...extra,
  });
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify(work(i)));
  lines.push(
    JSON.stringify(
      work(5, {
        abstract_inverted_index: { A: [0], longer: [1], abstract: [2] },
        id: 'https://openalex.org/W42',
      }),
    ),
  );
  const file = join(root, 'works.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const files = () => [
  'seed/lists/analysis-section.md',
  'seed/lists/optimizer-papers-analysis.md',
  'seed/lists/optimizer-papers-optimizers.md',
  'tests/fixtures/works/library.bib',
  worksFile(),
];

/** What the two paths must agree on: nodes and relationships by kind, and every derived value. */
async function fingerprint(db: Db) {
  const [row] = await db.read(
    `CALL () { MATCH (p:Paper) WITH p ORDER BY p.id
               RETURN collect([p.id, p.newest, size(coalesce(p.terms, [])), p.abstract, p.doi]) AS papers }
     CALL () { MATCH (t:Term) WITH t ORDER BY t.id RETURN collect([t.id, t.papers]) AS terms }
     CALL () { MATCH (x:TopicPair) WITH x ORDER BY x.id RETURN collect([x.id, x.papers]) AS pairs }
     CALL () { MATCH (a:Paper)-[:CITES]->(b:Paper) WITH a, b ORDER BY a.id, b.id RETURN collect([a.id, b.id]) AS cites }
     CALL () { MATCH (r:Ref) RETURN collect(r.key) AS refs }
     CALL () { MATCH (a:Author)-[w:AUTHORED]->(p:Paper) WITH a, w, p ORDER BY p.id, w.position
               RETURN collect([p.id, w.position, a.id]) AS authorships }
     CALL () { MATCH (p:Paper)-[a:ABOUT]->(t:Topic) WITH p, a, t ORDER BY p.id, t.id
               RETURN collect([p.id, t.id, a.source, round(a.confidence, 3)]) AS abouts }
     RETURN papers, terms, pairs, cites, refs, authorships, abouts`,
  );
  const all = await counts(db);
  // Migration records are the online database's history, not the imported graph.
  const { Migration: _, ...graph } = all;
  const field = (k: string) => (row?.[k] ?? []) as unknown[];
  return {
    graph,
    papers: field('papers'),
    terms: field('terms'),
    pairs: field('pairs'),
    cites: field('cites'),
    refs: field('refs'),
    authorships: field('authorships'),
    abouts: field('abouts'),
  };
}

type Fingerprint = Awaited<ReturnType<typeof fingerprint>>;

/** Part by part, so a failure names what differs (topic assignments first: the subtlest). */
function expectSame(bulk: Fingerprint, reference: Fingerprint): void {
  for (const part of ['abouts', 'graph', 'papers', 'terms', 'pairs', 'cites', 'refs', 'authorships'] as const)
    expect(bulk[part], part).toEqual(reference[part]);
}

let online: Fingerprint;
let shared: Db;

beforeAll(async () => {
  // The same files through the online importer, on the test server, as the reference.
  shared = testDb();
  await clearGraph(shared);
  await applyConstraints(shared);
  for (const file of files()) {
    const source = sourceFromFile(file);
    if (file.endsWith('.jsonl')) await importJsonLines(shared, file, taxonomy, { source });
    else await importDocument(shared, readDocumentFile(file), taxonomy, { source, fileName: file });
  }
  online = await fingerprint(shared);
}, 180_000);
afterAll(async () => {
  await shared?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run import -- --bulk (neo4j-admin import into an empty managed database)', () => {
  let server: LocalNeo4j;
  let db: Db;
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('makes the graph the online importer makes from the same files: nodes, relations, citations and derived values', async () => {
    const inputs: BulkInput[] = files().map((file) => ({ file }));
    const s = await bulkImport(managed, inputs, taxonomy, {});
    // Two seed lists share papers, the works file repeats one DOI: those rows go through the online merge.
    expect(s.counts.duplicates).toBeGreaterThan(5);
    expect(s.counts.citations).toBe(299 + 289);
    expect(s.counts.pendingRefs).toBe(1);
    server = await startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir() });
    db = new Db(createDriver(server), { database: 'neo4j' });
    const bulk = await fingerprint(db);
    expectSame(bulk, online);
    expect(bulk.papers.length).toBeGreaterThan(300);
    expect(bulk.pairs.length).toBeGreaterThan(0);
    expect(bulk.terms.length).toBeGreaterThan(50);
    // The files are the current model: every migration is recorded as had, none left to run.
    expect(await migrate(db)).toEqual([]);
    const [recorded] = await db.read('MATCH (m:Migration) RETURN count(m) AS n');
    expect(recorded?.n).toBe(MIGRATIONS.length);
    // The newest key written from the files is the one the database's own expression gives.
    const [wrong] = await db.read(`MATCH (p:Paper) WHERE p.newest <> ${newestKey('p')} RETURN count(p) AS n`);
    expect(wrong?.n).toBe(0);
  }, 240_000);

  it('answers the API right afterwards: search, related work, citations, co-citations', async () => {
    const app = createApp({ db, logger: createLogger('silent') });
    const ask = async (query: string) => {
      const r = await app.fetch('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await r.json()) as { data: Record<string, unknown>; errors?: unknown };
    };
    const r = await ask(`{
      paper(id: "paper:bulk-work-150-on-momentum-and-sharpness") { title notes links { url }
        references(first: 5) { totalCount } citedBy(first: 5) { totalCount }
        coCited(first: 3) { count paper { title } } }
      search(query: "sharpness", first: 3) { __typename }
      papers(first: 2) { totalCount } }`);
    expect(r.errors).toBeUndefined();
    const p = r.data.paper as Record<string, unknown>;
    expect(p).toMatchObject({
      notes: [],
      links: [],
      references: { totalCount: 2 },
      citedBy: { totalCount: 2 },
    });
    // Work 150 is cited by 151 and 160; 151 also cites 141 and 160 also cites 159… each co-cited once.
    expect((p.coCited as Array<{ count: number }>).every((c) => c.count === 1)).toBe(true);
    expect((r.data.search as unknown[]).length).toBe(3);
  });

  it('refuses a database that holds data, and writes nothing', async () => {
    const before = await counts(db);
    await db.close();
    await server.stop();
    await expect(
      bulkImport(managed, [{ file: 'tests/fixtures/works/library.bib' }], taxonomy),
    ).rejects.toThrow(/only into an empty database, and neo4j in .* holds \d+ nodes; nothing was written/);
    server = await startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir() });
    db = new Db(createDriver(server), { database: 'neo4j' });
    expect(await counts(db)).toEqual(before);
  }, 120_000);

  it('refuses while another process runs the managed server, and writes nothing', async () => {
    const before = await counts(db);
    // This test's own server counts as "another process" to the import: it attaches, it does not own it.
    await expect(
      bulkImport(managed, [{ file: 'tests/fixtures/works/library.bib' }], taxonomy),
    ).rejects.toThrow(/needs the managed Neo4j stopped .* another process runs it/);
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a server it does not manage (NEO4J_URI), and writes nothing there', async () => {
    const t = neo4jTarget();
    const before = await counts(shared);
    await expect(
      bulkImport({ kind: 'external', ...t }, [{ file: 'tests/fixtures/works/library.bib' }], taxonomy),
    ).rejects.toThrow(/NEO4J_URI points at bolt:\/\/.* a server it does not manage; nothing was written/);
    expect(await counts(shared)).toEqual(before);
  });
});

describe('npm run import -- --bulk with a JSON Lines file alone', () => {
  const alone = { ...managed, dataDir: join(root, 'neo4j-jsonl') };
  let server: LocalNeo4j | undefined;
  let db: Db | undefined;
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  // The works are planned on parse threads (parallel-parse.ts); no list brings the Topic nodes
  // that the inferred HAS_TOPIC relations point at, so the files must hold them.
  it('makes the graph the online importer makes from that file, topics included', async () => {
    const file = worksFile();
    await clearGraph(shared);
    await applyConstraints(shared);
    await importJsonLines(shared, file, taxonomy, { source: sourceFromFile(file) });
    const reference = await fingerprint(shared);
    const s = await bulkImport(alone, [{ file }], taxonomy, {});
    expect(s.counts.citations).toBe(299 + 289);
    server = await startLocalNeo4j({ dataDir: alone.dataDir, cacheDir: defaultCacheDir() });
    db = new Db(createDriver(server), { database: 'neo4j' });
    const bulk = await fingerprint(db);
    expectSame(bulk, reference);
    expect(bulk.graph.Topic).toBeGreaterThan(0);
  }, 240_000);
});
