import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../src/config.js';
import { availabilityOf } from '../../src/db/connect.js';
import { createDriver, Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { addWriteRehearsals } from '../../src/db/write/rehearsals.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { freePort } from '../../src/neo4j-server/ports.js';
import {
  type LocalNeo4j,
  MAX_RESTARTS,
  restartPlan,
  startLocalNeo4j,
} from '../../src/neo4j-server/server.js';
import { createLogger } from '../../src/server/logger.js';
import { createApp } from '../../src/server/yoga.js';
import { drive, type Outcome, percentile, post, serve } from '../helpers/http.js';

// This file runs its own managed Neo4j, because it kills it.
const KEY = 'self-heal-test-key-0123456789';
const FAST_FAIL_MS = 3500;
let dataDir: string;
let neo4j: LocalNeo4j;
let db: Db;
let http: Awaited<ReturnType<typeof serve>>;
const said: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'paper-graph-heal-'));
  neo4j = await startLocalNeo4j({
    dataDir,
    cacheDir: defaultCacheDir(),
    boltPort: await freePort(),
    log: (m) => said.push(m),
  });
  // As connect() builds it for npm start: the supervisor's word makes queries fail at once.
  db = new Db(createDriver(neo4j), {
    database: 'neo4j',
    txTimeoutMs: 10_000,
    availability: availabilityOf(neo4j),
  });
  addWriteRehearsals(db);
  // As `npm start` does before serving.
  await db.rehearse();
  // The seed is loaded as `npm start` loads it, before serving: not under the requests' 10 s bound,
  // which a cold JVM on a loaded machine can exceed for a whole import.
  const setup = new Db(createDriver(neo4j), { database: 'neo4j' });
  await applyConstraints(setup);
  await loadSeed(setup);
  await setup.close();
  // Silent: every request while down is an expected, coded failure; the assertions check each one's code.
  http = await serve(createApp({ db, apiKeys: [KEY], production: true, logger: createLogger('silent') }));
}, 180_000);

afterAll(async () => {
  await http?.close();
  await db?.close();
  await neo4j?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const CREATE = `mutation ($input: PaperInput!) { createPaper(input: $input) { __typename ... on MutationCreatePaperSuccess { data { id } } } }`;
const READ = '{ papers(first: 10) { totalCount edges { node { title authors { name } } } } }';

describe('the supervisor of the managed Neo4j', () => {
  it('restarts after 1 s, 2 s, 4 s … at most 30 s, and gives up after the sixth crash in five minutes', () => {
    const t = 1_000_000;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartPlan(Array(n).fill(t), t).delayMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(restartPlan(Array(MAX_RESTARTS).fill(t), t).giveUp).toBe(false);
    expect(restartPlan(Array(MAX_RESTARTS + 1).fill(t), t).giveUp).toBe(true);
    // Crashes older than the window no longer count.
    expect(restartPlan([...Array(MAX_RESTARTS).fill(t - 6 * 60_000), t], t)).toEqual({
      giveUp: false,
      delayMs: 1000,
      recent: 1,
    });
  });

  it('brings Neo4j back by itself after kill -9 under writes: fast failures meanwhile, no acknowledged write lost', async () => {
    for (let i = 0; i < 3; i++) await post(http.url, READ);
    const acknowledged: string[] = [];
    const down: Outcome[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    let stopped = false;
    let answeredBack = 0;
    const load = drive(8, 120_000, async (w, i) => {
      if (stopped) return null;
      const started = phase;
      const at = Date.now();
      // Down = the supervisor says so when the request arrives (after the kill, before Neo4j answers again).
      const startedDown = phase !== 'up' && neo4j.health().state !== 'up';
      let outcome: Outcome;
      if (i % 2 === 0) {
        const r = await post(
          http.url,
          CREATE,
          { input: { title: `Heal test paper ${w}-${i}`, authors: [{ name: `Healer ${w}` }] } },
          { authorization: `Bearer ${KEY}` },
        );
        outcome = r.outcome;
        const data = r.body.data?.createPaper as { data?: { id: string } } | undefined;
        if (outcome.ok && data?.data) acknowledged.push(data.data.id);
      } else outcome = (await post(http.url, READ)).outcome;
      if (startedDown) down.push(outcome);
      if (started === 'back' && outcome.ok) answeredBack++;
      return { ...outcome, phase: started, kind: i % 2 === 0 ? 'write' : 'read', at };
    }).then((all) => all.filter((r): r is NonNullable<typeof r> => r !== null));

    await new Promise((r) => setTimeout(r, 3000));
    const killedPid = neo4j.javaPid;
    process.kill(killedPid, 'SIGKILL');
    phase = 'down';
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    const readyWhileDown = await fetch(`${http.url}/ready`);
    const readyBody = await readyWhileDown.text();
    let readyAfter = -1;
    while (Date.now() - t0 < 60_000) {
      if ((await fetch(`${http.url}/ready`)).status === 200) {
        readyAfter = Date.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    phase = 'back';
    const readyAt = Date.now();
    // Keep the load on until the recovered server has answered a few requests (a cold JVM on a
    // busy machine can take seconds for its first answers), 30 s at most.
    const t1 = Date.now();
    while (answeredBack < 5 && Date.now() - t1 < 30_000) await new Promise((r) => setTimeout(r, 250));
    stopped = true;
    const results = await load;
    const back = results.filter((r) => r.phase === 'back');
    // A request fails while Neo4j is down; one admitted once it answers again is served by a cold
    // server (JIT and plan caches empty), measured apart below.
    const failed = down.filter((d) => !d.ok);
    const inFlight = results.filter((r) => r.phase === 'up' && !r.ok);
    const maxDown = Math.max(0, ...failed.map((d) => d.ms));
    const firstUp = results.filter((r) => r.phase !== 'up' && r.ok);
    const slowest = [...firstUp].sort((a, b) => b.ms - a.ms).slice(0, 8);
    console.log(
      `[self-heal] slowest answers after recovery: ${slowest.map((r) => `${r.kind} ${r.ms.toFixed(0)} ms sent ${r.at - readyAt} ms after ready`).join('; ')}`,
    );
    console.log(
      `[self-heal] kill -9 of pid ${killedPid} under load: /ready 200 again after ${readyAfter} ms (new pid ${neo4j.javaPid}); ${results.length} requests; while down: ${failed.length} failed fast, p50 ${percentile(
        failed.map((d) => d.ms),
        50,
      ).toFixed(
        0,
      )} ms, max ${maxDown.toFixed(0)} ms; ${inFlight.length} in flight at the kill failed, slowest ${Math.max(0, ...inFlight.map((r) => r.ms)).toFixed(0)} ms; after recovery ${back.filter((r) => r.ok).length}/${back.length} ok, slowest answer after it ${Math.max(0, ...firstUp.map((r) => r.ms)).toFixed(0)} ms; warm-up ${JSON.stringify(db.recovery.lastWarmUp)}; acknowledged writes ${acknowledged.length}`,
    );

    expect(readyWhileDown.status).toBe(503);
    expect(readyBody).toMatch(/restarting it in 1 s \(restart 1 of at most 5 in 5 minutes\)/);
    expect(readyAfter).toBeGreaterThan(0);
    // Restart (1 s), a cold JVM's start and recovery, then the warm-up of this process's statements.
    expect(readyAfter).toBeLessThan(60_000);
    expect(neo4j.javaPid).not.toBe(killedPid);
    expect(neo4j.health()).toEqual({ state: 'up' });
    expect(failed.length).toBeGreaterThan(0);
    // The codes other than DATABASE_UNAVAILABLE, listed, so a failure says which code came back.
    const otherCodes = (rs: Array<{ code?: string }>) =>
      rs.map((r) => r.code).filter((c) => c !== 'DATABASE_UNAVAILABLE');
    expect(otherCodes(failed)).toEqual([]);
    expect(otherCodes(results.filter((r) => !r.ok))).toEqual([]);
    expect(maxDown).toBeLessThan(FAST_FAIL_MS);
    // Those cut off by the kill itself wait out the driver's short retry, and no longer.
    expect(Math.max(0, ...inFlight.map((r) => r.ms))).toBeLessThan(FAST_FAIL_MS);
    expect(back.filter((r) => r.ok).length).toBeGreaterThan(0);
    // No request of the whole cycle waits longer, answered or refused: before the kill, while
    // down, during the warm-up and the first ones the restarted server serves.
    expect(slowest[0]?.ms ?? 0).toBeLessThan(FAST_FAIL_MS);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(FAST_FAIL_MS);
    expect(said.some((m) => m.startsWith('The managed Neo4j is back at'))).toBe(true);
    const stored = new Set(
      (await db.read("MATCH (p:Paper) WHERE p.title STARTS WITH 'Heal test paper' RETURN p.id AS id")).map(
        (r) => r.id as string,
      ),
    );
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 180_000);
});
