import type { Db } from '../driver.js';
import type { SectionNode } from '../schema/model.js';

/** Sections with a code, in every list or in one list. */
export async function sectionsByCode(db: Db, code: string, listId: string | null): Promise<SectionNode[]> {
  const rows = await db.read(
    `MATCH (s:Section {code: $code}) WHERE $listId IS NULL OR s.listId = $listId
     RETURN s {.*} AS s ORDER BY s.listId`,
    { code, listId },
  );
  return rows.map((r) => r.s as SectionNode);
}

/** Top-level sections (those without a parent), list by list, in document order. */
export async function rootSections(db: Db, listId: string | null): Promise<SectionNode[]> {
  const rows = await db.read(
    `MATCH (s:Section) WHERE ($listId IS NULL OR s.listId = $listId) AND NOT (s)-[:SUBSECTION_OF]->()
     RETURN s {.*} AS s ORDER BY s.listId, s.order`,
    { listId },
  );
  return rows.map((r) => r.s as SectionNode);
}
