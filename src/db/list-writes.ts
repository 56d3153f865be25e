import type { Runner } from './driver.js';
import type { PaperNode } from './model.js';
import { NODE_LABELS } from './stats.js';

/** Rows the importer writes; built by src/ingest/load.ts from parsed records. */
export interface ListRow {
  id: string;
  name: string;
  title: string | null;
}
export interface TopicRow {
  id: string;
  name: string;
  facet: string;
}
export interface SectionRow {
  id: string;
  code: string;
  title: string;
  order: number;
  depth: number;
  parentId: string | null;
  descriptionEn: string | null;
  descriptionZh: string | null;
  topicIds: string[];
}
export interface PaperRow extends PaperNode {
  venue: { id: string; name: string; kind: string } | null;
  authors: Array<{ id: string; name: string; position: number }>;
  optimizers: Array<{ id: string; name: string; via: string }>;
  sectionId: string;
  order: number;
  topicIds: string[];
}

/** Node counts by label, read from the count store inside the running transaction. */
export async function countNodes(run: Runner): Promise<Record<string, number>> {
  const [row = {}] = await run(
    `${NODE_LABELS.map((l) => `CALL () { MATCH (:${l}) RETURN count(*) AS ${l} }`).join('\n')} RETURN *`,
  );
  return row as Record<string, number>;
}

/** Creates or updates the list, its topics and its sections (with parents and topic coverage). */
export async function writeListStructure(
  run: Runner,
  list: ListRow,
  topics: TopicRow[],
  sections: SectionRow[],
): Promise<void> {
  await run(
    'MERGE (l:List {id: $list.id}) SET l.name = $list.name, l.title = coalesce($list.title, l.title)',
    {
      list,
    },
  );
  await run('UNWIND $topics AS t MERGE (n:Topic {id: t.id}) SET n.name = t.name, n.facet = t.facet', {
    topics,
  });
  await run(
    `UNWIND $sections AS row
     MATCH (l:List {id: $listId})
     MERGE (s:Section {id: row.id})
     SET s.code = row.code, s.title = row.title, s.order = row.order, s.depth = row.depth, s.listId = $listId,
         s.descriptionEn = coalesce(row.descriptionEn, s.descriptionEn),
         s.descriptionZh = coalesce(row.descriptionZh, s.descriptionZh)
     MERGE (s)-[:IN_LIST]->(l)
     WITH s, row
     CALL (s, row) {
       MATCH (parent:Section {id: row.parentId})
       MERGE (s)-[:SUBSECTION_OF]->(parent)
     }
     CALL (s, row) {
       UNWIND row.topicIds AS topicId
       MATCH (t:Topic {id: topicId})
       MERGE (s)-[:COVERS]->(t)
     }`,
    { sections, listId: list.id },
  );
}

/**
 * Upserts papers with their venue, ordered authors, sections, topics and optimizers in one
 * statement per batch. A paper whose arXiv id is already in the graph is that paper, whatever
 * its title says; otherwise the id comes from the normalised title. Incoming non-null values
 * win, links and notes accumulate, and the first title stays (the id was made from it).
 */
export async function upsertPapers(
  run: Runner,
  papers: PaperRow[],
): Promise<{ created: number; matched: number }> {
  const [r = {}] = await run(
    `UNWIND $papers AS row
     CALL (row) {
       OPTIONAL MATCH (byArxiv:Paper {arxivId: row.arxivId})
       RETURN head(collect(byArxiv.id)) AS existingId
     }
     MERGE (p:Paper {id: coalesce(existingId, row.id)})
     WITH row, p, p.title IS NULL AS created,
          [i IN range(0, size(row.linkUrls) - 1) WHERE NOT row.linkUrls[i] IN coalesce(p.linkUrls, [])] AS newLinks
     SET p.title = coalesce(p.title, row.title),
         p.year = coalesce(row.year, p.year),
         p.listedYear = coalesce(row.listedYear, p.listedYear),
         p.arxivId = coalesce(row.arxivId, p.arxivId),
         p.venueText = coalesce(row.venueText, p.venueText),
         p.notes = coalesce(p.notes, []) + [n IN row.notes WHERE NOT n IN coalesce(p.notes, [])],
         p.linkUrls = coalesce(p.linkUrls, []) + [i IN newLinks | row.linkUrls[i]],
         p.linkLabels = coalesce(p.linkLabels, []) + [i IN newLinks | row.linkLabels[i]]
     WITH row, p, created
     MATCH (s:Section {id: row.sectionId})
     MERGE (p)-[listed:LISTED_IN]->(s)
     SET listed.order = row.order
     WITH row, p, created
     CALL (row, p) {
       WITH row, p WHERE row.venue IS NOT NULL
       OPTIONAL MATCH (p)-[old:PUBLISHED_IN]->(other:Venue) WHERE other.id <> row.venue.id
       DELETE old
       WITH DISTINCT row, p
       MERGE (v:Venue {id: row.venue.id}) ON CREATE SET v.name = row.venue.name, v.kind = row.venue.kind
       MERGE (p)-[:PUBLISHED_IN]->(v)
     }
     FOREACH (a IN row.authors |
       MERGE (au:Author {id: a.id}) ON CREATE SET au.name = a.name
       MERGE (au)-[w:AUTHORED]->(p) SET w.position = a.position)
     FOREACH (o IN row.optimizers |
       MERGE (op:Optimizer {id: o.id}) ON CREATE SET op.name = o.name
       MERGE (p)-[m:MENTIONS]->(op) SET m.via = CASE WHEN m.via = 'tag' THEN 'tag' ELSE o.via END)
     FOREACH (topicId IN row.topicIds |
       MERGE (t:Topic {id: topicId})
       MERGE (p)-[a:ABOUT]->(t) ON CREATE SET a.via = 'section')
     RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN created THEN 0 ELSE 1 END) AS matched`,
    { papers },
  );
  return { created: (r.created as number) ?? 0, matched: (r.matched as number) ?? 0 };
}
