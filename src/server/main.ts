import { createServer } from 'node:http';
import { ConfigError, loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { assertPortFree } from '../db/local-neo4j.js';
import { prepareDatabase } from './prepare.js';
import { createApp } from './yoga.js';

/** `npm start`: connect to Neo4j (managed unless NEO4J_URI is set), prepare it, serve GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Fail on a taken HTTP port before spending seconds starting Neo4j.
  await assertPortFree(config.port, config.host, 'the GraphQL server (PORT)');
  const conn = await connect(config, (m) => console.log(m));
  let shuttingDown = false;
  const server = createServer(createApp({ db: conn.db, production: config.production }));
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: closing the HTTP server and Neo4j…`);
    await new Promise<void>((res) => server.close(() => res()));
    await conn.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await prepareDatabase(conn.db, (m) => console.log(m));
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(config.port, config.host, () => res());
    });
  } catch (err) {
    await conn.close();
    throw err;
  }
  const base = `http://${config.host}:${config.port}`;
  console.log(`Using ${conn.describe}.`);
  console.log(`GraphQL API and GraphiQL: ${base}/graphql`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Cannot start: ${err.message}`);
  else console.error('Cannot start:', err);
  process.exit(1);
});
