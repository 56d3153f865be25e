import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/config.js';
import { createDriver, Db } from '../src/db/driver.js';
import { watchPeakRss } from '../src/neo4j-server/peak-rss.js';
import { startLocalNeo4j } from '../src/neo4j-server/server.js';

/**
 * `npm run bench:import -- <works.jsonl.gz>`: imports an OpenAlex JSON Lines file with
 * `npm run import` into a fresh managed Neo4j (started first, so its start-up is not timed) and
 * reports the import process's wall time, works a second and peak RSS (VmHWM, polled).
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { heap: { type: 'string', default: '2g' }, 'page-cache': { type: 'string', default: '1g' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run bench:import -- <works.jsonl.gz> [--heap 2g] [--page-cache 1g]');
  process.exit(2);
}
const dataDir = await mkdtemp(join(tmpdir(), 'bench-openalex-'));
const neo4j = await startLocalNeo4j({
  dataDir,
  cacheDir: defaultCacheDir(),
  heap: values.heap,
  pageCache: values['page-cache'],
  log: (m) => console.error(m),
});
try {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], {
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const peakRss = watchPeakRss(child.pid);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const peakRssMb = peakRss();
  const seconds = (performance.now() - t0) / 1000;
  console.log(out.trim());
  if (code !== 0) throw new Error(`import exited with ${code}`);
  const db = new Db(createDriver(neo4j), { database: 'neo4j' });
  const [row] = await db.read(
    `CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
     CALL () { MATCH (a:Author) RETURN count(a) AS authors }
     CALL () { MATCH ()-[c:CITES]->() RETURN count(c) AS cites }
     CALL () { MATCH (r:Ref) RETURN count(r) AS pending }
     RETURN papers, authors, cites, pending`,
  );
  await db.close();
  const works = Number(row?.papers ?? 0);
  console.log(
    `\n${file} (${(statSync(file).size / 1e6).toFixed(1)} MB): ${works} papers, ${row?.authors} authors, ${row?.cites} citations, ${row?.pending} pending references` +
      `\nimport: ${seconds.toFixed(1)} s, ${(works / seconds).toFixed(0)} works/s, peak RSS of the import process ${peakRssMb.toFixed(0)} MB`,
  );
} finally {
  await neo4j.stop();
  await rm(dataDir, { recursive: true, force: true });
}
