import { listId } from '../../domain/normalize.js';
import type { Db } from '../driver.js';

/**
 * Ids of papers a source (list or file) states, at most `limit`, newest first: what a client
 * redraws after an import of that source (the graphChanged event names them).
 */
export async function papersOfSource(db: Db, source: string, limit: number): Promise<string[]> {
  const rows = await db.read(
    `MATCH (:List {id: $list})<-[:STATED_IN]-(p:Paper)
     RETURN p.id AS id ORDER BY p.year DESC, p.id LIMIT $limit`,
    { list: listId(source), limit },
  );
  return rows.map((r) => r.id as string);
}
