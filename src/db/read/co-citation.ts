import type { Db } from '../driver.js';
import type { PaperNode } from '../schema/model.js';
import { NEWEST_FIRST } from '../schema/sort-keys.js';

export interface CoCitationRow {
  paper: PaperNode;
  /** Papers in the graph that cite both. */
  count: number;
}

/**
 * The papers most often cited together with each of these papers (co-citation: how many papers
 * cite both), strongest first, then newest; one query for all the keys a GraphQL level asks for.
 */
export async function coCitedOf(
  db: Db,
  paperIds: readonly string[],
  first: number,
): Promise<CoCitationRow[][]> {
  const rows = await db.read(
    `UNWIND $ids AS key
     MATCH (p:Paper {id: key})
     RETURN key, COLLECT {
       MATCH (p)<-[:CITES]-(c:Paper)-[:CITES]->(o:Paper) WHERE o <> p
       WITH o, count(c) AS n ORDER BY n DESC, ${NEWEST_FIRST('o')} LIMIT $first
       RETURN {count: n, paper: properties(o)}
     } AS coCited`,
    { ids: [...new Set(paperIds)], first },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.coCited as CoCitationRow[]]));
  return paperIds.map((k) => byKey.get(k) ?? []);
}
