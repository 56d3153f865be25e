import { randomBytes, randomUUID } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError } from 'graphql';
import { createPubSub, createYoga, maskError, useErrorHandler, useReadinessCheck } from 'graphql-yoga';
import type { Db, RequestBookmarks } from '../db/driver.js';
import { BookmarkError, DatabaseUnavailableError, QueryTimeoutError } from '../db/errors.js';
import { createContext, type GraphPubSub } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import { ParsePool } from '../ingest/parse-pool.js';
import { LIMITS } from '../limits.js';
import { makeKeyCheck, writeGuardPlugin } from './auth.js';
import { bookmarkPlugin, bookmarkSigner } from './bookmarks.js';
import { EventsUnavailableError } from './events.js';
import { graphiqlPlugin, renderGraphiQL } from './graphiql.js';
import { armorPlugins, bodyLimitPlugin } from './limits.js';
import { createLogger, type Logger } from './logger.js';
import { PLAYGROUND_QUERY } from './playground.js';
import { staticFilesPlugin } from './static.js';

export interface AppDeps {
  db: Db;
  production?: boolean;
  /** Keys allowed to write; none means writes are off. */
  apiKeys?: readonly string[];
  logger?: Logger;
  pubsub?: GraphPubSub;
  /** Signs the bookmarks the API hands out; replicas share it (BOOKMARK_SECRET). Default: random per app. */
  bookmarkSecret?: string;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS); none: same origin only. */
  corsOrigins?: readonly string[];
  /** Where imports are read (a worker thread); default: a pool with LIMITS.importParseMs, started on first use. */
  parsePool?: ParsePool;
}

/** One id per request: the client's X-Request-Id when it sends one, else a new UUID; logged and echoed back. */
const requestIds = new WeakMap<Request, string>();
function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = request.headers.get('x-request-id')?.slice(0, 100) || randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** The error under any GraphQLError wrappers (a resolver's error can be located more than once). */
function rootCause(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e;
}

/** Errors clients should see as they are, with their code, even where other errors are masked. */
function expose(error: unknown): GraphQLError | null {
  const original = rootCause(error);
  if (original instanceof DatabaseUnavailableError) {
    return new GraphQLError('The database is unavailable right now; try again shortly.', {
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  }
  if (original instanceof QueryTimeoutError) {
    return new GraphQLError(original.message, { extensions: { code: 'QUERY_TIMEOUT' } });
  }
  if (original instanceof EventsUnavailableError) {
    return new GraphQLError(original.message, { extensions: { code: original.code } });
  }
  if (original instanceof BookmarkError) {
    const status = original.code === 'BAD_BOOKMARK' ? 400 : 503;
    return new GraphQLError(original.message, { extensions: { code: original.code, http: { status } } });
  }
  return null;
}

/** Headers a browser client on an allowed origin may send and read. */
const CORS_HEADERS = ['content-type', 'authorization', 'x-request-id', 'x-neo4j-bookmark'];

/**
 * Same origin only unless CORS_ORIGINS lists origins ("*": any, still without credentials): an
 * allowed origin is echoed alone, with no credentials, so no site a user visits can call the API
 * with that user's cookies; any other origin gets no CORS headers at all.
 */
function corsFor(origins: readonly string[]) {
  if (!origins.length) return false as const;
  const any = origins.includes('*');
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || (!any && !origins.includes(origin))) return false as const;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: CORS_HEADERS,
      exposedHeaders: ['x-request-id', 'x-neo4j-bookmark'],
    };
  };
}

/**
 * Builds the HTTP app: GraphQL (and GraphiQL) at /graphql, /health (alive) and /ready (Neo4j
 * answers). It opens no port, so tests call app.fetch().
 */
export function createApp(deps: AppDeps) {
  const production = deps.production ?? false;
  const logger = deps.logger ?? createLogger(production ? 'info' : 'warn');
  const pubsub = deps.pubsub ?? (createPubSub() as GraphPubSub);
  const keys = deps.apiKeys ?? [];
  const canWrite = makeKeyCheck(keys);
  // Each request's bookmark state, found again by the plugin that answers with it.
  const bookmarks = new WeakMap<Request, RequestBookmarks>();
  const signer = bookmarkSigner(deps.bookmarkSecret ?? randomBytes(32));
  const parsePool = deps.parsePool ?? new ParsePool();
  return createYoga<Record<string, never>>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger,
    context: ({ request }) => {
      const state = signer.read(request);
      bookmarks.set(request, state);
      return createContext(
        { db: deps.db.withBookmarks(state), pubsub, writesEnabled: keys.length > 0, parsePool },
        {
          canWrite: canWrite(request.headers.get('authorization')),
          requestId: requestIdOf(request),
        },
      );
    },
    // Never a stack, a path or a driver's message to a client, in development too: the log has
    // them, under the request id the response carries.
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => expose(error) ?? maskError(error, message, false),
    },
    cors: corsFor(deps.corsOrigins ?? []),
    graphiql: { title: 'Paper graph', defaultQuery: PLAYGROUND_QUERY },
    // GraphiQL's scripts, styles, workers and icon come from this project, never from a CDN.
    renderGraphiQL,
    plugins: [
      // Compiles each distinct document once into plain JS (measured in bench/RESULTS.md).
      // Before the JIT: an unauthenticated mutation is refused without compiling or running it.
      writeGuardPlugin(),
      useGraphQlJit(),
      graphiqlPlugin(),
      staticFilesPlugin(),
      bodyLimitPlugin(LIMITS.bodyBytes),
      ...armorPlugins(production),
      useReadinessCheck({
        endpoint: '/ready',
        // 503 with the reason when the supervisor knows Neo4j is down (restarting, or given up on).
        check: async ({ fetchAPI }) => {
          const reason = deps.db.unavailableReason();
          if (!reason) return deps.db.ping();
          return new fetchAPI.Response(JSON.stringify({ ready: false, reason }), {
            status: 503,
            headers: { 'content-type': 'application/json' },
          });
        },
      }),
      useErrorHandler(({ errors, context }) => {
        const requestId = (context as { requestId?: string }).requestId;
        for (const e of errors) {
          const original = rootCause(e);
          if (original && !(original instanceof GraphQLError)) {
            // An outage or a timeout is expected and already answered with its code; the rest is a bug.
            const expected =
              original instanceof DatabaseUnavailableError ||
              original instanceof QueryTimeoutError ||
              original instanceof EventsUnavailableError;
            logger[expected ? 'warn' : 'error'](
              { requestId, err: original, path: (e as GraphQLError).path },
              'resolver error',
            );
          }
        }
      }),
      bookmarkPlugin((request) => bookmarks.get(request), signer),
      {
        onResponse({ request, response }) {
          response.headers.set('x-request-id', requestIdOf(request));
        },
      },
    ],
  });
}

export type App = ReturnType<typeof createApp>;
