import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/config.js';
import { createDriver, Db } from '../src/db/driver.js';
import { applyConstraints } from '../src/db/schema/constraints.js';
import { startLocalNeo4j } from '../src/neo4j-server/server.js';
import { askOnce, drive } from './drive.js';
import { loadCorpus } from './load-corpus.js';
import { pickEntities } from './picks.js';
import { QUESTIONS } from './questions.js';
import { startSystem } from './systems.js';

/**
 * `npm run bench:replicas -- [--papers 1000] [--seconds 5] [--connections 8]`: Q1–Q6 against one
 * API process, then against two sharing the same Neo4j with the connections split between them
 * (what a load balancer does), and the req/s of each. On a 2-core machine that also runs Neo4j
 * and the load generator, the point is that replicas work and how they share, not a speed-up.
 */
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
  },
});
const [papers, seconds, connections] = [
  Number(values.papers),
  Number(values.seconds),
  Number(values.connections),
];
const dataDir = await mkdtemp(join(tmpdir(), 'bench-replicas-'));
const neo4j = await startLocalNeo4j({ dataDir, cacheDir: defaultCacheDir(), log: (m) => console.error(m) });
try {
  const db = new Db(createDriver(neo4j), { database: 'neo4j', txTimeoutMs: 600_000 });
  await applyConstraints(db);
  await loadCorpus(db, papers, 1);
  const picks = await pickEntities(db);
  await db.close();
  const a = await startSystem('api', neo4j);
  const b = await startSystem('api', neo4j);
  const rows: string[] = [];
  try {
    for (const q of QUESTIONS) {
      for (const sys of [a, b]) {
        for (let i = 0; i < 8; i++) await askOnce(sys, q, picks, i);
        await drive(sys, q, picks, { connections, seconds: 2 });
      }
      const one = await drive(a, q, picks, { connections, seconds });
      const [x, y] = await Promise.all([
        drive(a, q, picks, { connections: connections / 2, seconds }),
        drive(b, q, picks, { connections: connections / 2, seconds }),
      ]);
      const two = x.rps + y.rps;
      rows.push(
        `| ${q.id} | ${one.rps.toFixed(0)} | ${one.p50} | ${two.toFixed(0)} (${x.rps.toFixed(0)} + ${y.rps.toFixed(0)}) | ${Math.max(x.p50, y.p50)} | ${(two / one.rps).toFixed(2)}× | ${one.errors + x.errors + y.errors} |`,
      );
      console.error(rows.at(-1));
    }
  } finally {
    await a.stop();
    await b.stop();
  }
  console.log(
    [
      `${papers} papers, ${connections} connections, ${seconds} s a run (one replica: all ${connections} on it; two: ${connections / 2} each)`,
      '',
      '| question | 1 replica req/s | p50 ms | 2 replicas req/s | p50 ms | 2 / 1 | errors |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
} finally {
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}
