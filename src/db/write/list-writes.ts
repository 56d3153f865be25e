import type { Runner } from '../driver.js';
import { NODE_LABELS } from '../schema/catalogue.js';
import type { PaperNode } from '../schema/model.js';
import { writingPapers } from './derived.js';

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
 * Upserts papers with their venue, ordered authors, sections, topics and optimizers. A paper whose
 * arXiv id is already in the graph is that paper, whatever its title says. With createNew (the
 * bulk loader), papers not yet in the graph are created with all their relationships in one
 * statement and no existence checks (1.7× faster on a first load, measured); the others, and every
 * paper of a regular import, go through mergePapers.
 */
export async function upsertPapers(
  run: Runner,
  papers: PaperRow[],
  opts: { createNew?: boolean } = {},
): Promise<{ created: number; matched: number }> {
  // Each row's paper as stored (by arXiv id, else by id), so derived values are kept for it.
  const found = await run(
    `UNWIND range(0, size($rows) - 1) AS i
     WITH i, $rows[i] AS row
     OPTIONAL MATCH (byArxiv:Paper {arxivId: row.arxivId})
     WITH i, row, head(collect(byArxiv.id)) AS arxivMatch
     RETURN i, coalesce(arxivMatch, row.id) AS id,
            arxivMatch IS NOT NULL OR EXISTS { MATCH (:Paper {id: row.id}) } AS known`,
    { rows: papers.map((p) => ({ id: p.id, arxivId: p.arxivId })) },
  );
  return writingPapers(
    run,
    found.map((r) => r.id as string),
    async () => {
      await mergeRelatedNodes(run, papers);
      if (!opts.createNew) return mergePapers(run, papers);
      const known = new Set(found.filter((r) => r.known).map((r) => r.i as number));
      // A paper named twice in one batch is created once; its later rows merge into it.
      const ids = new Set<string>();
      const arxivIds = new Set<string>();
      const fresh: PaperRow[] = [];
      const rest: PaperRow[] = [];
      papers.forEach((p, i) => {
        if (known.has(i) || ids.has(p.id) || (p.arxivId && arxivIds.has(p.arxivId))) rest.push(p);
        else {
          fresh.push(p);
          ids.add(p.id);
          if (p.arxivId) arxivIds.add(p.arxivId);
        }
      });
      if (fresh.length) await createPapers(run, fresh);
      const merged = rest.length ? await mergePapers(run, rest) : { created: 0, matched: 0 };
      return { created: fresh.length + merged.created, matched: merged.matched };
    },
  );
}

const distinct = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];

/** Authors, venues and optimizers the papers name, created when new. */
async function mergeRelatedNodes(run: Runner, papers: PaperRow[]): Promise<void> {
  const authors = distinct(papers.flatMap((x) => x.authors));
  await run('UNWIND $authors AS a MERGE (n:Author {id: a.id}) ON CREATE SET n.name = a.name', { authors });
  const venues = distinct(papers.flatMap((x) => (x.venue ? [x.venue] : [])));
  await run('UNWIND $venues AS v MERGE (n:Venue {id: v.id}) ON CREATE SET n.name = v.name, n.kind = v.kind', {
    venues,
  });
  const optimizers = distinct(papers.flatMap((x) => x.optimizers));
  await run('UNWIND $optimizers AS o MERGE (n:Optimizer {id: o.id}) ON CREATE SET n.name = o.name', {
    optimizers,
  });
}

/** Papers known to be new: nodes and relationships created outright. */
async function createPapers(run: Runner, papers: PaperRow[]): Promise<void> {
  await run(
    `UNWIND $rows AS row
     CREATE (p:Paper {id: row.id, title: row.title, year: row.year, listedYear: row.listedYear,
                      arxivId: row.arxivId, doi: row.doi, openreviewId: row.openreviewId,
                      authorsComplete: row.authorsComplete, venueText: row.venueText, notes: row.notes,
                      linkUrls: row.linkUrls, linkLabels: row.linkLabels})
     WITH p, row
     CALL (p, row) { MATCH (s:Section {id: row.sectionId}) CREATE (p)-[:LISTED_IN {order: row.order}]->(s) }
     CALL (p, row) {
       UNWIND row.authors AS a MATCH (n:Author {id: a.id}) CREATE (n)-[:AUTHORED {position: a.position}]->(p)
     }
     CALL (p, row) { UNWIND row.topicIds AS t MATCH (n:Topic {id: t}) CREATE (p)-[:ABOUT {via: 'section'}]->(n) }
     CALL (p, row) {
       UNWIND row.optimizers AS o MATCH (n:Optimizer {id: o.id}) CREATE (p)-[:MENTIONS {via: o.via}]->(n)
     }
     CALL (p, row) { MATCH (n:Venue {id: row.venue.id}) CREATE (p)-[:PUBLISHED_IN]->(n) }`,
    { rows: papers },
  );
}

/**
 * Papers that may already be in the graph: one simple UNWIND … MERGE statement per relation
 * (simple statements plan without eager steps, which a single nested statement did not).
 * Incoming non-null values win, links and notes accumulate, and the first title stays.
 */
async function mergePapers(run: Runner, papers: PaperRow[]): Promise<{ created: number; matched: number }> {
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
         p.doi = coalesce(row.doi, p.doi),
         p.openreviewId = coalesce(row.openreviewId, p.openreviewId),
         // One list that gives every author is enough for the paper's list to be complete.
         p.authorsComplete = coalesce(p.authorsComplete, false) OR coalesce(row.authorsComplete, true),
         p.venueText = coalesce(row.venueText, p.venueText),
         p.notes = coalesce(p.notes, []) + [n IN row.notes WHERE NOT n IN coalesce(p.notes, [])],
         p.linkUrls = coalesce(p.linkUrls, []) + [i IN newLinks | row.linkUrls[i]],
         p.linkLabels = coalesce(p.linkLabels, []) + [i IN newLinks | row.linkLabels[i]]
     RETURN i, p.id AS id, created`,
    { papers },
  );
  // Later statements address papers by the id each row resolved to (title or arXiv match).
  const ids: string[] = [];
  for (const r of resolved) ids[r.i as number] = r.id as string;
  // A paper on two rows of one batch (listed in two sections) is one paper: count papers, not rows.
  const createdIds = new Set(resolved.filter((r) => r.created).map((r) => r.id as string));
  const created = createdIds.size;
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (s:Section {id: row.s})
     MERGE (p)-[l:LISTED_IN]->(s) SET l.order = row.order`,
    { rows: papers.map((x, i) => ({ p: ids[i], s: x.sectionId, order: x.order })) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (v:Venue {id: row.v})
     CALL (p, row) { MATCH (p)-[old:PUBLISHED_IN]->(other:Venue) WHERE other.id <> row.v DELETE old }
     MERGE (p)-[:PUBLISHED_IN]->(v)`,
    { rows: papers.flatMap((x, i) => (x.venue ? [{ p: ids[i], v: x.venue.id }] : [])) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (a:Author {id: row.a}) MATCH (p:Paper {id: row.p})
     MERGE (a)-[w:AUTHORED]->(p) SET w.position = row.position`,
    { rows: papers.flatMap((x, i) => x.authors.map((a) => ({ a: a.id, p: ids[i], position: a.position }))) },
  );
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
  return { created, matched: new Set(ids).size - created };
}
