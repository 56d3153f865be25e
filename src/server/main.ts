import { createServer } from 'node:http';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { ParsePool } from '../ingest/parse-pool.js';
import { assertPortFree } from '../neo4j-server/ports.js';
import { localEvents, redisEvents } from './events.js';
import { createLogger } from './logger.js';
import { prepareDatabase } from './prepare.js';
import { createApp } from './yoga.js';

/** How long SIGTERM waits for in-flight requests before closing their connections. */
const DRAIN_MS = 10_000;

/** `npm start`: connect to Neo4j (managed unless NEO4J_URI is set), prepare it, serve GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Fail on a taken HTTP port before spending seconds starting Neo4j.
  await assertPortFree(config.port, config.host, 'the GraphQL server (PORT)');
  const conn = await connect(config, (m) => console.log(m));
  const logger = createLogger(config.logLevel);
  // With REDIS_URL, graphChanged crosses API replicas; without it, events stay in this process.
  const events = config.redisUrl ? redisEvents(config.redisUrl, logger) : localEvents();
  // The import worker starts with the first import (a bundled file: ~0.1 s) and ends after a
  // minute idle, so a server that only answers queries does not hold its ~60 MB.
  const parsePool = new ParsePool();
  const app = createApp({
    parsePool,
    db: conn.db,
    production: config.production,
    apiKeys: config.apiKeys,
    logger,
    pubsub: events.pubsub,
    corsOrigins: config.corsOrigins,
    ...(config.bookmarkSecret ? { bookmarkSecret: config.bookmarkSecret } : {}),
  });
  const server = createServer((req, res) => {
    // A body without a length could bypass the size limit, so streamed uploads are refused.
    if (req.method === 'POST' && !req.headers['content-length']) {
      res.writeHead(411, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'Content-Length is required.', extensions: { code: 'LENGTH_REQUIRED' } }],
        }),
      );
      return;
    }
    void app(req, res);
  });
  // close-with-grace: SIGINT/SIGTERM and uncaught errors all drain the same way; a second signal
  // exits at once; past the delay the process exits 1 rather than hang.
  closeWithGrace({ delay: DRAIN_MS + 5_000 }, async ({ signal, err }) => {
    if (err) console.error('Stopping after an unexpected error:', err);
    console.log(
      `${signal ?? 'Error'}: no new connections; finishing requests in flight (at most ${DRAIN_MS / 1000} s)…`,
    );
    const closed = new Promise<void>((res) => server.close(() => res()));
    // Keep-alive connections go idle as their last response ends; close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearInterval(idle);
    clearTimeout(timer);
    await events.close();
    await parsePool.close();
    await conn.close();
    console.log('Stopped.');
  });
  try {
    await prepareDatabase(conn.db, (m) => console.log(m));
    // The first writes are not the ones that pay a cold server's first runs (best effort).
    const failed = await conn.db.rehearse();
    if (failed) logger.warn({ failed }, 'some write rehearsals failed before serving');
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(config.port, config.host, () => res());
    });
  } catch (err) {
    await events.close();
    await conn.close();
    throw err;
  }
  const base = `http://${config.host}:${config.port}`;
  console.log(`Using ${conn.describe}.`);
  if (config.redisUrl) console.log(`graphChanged events go through Redis at ${config.redisUrl}.`);
  if (config.redisUrl && !config.bookmarkSecret)
    console.log('BOOKMARK_SECRET is not set: a bookmark from this replica is refused by the others.');
  console.log(
    config.apiKeys.length
      ? `Writes are on for ${config.apiKeys.length} API key(s) (Authorization: Bearer <key>).`
      : 'Writes are off: set API_KEYS to enable mutations.',
  );
  console.log(`GraphQL API and GraphiQL: ${base}/graphql   health: ${base}/health   ready: ${base}/ready`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Cannot start: ${err.message}`);
  else console.error('Cannot start:', err);
  process.exit(1);
});
