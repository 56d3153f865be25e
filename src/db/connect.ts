import { type Config, ConfigError } from '../config.js';
import { type LocalNeo4j, startLocalNeo4j } from '../neo4j-server/server.js';
import { type Availability, createDriver, Db } from './driver.js';
import { addWriteRehearsals } from './write/rehearsals.js';

export interface Connection {
  db: Db;
  /** The managed server, when the project runs one (NEO4J_URI unset). */
  local?: LocalNeo4j;
  /** Where the data lives, for start-up messages. */
  describe: string;
  /** Closes the driver, then stops the managed server if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j: the server NEO4J_URI names, or the managed local one
 * (started, or attached to when another command of the project already runs it).
 */
export async function connect(config: Config, log: (msg: string) => void = () => {}): Promise<Connection> {
  const c = config.neo4j;
  let local: LocalNeo4j | undefined;
  let target: { uri: string; user: string; password: string };
  if (c.kind === 'external') target = c;
  else {
    local = await startLocalNeo4j({
      dataDir: c.dataDir,
      cacheDir: c.cacheDir,
      ...(c.boltPort ? { boltPort: c.boltPort } : {}),
      log,
    });
    target = local;
  }
  const db = new Db(createDriver(target), {
    database: c.database,
    txTimeoutMs: config.queryTimeoutMs,
    ...(local ? { availability: availabilityOf(local) } : {}),
  });
  addWriteRehearsals(db);
  try {
    await verify(db, target.uri, target.user, c.database);
  } catch (err) {
    await db.close();
    await local?.stop();
    throw err;
  }
  const describe = local
    ? `managed Neo4j at ${local.uri} (${local.owned ? 'started by this process' : `attached, pid ${local.javaPid}`}), data in ${local.dataDir}`
    : `Neo4j at ${target.uri}`;
  return {
    db,
    local,
    describe,
    close: async () => {
      await db.close();
      await local?.stop();
    },
  };
}

/** The managed server's supervisor knows when it is down: queries then fail at once, saying why. */
export function availabilityOf(local: LocalNeo4j): Availability {
  return {
    reason: () => {
      const h = local.health();
      return h.state === 'up' ? null : h.reason;
    },
    onDown: (listener) => local.onDown(listener),
  };
}

/** Checks that the server answers, the credentials work and the database exists; one clear error otherwise. */
async function verify(db: Db, uri: string, user: string, database: string): Promise<void> {
  try {
    await db.driver.verifyConnectivity({ database });
    await db.read('RETURN 1 AS ok');
  } catch (err) {
    throw explainDriverError(err, uri, user, database);
  }
}

/** Turns a driver error met at start-up into a one-paragraph ConfigError. */
export function explainDriverError(err: unknown, uri: string, user: string, database: string): Error {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const msg = (e.message ?? String(err)).split('\n')[0] ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code.includes('AuthenticationRateLimit')) {
    return new ConfigError(
      `Neo4j at ${uri} refused the credentials for user "${user}" (${msg}). Check NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ConfigError(`Neo4j at ${uri} has no database "${database}". Check NEO4J_DATABASE.`);
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /connect|ECONNREFUSED|ENOTFOUND/i.test(msg)
  ) {
    return new ConfigError(
      `Cannot reach Neo4j at ${uri} (${msg}). Check that the server is running and NEO4J_URI is right, or unset NEO4J_URI to use the managed local Neo4j.`,
    );
  }
  return new ConfigError(`Neo4j at ${uri} failed the start-up check: ${msg}`);
}
