/**
 * `npm run bench:cpu`: this API's CPU time per request, question by question, on a corpus the
 * bench left in bench/data/neo4j. On two cores shared with Neo4j and the load generator,
 * latency moves ±30 % between runs; the API process's own CPU time per request is steadier, so
 * a change to the GraphQL layer or to how it talks to Neo4j is compared with this.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/config.js';
import { createDriver, Db } from '../src/db/driver.js';
import { startLocalNeo4j } from '../src/neo4j-server/server.js';
import { askOnce, drive } from './drive.js';
import { pickEntities } from './picks.js';
import { QUESTIONS } from './questions.js';
import { startSystem } from './systems.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/data/neo4j' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '8' },
    questions: { type: 'string', default: QUESTIONS.map((q) => q.id).join(',') },
    rounds: { type: 'string', default: '2' },
  },
});
/** User + system CPU of a process, in ms (from /proc: clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) * 10;
};
const neo4j = await startLocalNeo4j({ dataDir: values.data, cacheDir: defaultCacheDir() });
const db = new Db(createDriver(neo4j), { database: 'neo4j' });
try {
  const picks = await pickEntities(db);
  const sys = await startSystem('api', neo4j);
  try {
    const questions = QUESTIONS.filter((q) => values.questions.split(',').includes(q.id));
    for (const q of questions) {
      for (let i = 0; i < 16; i++) await askOnce(sys, q, picks, i);
      await drive(sys, q, picks, { connections: Number(values.connections), seconds: 3 });
    }
    for (let round = 1; round <= Number(values.rounds); round++)
      for (const q of questions) {
        const before = cpuMs(sys.pid);
        const neo4jBefore = cpuMs(neo4j.javaPid);
        const r = await drive(sys, q, picks, {
          connections: Number(values.connections),
          seconds: Number(values.seconds),
        });
        const ms = cpuMs(sys.pid) - before;
        const neo4jMs = cpuMs(neo4j.javaPid) - neo4jBefore;
        console.log(
          `${q.id} round ${round}: ${r.requests} requests, ${(ms / r.requests).toFixed(2)} ms of this API's CPU and ${(neo4jMs / r.requests).toFixed(2)} ms of Neo4j's each, p50 ${r.p50} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors`,
        );
      }
  } finally {
    await sys.stop();
  }
} finally {
  await db.close();
  await neo4j.stop();
}
