import { applyConstraints } from '../../src/db/constraints.js';
import type { Db } from '../../src/db/driver.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { type App, createApp } from '../../src/server/yoga.js';
import { clearGraph, testDb } from './neo4j.js';

export interface GqlResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are compared as plain JSON
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface SeededApp {
  db: Db;
  app: App;
  gql(query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
}

/** A fresh graph holding exactly the seed, and the app over it; no port is opened. */
export async function seededApp(): Promise<SeededApp> {
  const db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  await loadSeed(db);
  const app = createApp({ db });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...(await res.json()) } as GqlResult;
  };
  return { db, app, gql };
}
