import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { ImportError } from '../../src/ingest/import-list.js';
import { importJsonLines } from '../../src/ingest/stream.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

let db: Db;
let dir: string;
const taxonomy = loadTaxonomy();
const N = 2500;

/** N works; work i cites works i+1 and i-7 (when they exist): references point both ways in the file. */
const works = Array.from({ length: N }, (_, i) => ({
  id: `https://openalex.org/W${100000 + i}`,
  title: `Streamed work number ${i}`,
  publication_year: 2000 + (i % 25),
  authorships: [{ author: { id: `https://openalex.org/A${i % 300}`, display_name: `Streamer ${i % 300}` } }],
  referenced_works: [i + 1, i - 7]
    .filter((k) => k >= 0 && k < N)
    .map((k) => `https://openalex.org/W${100000 + k}`),
}));
const expectedCites = works.reduce((n, w) => n + w.referenced_works.length, 0);
const jsonl = `${works.map((w) => JSON.stringify(w)).join('\n')}\n`;

const counts = async () => {
  const [row] = await db.read(
    `CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
     CALL () { MATCH ()-[c:CITES]->() RETURN count(c) AS cites }
     CALL () { MATCH (r:Ref) RETURN count(r) AS refs }
     CALL () { MATCH (a:Author) RETURN count(a) AS authors }
     RETURN papers, cites, refs, authors`,
  );
  return row as { papers: number; cites: number; refs: number; authors: number };
};

beforeAll(async () => {
  db = testDb();
  await applyConstraints(db);
  dir = await mkdtemp(join(tmpdir(), 'stream-'));
});
beforeEach(async () => {
  await clearGraph(db);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.close();
});

describe('a streamed JSON Lines import', () => {
  it('loads a gzipped file in batches with progress, every citation in place', async () => {
    const file = join(dir, 'works.jsonl.gz');
    await writeFile(file, gzipSync(jsonl));
    const progress: number[] = [];
    const s = await importJsonLines(db, file, taxonomy, {
      source: 'stream',
      batchSize: 1000,
      onProgress: (_bytes, _total, loaded) => progress.push(loaded),
    });
    expect(s.papers).toEqual({ created: N, updated: 0, moved: 0, removed: 0, deleted: 0 });
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(await counts()).toEqual({ papers: N, cites: expectedCites, refs: 0, authors: 300 });
  });

  it('stops on a truncated file saying how far it got, leaves a consistent graph, and a re-run completes it', async () => {
    const whole = gzipSync(jsonl);
    const cut = join(dir, 'cut.jsonl.gz');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const err = await importJsonLines(db, cut, taxonomy, { source: 'stream', batchSize: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(
      /stopped near line \d+ after (1000|2000) works were loaded .*Running the same import again completes it/,
    );
    const partial = await counts();
    expect([1000, 2000]).toContain(partial.papers);
    // Consistent: every citation joins two stored papers; references to works not loaded yet wait as Refs.
    const [dangling] = await db.read(
      'MATCH (p:Paper) WHERE NOT EXISTS { (p)-[:STATED_IN]->(:List) } RETURN count(p) AS n',
    );
    expect(dangling?.n).toBe(0);
    expect(partial.refs).toBeGreaterThan(0);

    const full = join(dir, 'full.jsonl.gz');
    await writeFile(full, whole);
    const s = await importJsonLines(db, full, taxonomy, { source: 'stream', batchSize: 1000 });
    expect(s.papers).toEqual({
      created: N - partial.papers,
      updated: partial.papers,
      moved: 0,
      removed: 0,
      deleted: 0,
    });
    expect(await counts()).toEqual({ papers: N, cites: expectedCites, refs: 0, authors: 300 });
  });

  it('in strict mode reads the whole file first and writes nothing when a line is bad', async () => {
    const file = join(dir, 'bad.jsonl');
    const lines = jsonl.split('\n');
    lines.splice(1800, 0, '{"id": "https://openalex.org/W1", "title": ');
    await writeFile(file, lines.join('\n'));
    await expect(importJsonLines(db, file, taxonomy, { source: 'stream', strict: true })).rejects.toThrow(
      /1 line\(s\) could not be read \(strict mode, nothing written\):\n {2}line 1801: skipped: not valid JSON/,
    );
    expect((await counts()).papers).toBe(0);
  });
});
