import type { Db } from '../driver.js';
import type { TopicNode } from '../schema/model.js';
import type { TopicSource } from '../schema/topic-edges.js';

export interface AssignmentRow {
  topic: TopicNode;
  source: TopicSource;
  confidence: number;
  evidence: string[];
  model: string | null;
}

/** Every stored topic assignment of each paper, stated ones first, then by confidence. */
export async function assignmentsOf(db: Db, paperIds: readonly string[]): Promise<AssignmentRow[][]> {
  const rows = await db.read(
    `UNWIND $ids AS id
     OPTIONAL MATCH (p:Paper {id: id})
     RETURN id, COLLECT {
       MATCH (p)-[a:ABOUT]->(t:Topic)
       RETURN {topic: t {.*}, source: a.source, confidence: a.confidence, evidence: coalesce(a.evidence, []), model: a.model} AS x
       ORDER BY CASE a.source WHEN 'INFERRED' THEN 1 ELSE 0 END, a.confidence DESC, t.id
     } AS assignments`,
    { ids: [...paperIds] },
  );
  const byId = new Map(rows.map((r) => [r.id as string, r.assignments as AssignmentRow[]]));
  return paperIds.map((id) => byId.get(id) ?? []);
}
