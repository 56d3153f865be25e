import { ConfigError, loadConfig } from '../config.js';
import { type Connection, connect } from '../db/connect.js';
import { QueryTimeoutError } from '../db/errors.js';
import { ImportError } from '../ingest/import-list.js';

/**
 * Runs a command-line tool against the configured Neo4j (NEO4J_URI, or the managed server that
 * `npm start` runs, started here when none runs). Known errors print as one paragraph, exit 1.
 */
export async function runCli(name: string, work: (conn: Connection) => Promise<void>): Promise<void> {
  let conn: Connection | undefined;
  let timeoutMs = 0;
  try {
    const config = loadConfig();
    timeoutMs = config.queryTimeoutMs;
    conn = await connect(config, (m) => console.error(m));
    await work(conn);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ImportError) console.error(`${name}: ${err.message}`);
    else if (err instanceof QueryTimeoutError)
      console.error(
        `${name}: a transaction ran past the ${timeoutMs / 1000} s transaction timeout and was rolled back, so it wrote nothing; QUERY_TIMEOUT_MS raises the timeout.`,
      );
    else console.error(`${name} failed:`, err);
    process.exitCode = 1;
  } finally {
    await conn?.close();
  }
}
