import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../src/neo4j-server/ports.js';

export type SystemId = 'api' | 'neo4j-graphql' | 'cypher';

export const SYSTEMS: Record<SystemId, { name: string; entry: string }> = {
  api: { name: 'this API', entry: 'src/server/main.ts' },
  'neo4j-graphql': { name: '@neo4j/graphql', entry: 'bench/systems/neo4j-graphql-server.ts' },
  cypher: { name: 'hand-written Cypher', entry: 'bench/systems/cypher-server.ts' },
};

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
}

/** A system under test, running as its own Node process on a loopback port. */
export interface RunningSystem {
  id: SystemId;
  url: string;
  pid: number;
  /** Cypher statements the process has sent to Neo4j so far (counted by count-queries.ts). */
  queries(): Promise<number>;
  /** Peak resident memory of the process so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Node's flags in `npm start` (package.json), so this API is measured as it is run. */
export const START_FLAGS: string[] = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .filter((w) => w.startsWith('--'));

export async function startSystem(id: SystemId, neo4j: Neo4jTarget): Promise<RunningSystem> {
  const port = await freePort();
  const child = fork(SYSTEMS[id].entry, [], {
    execArgv: [
      // BENCH_API_FLAGS: more flags for this API only, to profile it ("--cpu-prof --cpu-prof-dir=…").
      ...(id === 'api'
        ? [...START_FLAGS, ...(process.env.BENCH_API_FLAGS?.split(/\s+/).filter(Boolean) ?? [])]
        : []),
      '--import',
      'tsx',
      '--import',
      './bench/systems/count-queries.ts',
    ],
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, () => stderr);
  return {
    id,
    url,
    pid: child.pid as number,
    queries: () => ask(child),
    peakRssMb: () => {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : Number.NaN;
    },
    stop: () => stop(child),
  };
}

async function waitForHttp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}: ${stderr()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within 60 s: ${stderr()}`);
}

function ask(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no query count from the system under test')), 5000);
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && 'queries' in m) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve((m as { queries: number }).queries);
      }
    };
    child.on('message', onMessage);
    child.send('queries');
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
