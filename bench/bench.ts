import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { defaultCacheDir } from '../src/config.js';
import { createDriver, Db } from '../src/db/driver.js';
import { deleteEverything } from '../src/db/read/stats.js';
import { applyConstraints } from '../src/db/schema/constraints.js';
import { NEO4J_VERSION } from '../src/neo4j-server/install.js';
import { startLocalNeo4j } from '../src/neo4j-server/server.js';
import { askOnce, drive } from './drive.js';
import { bulkLoadCorpus, type LoadRate, loadCorpus } from './load-corpus.js';
import { floorLoadCorpus } from './load-floor.js';
import { pickEntities } from './picks.js';
import { QUESTIONS, type Question } from './questions.js';
import { type BenchResults, renderResults, type SizeResult } from './report.js';
import { type Neo4jTarget, type RunningSystem, SYSTEMS, type SystemId, startSystem } from './systems.js';

export interface BenchOptions {
  sizes: number[];
  /** Seconds of measured load per question and system. */
  seconds: number;
  /** Seconds of unmeasured load per question and system before any measurement. */
  warmup: number;
  connections: number;
  /** Checked requests per question and system before the warm-up load (default 16). */
  checks?: number;
  seed: number;
  systems: SystemId[];
  questions: Question[];
  /** Where RESULTS.md and results.json go. */
  outDir: string;
  /** The command line to print in the results. */
  command: string;
  /** An existing server to use (emptied before each size); by default a fresh managed one per size. */
  neo4j?: Neo4jTarget;
  /** Sizes from this many papers up load through the bulk path (default 1,000,000; needs the managed server). */
  bulkFrom?: number;
  /** The managed server's data folder (default bench/data/neo4j). */
  dataDir?: string;
  log?: (msg: string) => void;
}

/**
 * The side-by-side benchmark: for each corpus size, an empty Neo4j, the synthetic corpus loaded
 * with the project's importer, then every system asked every question under the same load.
 */
export async function runBench(o: BenchOptions): Promise<BenchResults> {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const results: SizeResult[] = [];
  const dataDir = resolve(o.dataDir ?? 'bench/data/neo4j');
  for (const papers of o.sizes) {
    const bulk = papers >= (o.bulkFrom ?? 1_000_000);
    if (bulk && o.neo4j)
      throw new Error(
        `N=${papers} loads through the bulk path, which needs the managed server, not --neo4j.`,
      );
    let bulkLoad: LoadRate | null = null;
    if (bulk) {
      rmSync(dataDir, { recursive: true, force: true });
      bulkLoad = await bulkLoadCorpus(dataDir, defaultCacheDir(), papers, o.seed, log);
    }
    const server = o.neo4j ? null : await managedNeo4j(dataDir, !bulk, log);
    const target = o.neo4j ?? (server as Neo4jTarget);
    const db = new Db(createDriver(target), { database: 'neo4j', txTimeoutMs: 600_000 });
    try {
      if (o.neo4j) await deleteEverything(db);
      await applyConstraints(db);
      // The online floor first, on the fresh store; the importer then loads into the emptied one.
      const floor = bulkLoad ? null : await floorLoadCorpus(db, papers, o.seed);
      if (floor) {
        log(
          `N=${papers}: the hand-written UNWIND … MERGE floor loaded ${floor.papersPerSecond.toFixed(0)} papers/s`,
        );
        await deleteEverything(db);
        await applyConstraints(db);
      }
      const load = bulkLoad ?? (await loadCorpus(db, papers, o.seed));
      log(
        `N=${papers}: loaded ${load.papers} papers, ${load.authorships} authorships in ${load.seconds.toFixed(1)} s (${load.papersPerSecond.toFixed(0)}/s)`,
      );
      results.push({
        papers,
        load,
        ...(floor ? { floor } : {}),
        ...(await measure(o, target, await pickEntities(db), papers, log)),
      });
    } finally {
      await db.close();
      await server?.stop();
    }
  }
  const out: BenchResults = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j Community ${NEO4J_VERSION} (managed: 1 GB heap, 512 MB page cache)`,
    command: o.command,
    seconds: o.seconds,
    connections: o.connections,
    totalSeconds: (performance.now() - started) / 1000,
    sizes: results,
  };
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(resolve(o.outDir, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const md = resolve(o.outDir, 'RESULTS.md');
  // The sections after HAND_WRITTEN (why a target is missed, other measurements) are kept.
  const old = existsSync(md) ? readFileSync(md, 'utf8') : '';
  const kept = old.includes(HAND_WRITTEN) ? old.slice(old.indexOf(HAND_WRITTEN)) : '';
  writeFileSync(md, kept ? `${renderResults(out).trimEnd()}\n\n${kept}` : renderResults(out));
  return out;
}

/** Where the generated part of RESULTS.md ends; what follows is written by hand and kept by reruns. */
export const HAND_WRITTEN = '<!-- Written by hand below: npm run bench keeps it. -->';

/** The managed server on the bench's data folder: emptied first, unless the bulk path just filled it. */
async function managedNeo4j(dataDir: string, empty: boolean, log: (msg: string) => void) {
  if (empty) rmSync(dataDir, { recursive: true, force: true });
  return startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir(), log });
}

/** Starts every system, warms all of them up, then measures each question on each system. */
async function measure(
  o: BenchOptions,
  neo4j: Neo4jTarget,
  picks: Awaited<ReturnType<typeof pickEntities>>,
  papers: number,
  log: (msg: string) => void,
): Promise<Pick<SizeResult, 'runs' | 'peakRssMb'>> {
  const runs: SizeResult['runs'] = [];
  const peakRssMb = {} as Record<SystemId, number>;
  // All systems run side by side; a warm-up pass over every question and system comes first, so
  // the JVM's JIT and Neo4j's caches favour none of them by the order they are measured in.
  const running = await Promise.all(o.systems.map((id) => startSystem(id, neo4j)));
  try {
    for (const q of o.questions)
      for (const sys of running) {
        for (let i = 0; i < (o.checks ?? 16); i++) await askOnce(sys, q, picks, i);
        await drive(sys, q, picks, { connections: o.connections, seconds: o.warmup });
      }
    // Measured in a rotating order (Q1: A B C, Q2: B C A, …), so no system always goes first.
    for (const [qi, q] of o.questions.entries())
      for (const sys of running.map((_, i) => running[(i + qi) % running.length] as RunningSystem)) {
        const before = await sys.queries();
        await askOnce(sys, q, picks, 0);
        const roundTrips = (await sys.queries()) - before;
        const r = await drive(sys, q, picks, { connections: o.connections, seconds: o.seconds });
        await askOnce(sys, q, picks, 1);
        runs.push({ system: sys.id, question: q.id, roundTrips, ...r });
        log(
          `N=${papers} ${SYSTEMS[sys.id].name} ${q.id}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors, ${roundTrips} round trips`,
        );
      }
    for (const sys of running) peakRssMb[sys.id] = sys.peakRssMb();
  } finally {
    await Promise.all(running.map((sys) => sys.stop()));
  }
  return { runs, peakRssMb };
}

export { QUESTIONS, SYSTEMS };
