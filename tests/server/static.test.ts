import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { staticFilesPlugin } from '../../src/server/static.js';

// A build folder with a sibling whose name starts the same way: "dist" and "dist-x".
const top = mkdtempSync(join(tmpdir(), 'paper-graph-static-'));
mkdirSync(join(top, 'dist', 'assets'), { recursive: true });
mkdirSync(join(top, 'dist-x'), { recursive: true });
writeFileSync(join(top, 'dist', 'index.html'), '<!doctype html><title>explorer</title>');
writeFileSync(join(top, 'dist', 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(top, 'dist-x', 'secret.txt'), 'not for the web');

const app = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
  plugins: [staticFilesPlugin(join(top, 'dist'))],
  logging: false,
});
const get = (path: string) => app.fetch(`http://localhost${path}`);

describe("the explorer's static files", () => {
  it('serves the front page and an asset', async () => {
    const page = await get('/');
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>explorer</title>',
    ]);
    const asset = await get('/assets/app.js');
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([
      200,
      'public, max-age=31536000, immutable',
    ]);
  });

  it('answers 400 to a path with a malformed escape, not 500', async () => {
    const r = await get('/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('not valid percent-encoding');
  });

  it('answers 404 to a path that climbs into a sibling folder', async () => {
    for (const path of ['/..%2Fdist-x/secret.txt', '/%2e%2e/dist-x/secret.txt', '/..%2F..%2Fetc%2Fpasswd']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text(), path).not.toContain('not for the web');
    }
  });
});
