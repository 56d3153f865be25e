import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/neo4j-server/ports.js';
import { neo4jEnv } from '../helpers/neo4j.js';

describe('npm start and SIGTERM', () => {
  it('serves GraphQL, then on SIGTERM finishes the request in flight, closes the driver and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        ...neo4jEnv(),
        PORT: String(port),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const deadline = Date.now() + 60_000;
    while (!out.includes('GraphQL API') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('Writes are off: set API_KEYS to enable mutations.');
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graph(limit: 500) { nodes { id } } stats { nodes { count } } }' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).errors).toBeUndefined();
    expect(await exited).toBe(0);
    expect(out).toContain('SIGTERM: no new connections');
    expect(out).toContain('Stopped.');
  });
});
