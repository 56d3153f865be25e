import { applyConstraints } from '../db/constraints.js';
import type { Db } from '../db/driver.js';

/** Start-up work on the database: constraints and indexes (idempotent). */
export async function prepareDatabase(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  await applyConstraints(db);
  log('Constraints and indexes are in place.');
}
