import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { loadCorpus } from '../../bench/load-corpus.js';
import { floorLoadCorpus } from '../../bench/load-floor.js';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
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

  it('bulk-creates new papers exactly as the merging path writes them, and a second load changes nothing', async () => {
    const bulk = await counts(db);
    // The same corpus again: every paper is known now, so all of it goes through the MERGE path.
    await loadCorpus(db, 200, 3);
    expect(await counts(db)).toEqual(bulk);
    const [pairs] = await db.read(
      `CALL () {
         MATCH (x:TopicPair) WHERE split(x.id, ' ')[0] <> split(x.id, ' ')[1]
         RETURN sum(reduce(s = 0, n IN x.byGrade | s + n)) AS kept
       }
       CALL () { MATCH (t1:Topic)<-[:ABOUT]-(p:Paper)-[:ABOUT]->(t2:Topic) WHERE t1.id < t2.id RETURN count(*) AS real }
       RETURN kept, real`,
    );
    expect(pairs?.kept).toBe(pairs?.real);
    const [paper] = await db.read(
      `MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 1
       RETURN p.newest IS NOT NULL AS keyed, COUNT { (p)-[:LISTED_IN]->() } AS sections,
              COUNT { (p)<-[:AUTHORED]-() } AS authors, COUNT { (p)-[:PUBLISHED_IN]->() } AS venues`,
    );
    expect(paper).toMatchObject({ keyed: true, sections: 1, venues: 1 });
    expect(paper?.authors).toBeGreaterThan(0);
  });

  it("has a hand-written load floor that writes the importer's papers, authorships, citations, venues and sections", async () => {
    await clearGraph(db);
    await applyConstraints(db);
    const r = await floorLoadCorpus(db, 200, 3);
    const floor = await counts(db);
    await clearGraph(db);
    await applyConstraints(db);
    await loadCorpus(db, 200, 3);
    const importer = await counts(db);
    expect(r.papers).toBe(200);
    for (const k of [
      'Paper',
      'Author',
      'Venue',
      'AUTHORED',
      'CITES',
      'PUBLISHED_IN',
      'LISTED_IN',
      'STATED_IN',
    ])
      expect(floor[k], k).toBe(importer[k]);
    expect(floor.CITES).toBe(r.citations);
  });
});
