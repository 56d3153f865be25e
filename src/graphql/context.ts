import type { Db } from '../db/driver.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver sees: the database gateway and this request's loaders. */
export interface Context {
  db: Db;
  loaders: Loaders;
}

/** Builds a fresh context per request, so DataLoader caches never outlive one request. */
export function createContext(db: Db): Context {
  return { db, loaders: createLoaders(db) };
}
