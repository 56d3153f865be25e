import type { Db } from '../driver.js';
import type { PaperNode } from '../schema/model.js';
import { EMPTY_PLAN, Projection } from '../selection/projection.js';

export interface CoCitationRow {
  paper: PaperNode;
  /** Papers in the graph that cite both. */
  count: number;
}

/**
 * The papers most often cited together with each of these papers (co-citation: how many papers
 * cite both), strongest first, then newest; one query for all the keys a GraphQL level asks for.
 * The same Cypher the look-ahead folds into a parent's query (projection.ts).
 */
export async function coCitedOf(
  db: Db,
  paperIds: readonly string[],
  first: number,
): Promise<CoCitationRow[][]> {
  const projection = new Projection();
  const coCited = projection.include('x', { kind: 'coCited', key: 'coCited', first, paper: EMPTY_PLAN });
  const rows = await db.read(
    `UNWIND $ids AS key
     MATCH (x:Paper {id: key})
     WITH key, x, ${coCited} AS coCited
     RETURN key, coCited`,
    { ...projection.params, ids: [...new Set(paperIds)] },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.coCited as CoCitationRow[]]));
  return paperIds.map((k) => byKey.get(k) ?? []);
}
