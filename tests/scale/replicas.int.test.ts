import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/neo4j-server/ports.js';
import { TEST_KEY } from '../helpers/app.js';
import { neo4jEnv } from '../helpers/neo4j.js';
import { removeRedisDir, startRedis, type TestRedis } from '../helpers/redis.js';

// Real parts: one Neo4j, one Redis (Debian's redis-server, started here), two API processes.
let redis: TestRedis;
const replicas: Array<{ url: string; child: ChildProcess }> = [];
const auth = { authorization: `Bearer ${TEST_KEY}` };

async function startReplica(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      ...neo4jEnv(),
      PORT: String(port),
      REDIS_URL: redis.url,
      API_KEYS: TEST_KEY,
      // Replicas behind one balancer share the secret that signs bookmarks.
      BOOKMARK_SECRET: 'replicas-share-this-bookmark-secret-0123456789',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 90_000;
  while (!out.includes('GraphQL API') && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`replica exited: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(out).toContain(`graphChanged events go through Redis at ${redis.url}.`);
  return { url: `http://127.0.0.1:${port}`, child };
}

async function gql(url: string, query: string, variables = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are compared as plain JSON
  return { res, body: (await res.json()) as any };
}

/** A graphChanged subscription over server-sent events: what arrives, and how it ended. */
function subscribe(url: string) {
  const got: string[] = [];
  let ended = false;
  const ac = new AbortController();
  const done = (async () => {
    const res = await fetch(`${url}/graphql?query=subscription%7BgraphChanged%7Bkind%20ids%7D%7D`, {
      headers: { accept: 'text/event-stream' },
      signal: ac.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
        const parts = text.split('\n\n');
        text = parts.pop() ?? '';
        for (const p of parts) if (p.includes('data:')) got.push(p);
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  return {
    got,
    isEnded: () => ended,
    done,
    close: () => ac.abort(),
    /** Waits for an event containing `text`, at most `ms`. */
    async waitFor(text: string, ms: number): Promise<number> {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        if (got.some((g) => g.includes(text))) return Date.now() - t0;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no event with ${text} within ${ms} ms; got ${JSON.stringify(got)}`);
    },
  };
}

const CREATE = `mutation ($title: String!) { createPaper(input: { title: $title, year: 2024 }) {
  ... on MutationCreatePaperSuccess { data { id } } } }`;

beforeAll(async () => {
  redis = await startRedis();
  replicas.push(await startReplica(), await startReplica());
}, 180_000);
afterAll(async () => {
  for (const r of replicas) r.child.kill('SIGTERM');
  await redis.stop();
  await removeRedisDir(redis);
});

describe('two API replicas over one Neo4j and one Redis', () => {
  it('a subscriber on B hears a mutation made through A within 1 s', async () => {
    const [a, b] = replicas as unknown as [{ url: string }, { url: string }];
    // A first write warms A up (JIT, first transaction), so the time below is the event's own.
    await gql(a.url, CREATE, { title: 'Warming up replica A' }, auth);
    const sub = subscribe(b.url);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const { body } = await gql(a.url, CREATE, { title: 'Announced across replicas' }, auth);
    await sub.waitFor('paper:announced-across-replicas', 1000);
    const ms = Date.now() - t0;
    console.log(`[replicas] mutation sent to A → event at B's subscriber: ${ms} ms`);
    expect(ms).toBeLessThan(1000);
    expect(body.data.createPaper.data.id).toBe('paper:announced-across-replicas');
    sub.close();
  });

  it('a write through A then a read through B with its bookmark sees the write, 100 times out of 100', async () => {
    const [a, b] = replicas as unknown as [{ url: string }, { url: string }];
    let seen = 0;
    for (let i = 0; i < 100; i++) {
      const w = await gql(a.url, CREATE, { title: `Read your write number ${i}` }, auth);
      const bookmark = w.res.headers.get('x-neo4j-bookmark');
      expect(bookmark).toMatch(/^\S+$/);
      expect(w.body.extensions?.bookmark).toBe(bookmark);
      const r = await gql(
        b.url,
        'query ($id: ID!) { paper(id: $id) { id } }',
        { id: w.body.data.createPaper.data.id },
        {
          'x-neo4j-bookmark': bookmark as string,
        },
      );
      if (r.body.data?.paper?.id === w.body.data.createPaper.data.id) seen++;
    }
    expect(seen).toBe(100);
    const bad = await gql(
      b.url,
      '{ stats { nodes { count } } }',
      {},
      { 'x-neo4j-bookmark': 'not a bookmark!' },
    );
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors[0].message).toContain('x-neo4j-bookmark');
  });

  it('keeps reads and writes going when Redis stops, says so to subscribers, and delivers again after', async () => {
    const [a, b] = replicas as unknown as [{ url: string }, { url: string }];
    const sub = subscribe(b.url);
    await new Promise((r) => setTimeout(r, 300));
    await redis.stop();
    await sub.done; // the stream ends…
    expect(sub.got.some((g) => g.includes('Redis') && g.includes('unavailable'))).toBe(true); // …saying why
    for (const r of [a, b]) {
      const w = await gql(r.url, CREATE, { title: `Written while Redis is down via ${r.url}` }, auth);
      expect(w.body.data.createPaper.data.id).toMatch(/^paper:written-while-redis-is-down/);
      const q = await gql(r.url, '{ papers(first: 1) { totalCount } }');
      expect(q.body.data.papers.totalCount).toBeGreaterThan(0);
    }
    await redis.start();
    // ioredis reconnects within its retry delay (at most 2 s); then a new subscriber hears A again.
    let delivered = false;
    for (let attempt = 0; attempt < 20 && !delivered; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      const again = subscribe(b.url);
      await new Promise((r) => setTimeout(r, 200));
      await gql(a.url, CREATE, { title: `After Redis came back ${attempt}` }, auth);
      delivered = await again.waitFor(`after-redis-came-back-${attempt}`, 1000).then(
        () => true,
        () => false,
      );
      again.close();
    }
    expect(delivered).toBe(true);
  });
});
