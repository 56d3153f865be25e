import type { PubSub } from 'graphql-yoga';
import type { Db } from '../db/driver.js';
import type { ParsePool } from '../ingest/parse-pool.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What a committed mutation announces on the graphChanged subscription. */
export interface GraphChange {
  kind: string;
  ids: string[];
  at: string;
}
export type GraphPubSub = PubSub<{ graphChanged: [GraphChange] }>;

/** What every resolver sees. */
export interface Context {
  db: Db;
  loaders: Loaders;
  pubsub: GraphPubSub;
  /** This request carried a valid API key. */
  canWrite: boolean;
  /** The server has keys at all (otherwise writes are off for everyone). */
  writesEnabled: boolean;
  requestId: string;
  /** Where imports are read: a worker thread, so the event loop stays free. */
  parsePool: ParsePool;
}

export interface ContextDeps {
  db: Db;
  pubsub: GraphPubSub;
  writesEnabled: boolean;
  parsePool: ParsePool;
}

/** Builds a fresh context per request, so DataLoader caches never outlive one request. */
export function createContext(deps: ContextDeps, request: { canWrite: boolean; requestId: string }): Context {
  return {
    db: deps.db,
    loaders: createLoaders(deps.db),
    pubsub: deps.pubsub,
    writesEnabled: deps.writesEnabled,
    parsePool: deps.parsePool,
    canWrite: request.canWrite,
    requestId: request.requestId,
  };
}
