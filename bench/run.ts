/**
 * `npm run bench`: for each corpus size, a fresh managed Neo4j, the synthetic corpus loaded with
 * the project's importer, then this API, @neo4j/graphql and the hand-written Cypher floor asked
 * the same five questions under the same load. Writes bench/RESULTS.md and bench/results.json.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/config.js';
import { applyConstraints } from '../src/db/constraints.js';
import { createDriver, Db } from '../src/db/driver.js';
import { startLocalNeo4j } from '../src/db/local-neo4j.js';
import { askOnce, drive } from './drive.js';
import { loadCorpus } from './load-corpus.js';
import { pickEntities } from './picks.js';
import { QUESTIONS } from './questions.js';
import { type BenchResults, renderResults, type SizeResult } from './report.js';
import { type RunningSystem, SYSTEMS, type SystemId, startSystem } from './systems.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench' },
    systems: { type: 'string', default: Object.keys(SYSTEMS).join(',') },
    questions: { type: 'string', default: QUESTIONS.map((q) => q.id).join(',') },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !(seconds > 0) || !(connections > 0))
  throw new Error(
    '--sizes takes whole numbers ≥ 10 (comma-separated); --seconds and --connections positive numbers.',
  );

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const started = performance.now();
const results: SizeResult[] = [];
const systems = values.systems.split(',') as SystemId[];
const questions = QUESTIONS.filter((q) => values.questions.split(',').includes(q.id));
if (systems.some((s) => !(s in SYSTEMS)) || questions.length === 0)
  throw new Error(`--systems takes ${Object.keys(SYSTEMS).join(', ')}; --questions takes Q1 … Q5.`);

for (const papers of sizes) {
  const dataDir = resolve('bench/data/neo4j');
  rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir(), log });
  const db = new Db(createDriver(neo4j), { database: 'neo4j', txTimeoutMs: 600_000 });
  try {
    await applyConstraints(db);
    const load = await loadCorpus(db, papers, seed);
    log(
      `N=${papers}: loaded ${load.papers} papers, ${load.authorships} authorships in ${load.seconds.toFixed(1)} s (${load.papersPerSecond.toFixed(0)}/s)`,
    );
    const picks = await pickEntities(db);
    const size: SizeResult = { papers, load, runs: [], peakRssMb: {} as Record<SystemId, number> };
    // All three run side by side; a warm-up pass over every question and system first, so the
    // JVM's JIT and Neo4j's page cache favour none of them by the order they are measured in.
    const running = await Promise.all(systems.map((id) => startSystem(id, neo4j)));
    try {
      for (const q of questions)
        for (const sys of running) {
          for (let i = 0; i < 16; i++) await askOnce(sys, q, picks, i);
          await drive(sys, q, picks, { connections, seconds: warmup });
        }
      // Measured in a rotating order (Q1: A B C, Q2: B C A, …), so no system is always first after a switch.
      for (const [qi, q] of questions.entries())
        for (const sys of running.map((_, i) => running[(i + qi) % running.length] as RunningSystem)) {
          const before = await sys.queries();
          await askOnce(sys, q, picks, 0);
          const roundTrips = (await sys.queries()) - before;
          const r = await drive(sys, q, picks, { connections, seconds });
          await askOnce(sys, q, picks, 1);
          size.runs.push({ system: sys.id, question: q.id, roundTrips, ...r });
          log(
            `N=${papers} ${SYSTEMS[sys.id].name} ${q.id}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors, ${roundTrips} round trips`,
          );
        }
      for (const sys of running) size.peakRssMb[sys.id] = sys.peakRssMb();
    } finally {
      await Promise.all(running.map((sys) => sys.stop()));
    }
    results.push(size);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

const out: BenchResults = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j Community ${(await import('../src/db/neo4j-install.js')).NEO4J_VERSION} (managed, 1 GB heap)`,
  command: `npm run bench -- --sizes ${values.sizes} --seconds ${seconds} --warmup ${warmup} --connections ${connections} --seed ${seed}`,
  seconds,
  connections,
  totalSeconds: (performance.now() - started) / 1000,
  sizes: results,
};
writeFileSync(resolve(values.out, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
writeFileSync(resolve(values.out, 'RESULTS.md'), renderResults(out));
log(
  `done in ${(out.totalSeconds / 60).toFixed(1)} min: ${values.out}/RESULTS.md, ${values.out}/results.json`,
);
