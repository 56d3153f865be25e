import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { createApp } from '../../src/server/yoga.js';
import { type SeededApp, seededApp } from '../helpers/app.js';
import { drive, percentile, post, serve } from '../helpers/http.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONCURRENCY = 32;

let s: SeededApp;
let http: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  s = await seededApp();
  http = await serve(createApp({ db: s.db, production: true, logger: createLogger('silent') }));
});
afterAll(async () => {
  await http.close();
  await s.db.close();
});

/** The questions the explorer and the playground ask most. */
const MIX = [
  '{ papers(first: 20, orderBy: TITLE_ASC) { totalCount edges { node { title year venue { name } authors { name } topics { name } } } } }',
  '{ coAuthors(authorId: "author:philipp-hennig") { author { name } sharedPapers papers { title } } }',
  '{ relatedWork(paperId: "paper:a-simple-convergence-proof-of-adam-and-adagrad", first: 10) { score reasons paper { title } } }',
  '{ topicOverlap(topicIds: ["topic:adaptive", "topic:dynamics"]) { paperCount jaccard papers { title } } }',
  '{ collaborationPath(fromAuthorId: "author:lukas-balles", toAuthorId: "author:frank-schneider") { authors { name } } }',
  '{ search(query: "adam convergence") { score node { id } } }',
  '{ graph(focus: ["author:philipp-hennig"], depth: 2, limit: 200) { nodes { id type label } edges { source target type } } }',
  '{ sections { code title children { code papers(first: 5) { totalCount } } } }',
];

describe('a bounded load of mixed reads', () => {
  it(`completes ${SECONDS} s at ${CONCURRENCY} concurrent with zero errors, and memory settles`, async () => {
    for (const q of MIX) expect((await post(http.url, q)).outcome.ok).toBe(true);
    const rssBefore = process.memoryUsage().rss;
    const results = await drive(
      CONCURRENCY,
      SECONDS * 1000,
      async (_w, i) => (await post(http.url, MIX[i % MIX.length] as string)).outcome,
    );
    const rssPeak = process.memoryUsage().rss;
    await new Promise((r) => setTimeout(r, 2000));
    (globalThis as { gc?: () => void }).gc?.();
    const rssAfter = process.memoryUsage().rss;
    const ms = results.map((r) => r.ms);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(
      `[load] ${results.length} requests in ${SECONDS} s (${(results.length / SECONDS).toFixed(0)}/s) at ${CONCURRENCY} concurrent; p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms; errors ${results.filter((r) => !r.ok).length}; RSS before ${mb(rssBefore)} MB, at end ${mb(rssPeak)} MB, 2 s later ${mb(rssAfter)} MB`,
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThan(SECONDS * 10);
    // The process (test runner and load client included) must not grow without bound under steady
    // load. Its growth over 30 s varies from run to run with the same code: 148, 191 and 221 MB in
    // three full CI runs on this machine, 172–174 MB run alone before and after the importer work of
    // 2026-12-01; 256 MB bounds a leak without failing on that spread (issue 27 owns the RSS target).
    expect(rssAfter - rssBefore).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
});
