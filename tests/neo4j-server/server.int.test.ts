import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, defaultCacheDir } from '../../src/config.js';
import { createDriver, Db } from '../../src/db/driver.js';
import { isAlive } from '../../src/neo4j-server/files.js';
import { freePort } from '../../src/neo4j-server/ports.js';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/neo4j-server/server.js';

const cacheDir = defaultCacheDir();

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

async function query<T>(s: LocalNeo4j, cypher: string, write = false): Promise<T[]> {
  const db = new Db(createDriver(s), { database: 'neo4j' });
  try {
    return (write ? await db.write(cypher) : await db.read(cypher)) as T[];
  } finally {
    await db.close();
  }
}

describe('the managed local Neo4j', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'paper-graph-local-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, answers Cypher, keeps data across a restart and leaves no JVM behind', async () => {
    const first = await startLocalNeo4j({ dataDir, cacheDir });
    expect(first.owned).toBe(true);
    expect(isAlive(first.javaPid)).toBe(true);
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    await query(first, "CREATE (:Probe {name: 'kept across restarts'})", true);
    await first.stop();
    expect(isAlive(first.javaPid)).toBe(false);

    const second = await startLocalNeo4j({ dataDir, cacheDir });
    try {
      expect(second.javaPid).not.toBe(first.javaPid);
      expect(second.password).toBe(first.password);
      const rows = await query<{ name: string }>(second, 'MATCH (p:Probe) RETURN p.name AS name');
      expect(rows).toEqual([{ name: 'kept across restarts' }]);
    } finally {
      await second.stop();
    }
    expect(isAlive(second.javaPid)).toBe(false);
  });

  it('listens on loopback only, with HTTP off and auth on, and keeps the password in a 0600 file', async () => {
    const conf = await readFile(join(dataDir, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toMatch(/^server\.bolt\.listen_address=127\.0\.0\.1:\d+$/m);
    expect(conf).toMatch(/^server\.http\.enabled=false$/m);
    expect(conf).toMatch(/^dbms\.security\.auth_enabled=true$/m);
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong password', async () => {
    const s = await startLocalNeo4j({ dataDir, cacheDir });
    try {
      const db = new Db(createDriver({ ...s, password: 'not-the-password' }), { database: 'neo4j' });
      await expect(db.read('RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
      await db.close();
    } finally {
      await s.stop();
    }
  });

  it('lets a second command attach to the running server instead of starting another JVM', async () => {
    const owner = await startLocalNeo4j({ dataDir, cacheDir });
    try {
      const other = await startLocalNeo4j({ dataDir, cacheDir });
      expect(other.owned).toBe(false);
      expect(other.javaPid).toBe(owner.javaPid);
      expect(other.uri).toBe(owner.uri);
      await other.stop(); // an attached handle does not stop the owner's server
      expect(await query(owner, 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await owner.stop();
    }
  });

  it('starts one JVM when two commands start at once, past a start lock left by a crashed process', async () => {
    // A crashed starter's lock: proper-lockfile's lock folder, last refreshed a minute ago.
    const lock = join(dataDir, 'neo4j-start.lock');
    await mkdir(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const [a, b] = await Promise.all([
      startLocalNeo4j({ dataDir, cacheDir }),
      startLocalNeo4j({ dataDir, cacheDir }),
    ]);
    try {
      expect([a.owned, b.owned].sort()).toEqual([false, true]);
      expect(a.javaPid).toBe(b.javaPid);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('replaces a stale server record whose process is gone', async () => {
    await writeFile(
      join(dataDir, 'server.json'),
      JSON.stringify({
        uri: 'bolt://127.0.0.1:1',
        javaPid: 2 ** 22 + 7,
        ownerPid: 1,
        version: 'x',
        startedAt: '',
      }),
    );
    const s = await startLocalNeo4j({ dataDir, cacheDir });
    try {
      expect(s.owned).toBe(true);
      const record = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8'));
      expect(record.javaPid).toBe(s.javaPid);
    } finally {
      await s.stop();
    }
  });

  it('says which port is taken instead of starting', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const start = startLocalNeo4j({ dataDir, cacheDir, boltPort: port });
      await expect(start).rejects.toThrow(ConfigError);
      await expect(start).rejects.toThrow(
        `Port ${port} on 127.0.0.1 (wanted for Neo4j Bolt) is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('stops the JVM when the process that started it is killed outright', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/start-and-hold.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /READY (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`helper exited with ${code}: ${out}`)));
    });
    expect(isAlive(javaPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntil(() => !isAlive(javaPid), 45_000)).toBe(true);
  }, 120_000);
});
