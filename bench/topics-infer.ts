/**
 * `npm run bench:topics [-- --papers 100000] [--seed 1] [--data-dir /tmp/bench-topics] [--keep]
 * [--runs dry,real,cleared] [--quiet-below 1.0] [--quiet-wait 900] [--cpu-prof DIR]`: the issue
 * "topics:infer on 100,000 papers finishes in under 2 minutes". The synthetic corpus
 * (bench/corpus.ts: every paper in one of the seed taxonomy's sections of one list) goes through
 * the bulk path into a fresh managed Neo4j on a scratch data folder; then `reinferAll`
 * (src/topics/reinfer.ts) is timed, each run in a child process of its own so its peak RSS is
 * its own: a dry run, then for real on the graph as loaded, then for real again after every
 * inferred assignment is deleted (so each one is added). Before each run it waits for the
 * 1-minute load average to drop below --quiet-below, and it reports the CPU other processes used
 * during the run. Each run's statements are timed by kind through a wrapper around the Db (src/
 * is not touched), so the read, score and write phases show. The server is stopped, and the data
 * folder removed unless --keep, at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/config.js';
import { createDriver, Db, type Runner } from '../src/db/driver.js';
import { recountTopicPairs } from '../src/db/schema/topic-pairs.js';
import { bulkImport } from '../src/ingest/bulk/bulk-import.js';
import type { SectionRecord } from '../src/ingest/records.js';
import { loadTaxonomy } from '../src/ingest/taxonomy.js';
import { watchPeakRss } from '../src/neo4j-server/peak-rss.js';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j-server/server.js';
import { activeModel } from '../src/topics/infer.js';
import { taxonomyDigest } from '../src/topics/model.js';
import { reinferAll } from '../src/topics/reinfer.js';
import { corpusChunks } from './corpus.js';

const TARGET_SECONDS = 120;
const USAGE =
  'usage: npm run bench:topics -- [--papers 100000] [--seed 1] [--data-dir /tmp/bench-topics] [--keep] [--runs dry,real,cleared] [--cpu-prof DIR] [--quiet-below 1.0] [--quiet-wait 900]';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string', default: '/tmp/bench-topics' },
    keep: { type: 'boolean', default: false },
    runs: { type: 'string', default: 'dry,real,cleared' },
    'cpu-prof': { type: 'string' },
    'quiet-below': { type: 'string', default: '1.0' },
    'quiet-wait': { type: 'string', default: '900' },
    // Internal: the timed run, in its own process (see main).
    child: { type: 'string' },
  },
});

/**
 * dry: a dry run; real: for real, on the graph as the bulk path left it (its inferred topics
 * already there); cleared: for real after every INFERRED assignment is deleted and the pair
 * counters recounted (not timed), so every assignment is added.
 */
type Mode = 'dry' | 'real' | 'cleared';
const MODES: Mode[] = ['dry', 'real', 'cleared'];
const LABEL: Record<Mode, string> = {
  dry: 'dry run',
  real: 'for real',
  cleared: 'for real, from no inferred topics',
};
type Phase = 'ids' | 'read' | 'pairs' | 'write' | 'other' | 'begin' | 'commit';
interface RunResult {
  mode: Mode;
  papers: number;
  seconds: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  model: string;
  refitted: boolean;
  /** Seconds awaiting Neo4j per kind of statement (transfer and decoding included). */
  db: Record<Phase, number>;
  /** Wall seconds of the first pass (section means) and the second (infer, write). */
  pass1: number;
  pass2: number;
  /** Wall time not spent awaiting Neo4j: this process's scoring, tallying, parameter building. */
  jsSeconds: { pass1: number; pass2: number };
  statements: number;
  nodeCpuSeconds: number;
  /** CPU seconds of the Neo4j JVM, and of everything else on the machine, in the timed window. */
  neo4jCpuSeconds: number;
  otherCpuSeconds: number;
  peakRssMb: number;
}

const kindOf = (cypher: string): Phase =>
  cypher.includes('WHERE p.id > $last')
    ? 'ids'
    : cypher.includes('RETURN p.id AS id, p.title AS title')
      ? 'read'
      : cypher.includes('MERGE (x:TopicPair')
        ? 'pairs'
        : cypher.includes('MERGE (n:Topic') || cypher.includes("CREATE (p)-[:ABOUT {source: 'INFERRED'")
          ? 'write'
          : 'other';

/** The child: one timed reinferAll against the server named in the environment. */
async function child(mode: Mode): Promise<void> {
  const taxonomy = loadTaxonomy();
  const m = activeModel();
  // A re-fit would write seed/topic-model.json; a benchmark must not change the project's files.
  if (!m || m.model.taxonomy !== taxonomyDigest(taxonomy))
    throw new Error(
      'seed/topic-model.json was not fitted for the current taxonomy, so reinferAll would re-fit and overwrite it; run `npm run topics:train` first.',
    );
  const db = new Db(
    createDriver({
      uri: process.env.BENCH_NEO4J_URI as string,
      user: process.env.BENCH_NEO4J_USER as string,
      password: process.env.BENCH_NEO4J_PASSWORD as string,
    }),
    { database: 'neo4j', txTimeoutMs: 600_000 },
  );
  const dbTime: Record<Phase, number> = {
    ids: 0,
    read: 0,
    pairs: 0,
    write: 0,
    other: 0,
    begin: 0,
    commit: 0,
  };
  let statements = 0;
  let pass1End = 0;
  let dbInPass1 = 0;
  const timed =
    (run: Runner): Runner =>
    async (cypher, params) => {
      const kind = kindOf(cypher);
      const t = performance.now();
      const rows = await run(cypher, params);
      dbTime[kind] += (performance.now() - t) / 1000;
      statements++;
      // The first pass ends when the id query finds no more papers (and its empty read returns).
      if (kind === 'ids' && rows.length === 0 && !pass1End) pass1End = -1;
      else if (pass1End === -1) {
        pass1End = performance.now();
        dbInPass1 = Object.values(dbTime).reduce((a, b) => a + b, 0);
      }
      return rows;
    };
  const view = Object.create(db) as Db;
  view.read = (cypher, params) => timed((c, p) => db.read(c, p))(cypher, params);
  view.writeTransaction = async (work, opts) => {
    const called = performance.now();
    let started = 0;
    let finished = 0;
    const out = await db.writeTransaction(async (run) => {
      started = performance.now();
      const r = await work(timed(run));
      finished = performance.now();
      return r;
    }, opts);
    dbTime.begin += (started - called) / 1000;
    dbTime.commit += (performance.now() - finished) / 1000;
    return out;
  };
  try {
    const javaPid = Number(process.env.BENCH_JAVA_PID);
    const jvm0 = cpuSeconds(javaPid);
    const busy0 = machineBusySeconds();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let lastPrint = 0;
    const s = await reinferAll(view, taxonomy, {
      dryRun: mode === 'dry',
      onBatch: (n) => {
        if (performance.now() - lastPrint > 5000) {
          lastPrint = performance.now();
          process.stderr.write(`  ${mode}: ${n} papers, ${((lastPrint - t0) / 1000).toFixed(1)} s\n`);
        }
      },
    });
    const end = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const jvm = cpuSeconds(javaPid) - jvm0;
    const busy = machineBusySeconds() - busy0;
    const dbAll = Object.values(dbTime).reduce((a, b) => a + b, 0);
    const p1 = pass1End > 0 ? (pass1End - t0) / 1000 : 0;
    const result: RunResult = {
      mode,
      papers: s.papers,
      seconds: (end - t0) / 1000,
      added: s.added,
      removed: s.removed,
      changed: s.changed,
      unchanged: s.unchanged,
      model: s.model,
      refitted: !!s.refitted,
      db: dbTime,
      pass1: p1,
      pass2: (end - t0) / 1000 - p1,
      jsSeconds: { pass1: p1 - dbInPass1, pass2: (end - t0) / 1000 - p1 - (dbAll - dbInPass1) },
      statements,
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      neo4jCpuSeconds: jvm,
      otherCpuSeconds: Math.max(0, busy - jvm - (cpu.user + cpu.system) / 1e6),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

/**
 * The generated corpus through the bulk path (src/ingest/bulk/bulk-import.ts), as
 * bench/load-corpus.ts's bulkLoadCorpus does it but with the list's sections on every chunk:
 * corpusChunks gives them with the first chunk only, and the bulk path resolves a paper's
 * section within its own document, so there only the first 10,000 papers end up LISTED_IN a
 * section (the others have no section, no stated topic, nothing to pool with).
 */
async function loadCorpus(dataDir: string, papers: number, seed: number, log: (m: string) => void) {
  let sections: SectionRecord[] = [];
  const documents = (function* () {
    for (const parsed of corpusChunks(papers, seed)) {
      if (parsed.sections.length) sections = parsed.sections;
      yield {
        parsed: { ...parsed, sections },
        listName: 'optimizer-papers-analysis',
        format: 'md' as const,
        part: false,
      };
    }
  })();
  const s = await bulkImport(
    { kind: 'managed', dataDir, cacheDir: defaultCacheDir(), database: 'neo4j' },
    [{ documents }],
    loadTaxonomy(),
    { log },
  );
  return {
    papers: s.counts.papers,
    seconds: s.seconds.total,
    papersPerSecond: s.counts.papers / s.seconds.total,
  };
}

/** CPU seconds the whole machine has been busy (all cores; Linux /proc/stat, 0 elsewhere). */
function machineBusySeconds(): number {
  try {
    const [, ...f] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
  } catch {
    return 0;
  }
}

/**
 * Waits (at most `maxSeconds`) until the 1-minute load average is below `below`, so another
 * engineer's tests do not share the cores with the timed run; says how long it waited.
 */
async function waitQuiet(below: number, maxSeconds: number, log: (m: string) => void): Promise<void> {
  const t0 = performance.now();
  let said = false;
  while ((loadavg()[0] as number) >= below && performance.now() - t0 < maxSeconds * 1000) {
    if (!said) log(`load average ${loadavg()[0]?.toFixed(2)} ≥ ${below}: waiting for a quiet machine`);
    said = true;
    await new Promise((r) => setTimeout(r, 5000));
  }
  if (said)
    log(
      `waited ${((performance.now() - t0) / 1000).toFixed(0)} s; load average now ${loadavg()[0]?.toFixed(2)}`,
    );
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Runs one timed reinferAll in a child process; its result, the JVM's CPU and peak RSS alongside. */
async function timedRun(server: LocalNeo4j, mode: Mode) {
  const load = loadavg()[0] as number;
  const jvmPeak = watchPeakRss(server.javaPid);
  const proc = spawn(
    process.execPath,
    [
      ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      mode,
    ],
    {
      env: {
        ...process.env,
        BENCH_NEO4J_URI: server.uri,
        BENCH_NEO4J_USER: server.user,
        BENCH_NEO4J_PASSWORD: server.password,
        BENCH_JAVA_PID: String(server.javaPid),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  running = proc;
  let out = '';
  proc.stdout.on('data', (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((r) => proc.on('exit', r));
  running = null;
  const neo4jPeakRssMb = jvmPeak();
  const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (code !== 0 || !line) throw new Error(`the ${mode} run exited with ${code}:\n${out}`);
  return {
    ...(JSON.parse(line.slice('BENCH_RESULT '.length)) as RunResult),
    neo4jPeakRssMb,
    loadBefore: load,
    loadAfter: loadavg()[0] as number,
  };
}

let running: ReturnType<typeof spawn> | null = null;

async function main(): Promise<void> {
  const papers = Number(values.papers);
  const seed = Number(values.seed);
  const runs = values.runs.split(',') as Mode[];
  if (!Number.isInteger(papers) || papers < 10 || papers > 1_000_000 || !Number.isInteger(seed))
    throw new Error(`--papers takes a whole number from 10 to 1000000 and --seed a whole number.\n${USAGE}`);
  if (!runs.length || runs.some((r) => !MODES.includes(r)))
    throw new Error(`--runs takes ${MODES.join(', ')}, comma-separated.\n${USAGE}`);
  const dataDir = resolve(values['data-dir']);
  // Only ever empty a folder that is empty or a managed data folder (never someone's files).
  if (
    existsSync(dataDir) &&
    readdirSync(dataDir).length &&
    !existsSync(resolve(dataDir, 'conf', 'neo4j.conf'))
  )
    throw new Error(`${dataDir} is not empty and not a managed Neo4j data folder; pick another --data-dir.`);
  const log = (m: string) => console.error(`[bench:topics ${new Date().toISOString().slice(11, 19)}] ${m}`);
  rmSync(dataDir, { recursive: true, force: true });

  let server: LocalNeo4j | null = null;
  const stop = async () => {
    running?.kill('SIGTERM');
    await server?.stop();
    server = null;
    if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      log(`${sig}: stopping the server`);
      void stop().finally(() => process.exit(130));
    });
  try {
    log(`loading ${papers} synthetic papers (seed ${seed}) through the bulk path into ${dataDir}`);
    const load = await loadCorpus(dataDir, papers, seed, log);
    log(
      `loaded ${load.papers} papers in ${load.seconds.toFixed(1)} s (${load.papersPerSecond.toFixed(0)}/s)`,
    );
    server = await startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir(), log });
    const db = new Db(createDriver(server), { database: 'neo4j', txTimeoutMs: 600_000 });
    const graph = async () =>
      (
        await db.read(
          `CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
           CALL () { MATCH ()-[a:ABOUT {source: 'INFERRED'}]->() RETURN count(a) AS inferred }
           CALL () { MATCH ()-[a:ABOUT]->() WHERE a.source <> 'INFERRED' RETURN count(a) AS stated }
           CALL () { MATCH (p:Paper) WHERE (p)-[:LISTED_IN]->(:Section) RETURN count(p) AS inSections }
           CALL () { MATCH (x:TopicPair) WHERE size(split(x.id, ' ')) = 2 AND split(x.id, ' ')[0] = split(x.id, ' ')[1]
                     RETURN sum(reduce(s = 0, n IN x.byGrade | s + n)) AS selfPairs }
           RETURN papers, inferred, stated, inSections, selfPairs`,
        )
      )[0] as { papers: number; inferred: number; stated: number; inSections: number; selfPairs: number };
    const before = await graph();
    log(
      `graph: ${before.papers} papers (${before.inSections} in sections), ${before.stated} stated and ${before.inferred} inferred ABOUT, pair counters over ${before.selfPairs} assignments`,
    );
    // Warm the page cache the same way for both runs: one pass over what reinferAll reads.
    const w0 = performance.now();
    await db.read(
      `MATCH (p:Paper) OPTIONAL MATCH (p)-[r]->() RETURN count(p) + count(r) + sum(size(coalesce(p.title, ''))) AS n`,
    );
    log(
      `warm-up read of every paper and its relationships: ${((performance.now() - w0) / 1000).toFixed(1)} s`,
    );

    const results = [];
    for (const mode of runs) {
      if (mode === 'cleared') {
        const t = performance.now();
        await db.write("MATCH ()-[a:ABOUT {source: 'INFERRED'}]->() DELETE a");
        await recountTopicPairs(db);
        log(
          `deleted every INFERRED assignment and recounted the pair counters (${((performance.now() - t) / 1000).toFixed(1)} s, not timed)`,
        );
      }
      await waitQuiet(Number(values['quiet-below']), Number(values['quiet-wait']), log);
      log(`timing reinferAll (${LABEL[mode]}), load average ${loadavg()[0]?.toFixed(2)}`);
      const r = await timedRun(server, mode);
      results.push(r);
      const db2 = r.db;
      log(
        `${mode}: ${r.papers} papers in ${r.seconds.toFixed(1)} s = ${(r.papers / r.seconds).toFixed(0)} papers/s; ` +
          `${r.added} assignments added, ${r.removed} removed, ${r.changed} changed, ${r.unchanged} unchanged; ` +
          `peak RSS ${r.peakRssMb.toFixed(0)} MB (Neo4j JVM since its start ${r.neo4jPeakRssMb.toFixed(0)} MB)`,
      );
      log(
        `  pass 1 (section means) ${r.pass1.toFixed(1)} s: JS ${r.jsSeconds.pass1.toFixed(1)} s; ` +
          `pass 2 ${r.pass2.toFixed(1)} s: JS ${r.jsSeconds.pass2.toFixed(1)} s; ` +
          `Neo4j: ids ${db2.ids.toFixed(1)} s, read ${db2.read.toFixed(1)} s, pair counters ${db2.pairs.toFixed(1)} s, ` +
          `write ${db2.write.toFixed(1)} s, begin ${db2.begin.toFixed(1)} s, commit ${db2.commit.toFixed(1)} s, other ${db2.other.toFixed(1)} s; ` +
          `${r.statements} statements; CPU: node ${r.nodeCpuSeconds.toFixed(1)} s, Neo4j ${r.neo4jCpuSeconds.toFixed(1)} s, other processes ${r.otherCpuSeconds.toFixed(1)} s; ` +
          `load average ${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)}`,
      );
    }
    const after = await graph();
    log(
      `graph after: ${after.stated} stated and ${after.inferred} inferred ABOUT, pair counters over ${after.selfPairs} assignments (${after.selfPairs === after.stated + after.inferred ? 'consistent' : 'INCONSISTENT'})`,
    );
    await db.close();
    const summary = {
      date: new Date().toISOString(),
      papers,
      seed,
      load,
      before,
      after,
      targetSeconds: TARGET_SECONDS,
      runs: results.map((r) => ({
        ...r,
        papersPerSecond: r.papers / r.seconds,
        met: r.seconds < TARGET_SECONDS,
      })),
    };
    console.log(JSON.stringify(summary, null, 2));
    for (const r of summary.runs)
      console.log(
        `${LABEL[r.mode]}: ${r.papers} papers, ${r.seconds.toFixed(1)} s, ${r.papersPerSecond.toFixed(0)} papers/s, ${r.added} assignments added, peak RSS ${r.peakRssMb.toFixed(0)} MB — < ${TARGET_SECONDS} s ${r.met ? 'met' : `missed by ${(r.seconds - TARGET_SECONDS).toFixed(1)} s`}`,
      );
  } finally {
    await stop();
  }
}

if (values.child) await child(values.child as Mode);
else
  await main().catch((err: Error) => {
    console.error(`bench:topics: ${err.message}`);
    process.exitCode = 1;
  });
