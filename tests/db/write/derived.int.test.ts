import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/driver.js';
import { newestKey } from '../../../src/db/schema/sort-keys.js';
import { importList } from '../../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../../src/ingest/taxonomy.js';
import { type SeededApp, seededApp, TEST_KEY } from '../../helpers/app.js';

let s: SeededApp;
const auth = { authorization: `Bearer ${TEST_KEY}` };
beforeAll(async () => {
  s = await seededApp();
});
afterAll(async () => {
  await s.db.close();
});

/** The kept counts by confidence grade, as {pair: "n0,n1,…"}, without pairs that dropped to zero. */
async function kept(db: Db): Promise<Record<string, string>> {
  const rows = await db.read('MATCH (x:TopicPair) RETURN x.id AS id, x.byGrade AS n');
  return Object.fromEntries(
    rows
      .filter((r) => (r.n as number[]).some((n) => n !== 0))
      .map((r) => [r.id, (r.n as number[]).join(',')]),
  );
}
/** The same counts taken from scratch, in JavaScript from every paper's assignments. */
async function recounted(db: Db): Promise<Record<string, string>> {
  const rows = await db.read(
    'MATCH (p:Paper)-[a:ABOUT]->(t:Topic) RETURN p.id AS p, collect([t.id, a.confidence]) AS about',
  );
  const counts: Record<string, number[]> = {};
  for (const r of rows) {
    const about = r.about as [string, number][];
    for (const [a, ca] of about)
      for (const [b, cb] of about) {
        if (a > b) continue;
        const grade = Math.floor(Math.min(ca, cb) * 10 + 1e-9);
        const v = counts[`${a} ${b}`] ?? new Array<number>(11).fill(0);
        v[grade] = (v[grade] ?? 0) + 1;
        counts[`${a} ${b}`] = v;
      }
  }
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.join(',')]));
}

/** Papers whose stored newest-first key is not what their title and year give now. */
async function staleNewest(db: Db): Promise<string[]> {
  const rows = await db.read(
    `MATCH (p:Paper) WHERE p.newest IS NULL OR p.newest <> ${newestKey('p')} RETURN p.id AS id`,
  );
  return rows.map((r) => r.id as string);
}

/** Term document frequencies, kept and recounted from the papers' words. */
async function termCounts(db: Db) {
  const kept = await db.read('MATCH (x:Term) WHERE x.papers <> 0 RETURN x.id AS t, x.papers AS n ORDER BY t');
  const recounted = await db.read(
    'MATCH (p:Paper) UNWIND coalesce(p.terms, []) AS t RETURN t, count(*) AS n ORDER BY t',
  );
  const missing = await db.read('MATCH (p:Paper) WHERE p.terms IS NULL RETURN count(p) AS n');
  return { kept, recounted, missing: missing[0]?.n };
}

/** Every derived value matches the graph it is derived from. */
async function expectInStep(db: Db) {
  const terms = await termCounts(db);
  expect(terms.kept).toEqual(terms.recounted);
  expect(terms.missing).toBe(0);
  expect(await kept(db)).toEqual(await recounted(db));
  expect(await staleNewest(db)).toEqual([]);
}

describe('derived values (topic pair counts, newest-first key, word counts)', () => {
  it('match a recount after the seed import', async () => {
    const now = await recounted(s.db);
    expect(Object.keys(now).length).toBeGreaterThanOrEqual(2);
    await expectInStep(s.db);
  });

  it('follow every write of papers', async () => {
    const created = await s.gql(
      `mutation { createPaper(input: { title: "Pair counting test paper", year: 2025, authors: [{ name: "Pat Counter" }],
          sectionIds: ["section:optimizer-papers-analysis/A.2"], topicIds: ["topic:empirical"] }) {
        ... on MutationCreatePaperSuccess { data { id } } } }`,
      {},
      auth,
    );
    const id = created.data.createPaper.data.id;
    await expectInStep(s.db);

    await s.gql(`mutation { updatePaper(id: "${id}", input: { year: 2011 }) { __typename } }`, {}, auth);
    const [moved] = await s.db.read('MATCH (p:Paper {id: $id}) RETURN p.newest AS k', { id });
    expect(moved?.k).toMatch(/^7988 /);
    await expectInStep(s.db);

    await s.gql(
      `mutation { updatePaper(id: "${id}", input: { topicIds: ["topic:dynamics"] }) { __typename } }`,
      {},
      auth,
    );
    await expectInStep(s.db);

    await s.gql(
      `mutation { movePaper(paperId: "${id}", fromSectionId: "section:optimizer-papers-analysis/A.2",
          toSectionId: "section:optimizer-papers-analysis/B.1") { __typename } }`,
      {},
      auth,
    );
    await expectInStep(s.db);

    const md =
      '## A. Convergence\n\n### A.2 Adaptive\n\n* **Pair counting test paper**，*Pat Counter*，ICLR 2025，2025\n';
    await importList(s.db, md, loadTaxonomy(), { source: 'optimizer-papers-analysis' });
    await expectInStep(s.db);

    await s.gql(`mutation { deletePaper(id: "${id}") { __typename } }`, {}, auth);
    await expectInStep(s.db);
  });

  // 0.5 is the default, 0.3 is answered from the counters too, 0.35 (off the tenths) by a walk.
  it.each([
    [0.5, ''],
    [0.3, ', minConfidence: 0.3'],
    [0.35, ', minConfidence: 0.35'],
    [0, ', minConfidence: 0'],
  ])('give topicOverlap the same answer as counting the papers (minConfidence %s)', async (min, arg) => {
    const r = await s.gql(
      `{ topicOverlap(topicIds: ["topic:convergence", "topic:adaptive"], first: 100${arg}) { paperCount unionCount papers { id } } }`,
    );
    const [row] = await s.db.read(
      `MATCH (:Topic {id: 'topic:convergence'})<-[a:ABOUT]-(p:Paper)-[b:ABOUT]->(:Topic {id: 'topic:adaptive'})
       WHERE a.confidence >= $min AND b.confidence >= $min
       RETURN count(p) AS both, collect(p.id) AS ids`,
      { min },
    );
    const [union] = await s.db.read(
      `MATCH (p:Paper)-[c:ABOUT]->(t:Topic) WHERE t.id IN ['topic:convergence', 'topic:adaptive'] AND c.confidence >= $min
       RETURN count(DISTINCT p) AS n`,
      { min },
    );
    expect(r.data.topicOverlap.paperCount).toBe(row?.both);
    expect(r.data.topicOverlap.unionCount).toBe(union?.n);
    expect(r.data.topicOverlap.papers.map((p: { id: string }) => p.id).sort()).toEqual(
      [...((row?.ids as string[] | undefined) ?? [])].sort(),
    );
  });
});
