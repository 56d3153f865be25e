import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { loadCorpus } from '../../bench/load-corpus.js';
import { applyConstraints } from '../../src/db/constraints.js';
import type { Db } from '../../src/db/driver.js';
import { counts } from '../helpers/graph.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
});
afterAll(async () => {
  await db.close();
});

describe('the benchmark corpus (smoke, N = 200)', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateCorpus(200, 7)).toEqual(generateCorpus(200, 7));
    expect(generateCorpus(200, 8).papers[0]?.title).not.toBe(generateCorpus(200, 7).papers[0]?.title);
  });

  it('has heavy-tailed papers per author: a few prolific authors, most with one or two papers', () => {
    const c = generateCorpus(5000, 1);
    const perAuthor = new Map<string, number>();
    for (const p of c.papers) for (const a of p.authors) perAuthor.set(a.id, (perAuthor.get(a.id) ?? 0) + 1);
    const n = [...perAuthor.values()].sort((a, b) => b - a);
    const median = n[Math.floor(n.length / 2)] as number;
    expect(n[0]).toBeGreaterThan(median * 8);
    expect(median).toBeLessThanOrEqual(2);
    const sizes = c.papers.map((p) => p.authors.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    expect(new Set(c.papers.map((p) => p.venue?.kind)).size).toBe(4);
  });

  it('loads through the project importer with every paper, authorship and topic in place', async () => {
    const r = await loadCorpus(db, 200, 3);
    console.log(
      `[bench smoke] loaded ${r.papers} papers (${r.authorships} authorships) in ${r.seconds.toFixed(2)} s`,
    );
    const c = await counts(db);
    expect(c.Paper).toBe(200);
    expect(c.AUTHORED).toBe(r.authorships);
    expect(c.ABOUT).toBeGreaterThan(200);
  });
});
