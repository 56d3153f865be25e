import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/neo4j-server/ports.js';
import { neo4jTarget } from '../helpers/neo4j.js';

/** Runs `npm start`'s entry point with the given environment and returns its exit code and stderr. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((res) => child.on('exit', (code) => res({ code, stderr })));
}

/** One paragraph: a single line of text, no stack trace. */
function expectOneParagraph(stderr: string) {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('npm start with a bad environment', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'paper-graph-bad-env-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('explains a missing Java', async () => {
    const r = await start({
      JAVA_HOME: '/nonexistent/jdk',
      NEO4J_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Cannot start: Java was not found \(tried "\/nonexistent\/jdk\/bin\/java"/);
    // One paragraph with a line per way to install Java, and no stack trace.
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toContain('needs Java 17 or 21:');
    expect(lines.slice(1, 4)).toEqual([
      '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
      '  macOS: brew install openjdk@17 (then put its bin folder on the PATH, or set JAVA_HOME)',
      '  SDKMAN: sdk install java 17.0.13-tem',
    ]);
    expect(lines).toHaveLength(5);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains an unreachable NEO4J_URI', async () => {
    const r = await start({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_PASSWORD: 'x',
      PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Cannot start: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 /);
    expectOneParagraph(r.stderr);
  });

  it('explains a wrong password', async () => {
    const t = neo4jTarget();
    const r = await start({
      NEO4J_URI: t.uri,
      NEO4J_USER: t.user,
      NEO4J_PASSWORD: 'wrong-password',
      PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Cannot start: Neo4j at ${t.uri} refused the credentials for user "${t.user}"`,
    );
    expect(r.stderr).toContain('Check NEO4J_USER and NEO4J_PASSWORD.');
    expectOneParagraph(r.stderr);
  });

  it('explains a port in use', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const r = await start({ NEO4J_DATA_DIR: dataDir, PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `Cannot start: Port ${port} on 127.0.0.1 (wanted for the GraphQL server (PORT)) is already in use`,
      );
      expectOneParagraph(r.stderr);
    } finally {
      blocker.close();
    }
  });

  it('explains a malformed variable', async () => {
    const r = await start({ NEO4J_URI: 'http://127.0.0.1:7474', NEO4J_PASSWORD: 'x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Cannot start: Invalid environment: NEO4J_URI must be a neo4j:\/\//);
    expectOneParagraph(r.stderr);
  });
});
