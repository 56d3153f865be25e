import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { type App, createApp } from '../../src/server/yoga.js';
import { clearGraph, testDb } from './neo4j.js';

export interface GqlResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are compared as plain JSON
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Gql = (
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GqlResult>;

export interface SeededApp {
  db: Db;
  app: App;
  gql: Gql;
}

/** The API key the test apps accept. */
export const TEST_KEY = 'test-key-0123456789abcdef';

/** Sends one GraphQL POST to an app without opening a port. */
export function gqlFor(app: App): Gql {
  return async (query, variables = {}, headers = {}) => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...(await res.json()) } as GqlResult;
  };
}

/** A fresh graph holding exactly the seed, and the app over it (writes allowed with TEST_KEY). */
export async function seededApp(opts: { production?: boolean; apiKeys?: string[] } = {}): Promise<SeededApp> {
  const db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  await loadSeed(db);
  const app = createApp({ db, apiKeys: opts.apiKeys ?? [TEST_KEY], production: opts.production ?? false });
  return { db, app, gql: gqlFor(app) };
}
