import type { Db } from '../driver.js';
import { NODE_LABELS, REL_TYPES } from '../schema/catalogue.js';

// Counted from Neo4j's count store, one subquery per label and type of the catalogue.

export interface Count {
  name: string;
  count: number;
}

// The labels are this module's constants, never user input; count-store lookups need them literal.
// One CALL per count: each returns exactly one row (a UNION of aggregations inside CALL returned none).
const STATS_CYPHER = [
  ...NODE_LABELS.map((l) => `CALL () { MATCH (:${l}) RETURN count(*) AS n_${l} }`),
  ...REL_TYPES.map((t) => `CALL () { MATCH ()-[:${t}]->() RETURN count(*) AS r_${t} }`),
  'RETURN *',
].join('\n');

/** Counts of every node label and relationship type in one round trip. */
export async function graphStats(db: Db): Promise<{ nodes: Count[]; relationships: Count[] }> {
  const [row = {}] = await db.read(STATS_CYPHER);
  return {
    nodes: NODE_LABELS.map((name) => ({ name, count: row[`n_${name}`] as number })),
    relationships: REL_TYPES.map((name) => ({ name, count: row[`r_${name}`] as number })),
  };
}

/** True when the database holds no node of the model (papers, authors, lists…). */
export async function isGraphEmpty(db: Db): Promise<boolean> {
  // Only the model's kinds count: Migration records and derived counters are bookkeeping.
  const [row] = await db.read(`RETURN NOT EXISTS { MATCH (n:${NODE_LABELS.join('|')}) } AS empty`);
  return row?.empty === true;
}

/** Deletes every node and relationship, in batches so a large graph does not need one huge transaction. */
export async function deleteEverything(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.write('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
    if (!row || (row.deleted as number) === 0) return;
  }
}
