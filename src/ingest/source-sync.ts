import type { Db } from '../db/driver.js';
import {
  affectedBy,
  dropEmptySections,
  dropStatements,
  type Statement,
  staleStatements,
} from '../db/write/list-writes.js';
import { reinferTogether, sectionGroups } from '../db/write/topic-writes.js';

/**
 * syncSource for imports too large for one transaction: the same steps, a chunk of papers per
 * transaction (removing ten thousand papers in one ran past the transaction timeout). Each chunk
 * is whole, so a failed run leaves a consistent graph and running the import again finishes the
 * removal. The chunks infer no topics: the caller re-infers once at its end (reinferAfterBatches),
 * with the papers left in the sections these lost. Returns the papers no longer stated, the
 * deleted ones, and those of them still in the graph.
 */
export async function syncInBatches(
  db: Db,
  listId: string,
  statements: readonly Statement[],
  sectionIds: readonly string[],
  batch: number,
): Promise<{ removed: string[]; deleted: string[]; kept: string[] }> {
  const stale = await db.writeTransaction((run) => staleStatements(run, listId, statements));
  const affected = affectedBy(stale);
  const deleted: string[] = [];
  for (let i = 0; i < affected.length; i += batch) {
    const chunk = affected.slice(i, i + batch);
    deleted.push(
      ...(await db.writeTransaction((run) =>
        dropStatements(run, listId, stale, chunk, { later: new Set(chunk) }),
      )),
    );
  }
  await db.writeTransaction((run) => dropEmptySections(run, listId, sectionIds));
  const gone = new Set(deleted);
  return { removed: stale.gone, deleted, kept: affected.filter((id) => !gone.has(id)) };
}

/**
 * The one inference pass at the end of a batched import: the papers of these sections pooled by
 * section (sectionGroups), then the other papers named, a batch per transaction, each keeping the
 * pair counters in step.
 */
export async function reinferAfterBatches(
  db: Db,
  sectionIds: readonly string[],
  others: readonly string[],
  batch: number,
): Promise<void> {
  const groups = await db.writeTransaction((run) => sectionGroups(run, sectionIds, batch));
  for (const group of groups) await db.writeTransaction((run) => reinferTogether(run, group));
  const covered = new Set(groups.flat());
  const rest = others.filter((id) => !covered.has(id));
  for (let i = 0; i < rest.length; i += batch) {
    const chunk = rest.slice(i, i + batch);
    await db.writeTransaction((run) => reinferTogether(run, chunk));
  }
}
