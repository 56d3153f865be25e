import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { createDriver, Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';

/** How the tests reach the Neo4j that global setup chose. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  source: string;
}

export function neo4jTarget(): Neo4jTarget {
  return inject('neo4j');
}

/** The environment that points a spawned command of this project (src/cli, src/server) at the test server. */
export function neo4jEnv(): Record<string, string> {
  const t = neo4jTarget();
  return { NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database };
}

/** A Db on the test server; the caller closes it in afterAll. */
export function testDb(): Db {
  const t = neo4jTarget();
  return new Db(createDriver(t), { database: t.database, txTimeoutMs: 30_000 });
}

/** Deletes every node and relationship, so a test file starts from an empty graph. */
export async function clearGraph(db: Db): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
}

/**
 * The usual hooks of a file that writes: one Db with the schema applied, an empty graph before each
 * test, the Db closed at the end. Returns a getter, as the Db exists only once beforeAll has run.
 */
export function cleanGraphEachTest(): () => Db {
  let db: Db | undefined;
  beforeAll(async () => {
    db = testDb();
    await applyConstraints(db);
  });
  beforeEach(async () => {
    await clearGraph(db as Db);
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => db as Db;
}
