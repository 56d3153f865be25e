import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/graphiql.js';
import { type App, createApp } from '../../src/server/yoga.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

let db: Db;
let app: App;

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
});

async function gql(query: string) {
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: await res.json() };
}

describe('the GraphQL endpoint', () => {
  it('answers stats with counts read from Neo4j', async () => {
    await db.write("CREATE (:Paper {id: 'p1'})<-[:AUTHORED {position: 0}]-(:Author {id: 'a1'})");
    const r = await gql('{ stats { nodes { name count } relationships { name count } } }');
    expect(r.status).toBe(200);
    const nodes = Object.fromEntries(
      r.body.data.stats.nodes.map((n: { name: string; count: number }) => [n.name, n.count]),
    );
    expect(nodes).toMatchObject({ Paper: 1, Author: 1, Venue: 0 });
    const rels = r.body.data.stats.relationships.find((x: { name: string }) => x.name === 'AUTHORED');
    expect(rels).toEqual({ name: 'AUTHORED', count: 1 });
  });

  it('serves GraphiQL to a browser from its own files, under a same-origin policy', async () => {
    const res = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    // Every script, style and icon of the page is a path on this server; nothing names another host.
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.map((r) => r.replace(/\?v=.*$/, ''))).toEqual([
      '/graphiql/favicon.ico',
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
      '/graphiql/boot.js',
    ]);
    expect(html).not.toMatch(/https?:\/\//);
    for (const ref of refs) {
      const asset = await app.fetch(`http://localhost${ref}`);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(100);
    }
    expect((await app.fetch('http://localhost/graphiql/nothing.js')).status).toBe(404);
  });
});
