import { randomUUID } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError } from 'graphql';
import { createPubSub, createYoga, maskError, useErrorHandler, useReadinessCheck } from 'graphql-yoga';
import type { Db, RequestBookmarks } from '../db/driver.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/errors.js';
import { createContext, type GraphPubSub } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import { LIMITS } from '../limits.js';
import { makeKeyCheck } from './auth.js';
import { bookmarkPlugin, bookmarksOf } from './bookmarks.js';
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

/** Errors clients should see as they are, with their code, even where other errors are masked. */
function expose(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DatabaseUnavailableError) {
    return new GraphQLError('The database is unavailable right now; try again shortly.', {
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  }
  if (original instanceof QueryTimeoutError) {
    return new GraphQLError(original.message, { extensions: { code: 'QUERY_TIMEOUT' } });
  }
  return null;
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
  return createYoga<Record<string, never>>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger,
    context: ({ request }) => {
      const state = bookmarksOf(request);
      bookmarks.set(request, state);
      return createContext(
        { db: deps.db.withBookmarks(state), pubsub, writesEnabled: keys.length > 0 },
        {
          canWrite: canWrite(request.headers.get('authorization')),
          requestId: requestIdOf(request),
        },
      );
    },
    maskedErrors: {
      isDev: !production,
      maskError: (error, message, isDev) => expose(error) ?? maskError(error, message, isDev),
    },
    graphiql: { title: 'Paper graph', defaultQuery: PLAYGROUND_QUERY },
    // GraphiQL's scripts, styles, workers and icon come from this project, never from a CDN.
    renderGraphiQL,
    plugins: [
      // Compiles each distinct document once into plain JS (measured in bench/RESULTS.md).
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
          const original = e instanceof GraphQLError ? e.originalError : e;
          if (original && !(original instanceof GraphQLError)) {
            // An outage or a timeout is expected and already answered with its code; the rest is a bug.
            const expected =
              original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError;
            logger[expected ? 'warn' : 'error'](
              { requestId, err: original, path: (e as GraphQLError).path },
              'resolver error',
            );
          }
        }
      }),
      bookmarkPlugin((request) => bookmarks.get(request)),
      {
        onResponse({ request, response }) {
          response.headers.set('x-request-id', requestIdOf(request));
        },
      },
    ],
  });
}

export type App = ReturnType<typeof createApp>;
