import type { Db } from '../../src/db/driver.js';
import { graphStats } from '../../src/db/read/stats.js';

/** Every node label and relationship type with its count, as one flat object to compare whole. */
export async function counts(db: Db): Promise<Record<string, number>> {
  const s = await graphStats(db);
  return Object.fromEntries([...s.nodes, ...s.relationships].map((c) => [c.name, c.count]));
}
