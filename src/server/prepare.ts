import type { Db } from '../db/driver.js';
import { isGraphEmpty } from '../db/read/stats.js';
import { applyConstraints } from '../db/schema/constraints.js';
import { loadSeed } from '../ingest/seed.js';

/** Start-up work on the database: constraints and indexes (idempotent), then the seed if the graph is empty. */
export async function prepareDatabase(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  await applyConstraints(db);
  log('Constraints and indexes are in place.');
  if (await isGraphEmpty(db)) {
    const loaded = await loadSeed(db);
    const papers = loaded.reduce((n, s) => n + s.papers.created, 0);
    log(`The database was empty: loaded the seed (${loaded.length} lists, ${papers} papers).`);
  }
}
