import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/neo4j-server/ports.js';

/** A real redis-server (Debian's) on a free loopback port with its own folder; REDIS_URL skips it. */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const answers = (port: number) =>
  new Promise<boolean>((res) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => {
      s.write('PING\r\n');
    });
    s.once('data', (d) => {
      res(d.toString().startsWith('+PONG'));
      s.destroy();
    });
    s.once('error', () => res(false));
  });

export async function startRedis(): Promise<TestRedis> {
  if (process.env.REDIS_URL)
    return { url: process.env.REDIS_URL, stop: async () => {}, start: async () => {} };
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'paper-graph-redis-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100; i++) {
      if (await answers(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      await stop();
    },
    // The folder goes with the last stop (see afterAll in the tests).
    ...{ dir },
  } as TestRedis;
}

export const removeRedisDir = (r: TestRedis) =>
  rm((r as TestRedis & { dir?: string }).dir ?? '', { recursive: true, force: true });
