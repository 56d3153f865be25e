import type { Db } from '../db/driver.js';

/** What every resolver sees: the database gateway for this process. Loaders hang off it per request. */
export interface Context {
  db: Db;
}

/** Builds a fresh context per request, so DataLoader caches never outlive one request. */
export function createContext(db: Db): Context {
  return { db };
}
