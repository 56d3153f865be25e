import type { Runner } from './driver.js';
import type { PaperNode } from './model.js';
import { newestKey } from './sort-keys.js';
import { NODE_LABELS } from './stats.js';
import { countTopicPairs } from './topic-pairs.js';

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
 * Upserts papers with their venue, ordered authors, sections, topics and optimizers: one simple
 * UNWIND … MERGE statement per node kind and relation (simple statements plan without eager
 * steps, which a single nested statement did not). A paper whose arXiv id is already in the graph
 * is that paper, whatever its title says; otherwise the id comes from the normalised title.
 * Incoming non-null values win, links and notes accumulate, and the first title stays.
 */
export async function upsertPapers(
  run: Runner,
  papers: PaperRow[],
): Promise<{ created: number; matched: number }> {
  const resolved = await run(
    `UNWIND range(0, size($papers) - 1) AS i
     WITH i, $papers[i] AS row
     CALL (row) {
       OPTIONAL MATCH (byArxiv:Paper {arxivId: row.arxivId})
       RETURN head(collect(byArxiv.id)) AS existingId
     }
     MERGE (p:Paper {id: coalesce(existingId, row.id)})
     WITH i, row, p, p.title IS NULL AS created,
          [i IN range(0, size(row.linkUrls) - 1) WHERE NOT row.linkUrls[i] IN coalesce(p.linkUrls, [])] AS newLinks
     SET p.title = coalesce(p.title, row.title),
         p.year = coalesce(row.year, p.year),
         p.listedYear = coalesce(row.listedYear, p.listedYear),
         p.arxivId = coalesce(row.arxivId, p.arxivId),
         p.venueText = coalesce(row.venueText, p.venueText),
         p.notes = coalesce(p.notes, []) + [n IN row.notes WHERE NOT n IN coalesce(p.notes, [])],
         p.linkUrls = coalesce(p.linkUrls, []) + [i IN newLinks | row.linkUrls[i]],
         p.linkLabels = coalesce(p.linkLabels, []) + [i IN newLinks | row.linkLabels[i]]
     SET p.newest = ${newestKey('p')}
     RETURN i, p.id AS id, created`,
    { papers },
  );
  // Later statements address papers by the id each row resolved to (title or arXiv match).
  const ids: string[] = [];
  for (const r of resolved) ids[r.i as number] = r.id as string;
  const created = resolved.filter((r) => r.created).length;
  // Papers already in the graph may gain topics below: their old pairs leave first.
  await countTopicPairs(run, [...new Set(resolved.filter((r) => !r.created).map((r) => r.id as string))], -1);
  const distinct = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];

  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (s:Section {id: row.s})
     MERGE (p)-[l:LISTED_IN]->(s) SET l.order = row.order`,
    { rows: papers.map((x, i) => ({ p: ids[i], s: x.sectionId, order: x.order })) },
  );
  const venues = distinct(papers.flatMap((x) => (x.venue ? [x.venue] : [])));
  await run('UNWIND $venues AS v MERGE (n:Venue {id: v.id}) ON CREATE SET n.name = v.name, n.kind = v.kind', {
    venues,
  });
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (v:Venue {id: row.v})
     CALL (p, row) { MATCH (p)-[old:PUBLISHED_IN]->(other:Venue) WHERE other.id <> row.v DELETE old }
     MERGE (p)-[:PUBLISHED_IN]->(v)`,
    { rows: papers.flatMap((x, i) => (x.venue ? [{ p: ids[i], v: x.venue.id }] : [])) },
  );
  const authors = distinct(papers.flatMap((x) => x.authors));
  await run('UNWIND $authors AS a MERGE (n:Author {id: a.id}) ON CREATE SET n.name = a.name', { authors });
  await run(
    `UNWIND $rows AS row
     MATCH (a:Author {id: row.a}) MATCH (p:Paper {id: row.p})
     MERGE (a)-[w:AUTHORED]->(p) SET w.position = row.position`,
    { rows: papers.flatMap((x, i) => x.authors.map((a) => ({ a: a.id, p: ids[i], position: a.position }))) },
  );
  const optimizers = distinct(papers.flatMap((x) => x.optimizers));
  await run('UNWIND $optimizers AS o MERGE (n:Optimizer {id: o.id}) ON CREATE SET n.name = o.name', {
    optimizers,
  });
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (o:Optimizer {id: row.o})
     MERGE (p)-[m:MENTIONS]->(o) SET m.via = CASE WHEN m.via = 'tag' THEN 'tag' ELSE row.via END`,
    { rows: papers.flatMap((x, i) => x.optimizers.map((o) => ({ p: ids[i], o: o.id, via: o.via }))) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (t:Topic {id: row.t})
     MERGE (p)-[a:ABOUT]->(t) ON CREATE SET a.via = 'section'`,
    { rows: papers.flatMap((x, i) => x.topicIds.map((t) => ({ p: ids[i], t }))) },
  );
  await countTopicPairs(run, [...new Set(ids)], 1);
  return { created, matched: papers.length - created };
}
