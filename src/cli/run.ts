import { ConfigError, loadConfig } from '../config.js';
import { type Connection, connect } from '../db/connect.js';
import { ImportError } from '../ingest/import-list.js';

/**
 * Runs a command-line tool against the configured Neo4j (NEO4J_URI, or the managed server that
 * `npm start` runs, started here when none runs). Known errors print as one paragraph, exit 1.
 */
export async function runCli(name: string, work: (conn: Connection) => Promise<void>): Promise<void> {
  let conn: Connection | undefined;
  try {
    conn = await connect(loadConfig(), (m) => console.error(m));
    await work(conn);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ImportError) console.error(`${name}: ${err.message}`);
    else console.error(`${name} failed:`, err);
    process.exitCode = 1;
  } finally {
    await conn?.close();
  }
}
