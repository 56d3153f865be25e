import type { VenueKind } from '../../domain/venue-kind.js';
import type { Runner } from '../driver.js';
import { NODE_LABELS } from '../schema/catalogue.js';
import type { PaperNode } from '../schema/model.js';
import { mergeAssignments, propertiesOf } from '../schema/paper-properties.js';
import { linkCitations } from './citations.js';
import { type AfterOptions, writingPapers } from './derived.js';
import { resolveAuthors, resolvePapers } from './identity.js';
import { dropOrphans, refreshSectionTopics, STATE_SECTION } from './paper-writes.js';
import { FULLER_NAME, fullerName } from './person-names.js';
import { reinferTogether, sectionGroups } from './topic-writes.js';

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
  venue: { id: string; name: string; kind: VenueKind } | null;
  authors: Array<{
    id: string;
    name: string;
    position: number;
    orcid?: string | null;
    openAlexId?: string | null;
  }>;
  optimizers: Array<{ id: string; name: string; via: string }>;
  /** The section it is listed in; null for a file without sections (BibTeX, CSL-JSON, OpenAlex). */
  sectionId: string | null;
  /** The list or file that states it (Paper.sources). */
  listId: string;
  order: number;
  /** Topics its section states (taxonomy) and the headings that state them. */
  topicIds: string[];
  statedBy: string[];
  /** Topics inferred from the record alone (the bulk loader writes these; see derived.ts). */
  inferred: Array<{ topic: string; confidence: number; evidence: string[] }>;
  /** Keys of the works it cites (see citations.ts). */
  references: string[];
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
  list: ListRow & { format?: string },
  topics: TopicRow[],
  sections: SectionRow[],
): Promise<void> {
  await run(
    `MERGE (l:List {id: $list.id})
     SET l.name = $list.name, l.title = coalesce($list.title, l.title), l.format = coalesce($list.format, l.format),
         l.importedAt = datetime()`,
    { list: { format: null, ...list } },
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
 * Upserts papers with their venue, ordered authors, sections, sources, topics, optimizers and
 * citations. Which paper a row is comes from identity.ts (DOI, arXiv id, OpenAlex id, then title
 * and year); which person each author is, likewise. With createNew (the bulk loader), papers not
 * yet in the graph are created with all their relationships in one statement (1.7× faster on a
 * first load, measured); the others, and every paper of a regular import, are merged.
 */
export async function upsertPapers(
  run: Runner,
  papers: PaperRow[],
  opts: { createNew?: boolean; sectionsLater?: boolean } = {},
): Promise<{ created: number; matched: number; ids: string[] }> {
  const { ids, known } = await resolvePapers(run, papers);
  const existing = ids.filter((_, i) => known[i]);
  return writingPapers(
    run,
    ids,
    async () => {
      const people = await resolveAuthors(run, papers, ids);
      const rows = papers.map((p, i) => ({
        ...p,
        id: ids[i] as string,
        authors: p.authors.map((a, k) => ({ ...a, id: people.ids[i]?.[k] ?? a.id })),
      }));
      await mergeRelatedNodes(run, rows);
      // A paper on two rows of one batch (listed in two sections) is created once, then merged.
      const seen = new Set<string>();
      const fresh: PaperRow[] = [];
      const rest: PaperRow[] = [];
      rows.forEach((r, i) => {
        if (opts.createNew && !known[i] && !seen.has(r.id)) fresh.push(r);
        else rest.push(r);
        seen.add(r.id);
      });
      if (fresh.length) await createPapers(run, fresh);
      if (rest.length) await mergePapers(run, rest);
      if (people.replaced.length) await dropAuthorships(run, people.replaced);
      await linkCitations(
        run,
        rows.map((r, i) => ({ ...r, aliases: [papers[i]?.id ?? r.id] })),
      );
      const created = new Set(ids.filter((_, i) => !known[i]));
      return { created: created.size, matched: new Set(ids.filter((id) => !created.has(id))).size, ids };
    },
    {
      existing,
      // The caller re-infers the sections at its end: papers listed in one are inferred then.
      ...(opts.sectionsLater ? { later: new Set(ids.filter((_, i) => papers[i]?.sectionId)) } : {}),
    },
  );
}

/** One of each id, the first one given. */
const distinct = <T extends { id: string }>(xs: T[]) => {
  const out = new Map<string, T>();
  for (const x of xs) if (!out.has(x.id)) out.set(x.id, x);
  return [...out.values()];
};

/** One of each person, spelled as fully as any row spells them. */
const fullest = <T extends { id: string; name: string }>(xs: T[]) => {
  const out = new Map<string, T>();
  for (const x of xs) {
    const had = out.get(x.id);
    out.set(x.id, had ? { ...had, name: fullerName(had.name, x.name) } : x);
  }
  return [...out.values()];
};

/** Authors, venues and optimizers the papers name, created when new; identifiers fill in. */
async function mergeRelatedNodes(run: Runner, papers: PaperRow[]): Promise<void> {
  const authors = fullest(papers.flatMap((x) => x.authors)).map((a) => ({
    id: a.id,
    name: a.name,
    orcid: a.orcid ?? null,
    openAlexId: a.openAlexId ?? null,
  }));
  // Two records of one person met by ORCID or OpenAlex id: the fullest spelling is kept.
  await run(
    `UNWIND $authors AS a MERGE (n:Author {id: a.id})
     SET n.name = ${FULLER_NAME('n.name', 'a.name')},
         n.orcid = coalesce(n.orcid, a.orcid), n.openAlexId = coalesce(n.openAlexId, a.openAlexId)`,
    { authors },
  );
  const venues = distinct(papers.flatMap((x) => (x.venue ? [x.venue] : [])));
  await run('UNWIND $venues AS v MERGE (n:Venue {id: v.id}) ON CREATE SET n.name = v.name, n.kind = v.kind', {
    venues,
  });
  const optimizers = distinct(papers.flatMap((x) => x.optimizers));
  await run('UNWIND $optimizers AS o MERGE (n:Optimizer {id: o.id}) ON CREATE SET n.name = o.name', {
    optimizers,
  });
}

/** An abbreviated name's authorship of a paper, now held by the full name; the name goes when it holds nothing else. */
async function dropAuthorships(run: Runner, replaced: Array<{ a: string; p: string }>): Promise<void> {
  await run(
    `UNWIND $replaced AS x
     MATCH (a:Author {id: x.a})-[w:AUTHORED]->(:Paper {id: x.p})
     DELETE w
     WITH DISTINCT a WHERE NOT (a)--()
     DELETE a`,
    { replaced },
  );
}

/** The paper properties every write sets from a row: the table's, defaults filled in. */
export const rowProps = (p: PaperRow) => propertiesOf(p);

/** Papers known to be new: nodes and relationships created outright. */
async function createPapers(run: Runner, papers: PaperRow[]): Promise<void> {
  await run(
    `UNWIND $rows AS row
     CREATE (p:Paper)
     SET p = row.props
     WITH p, row
     CALL (p, row) { MATCH (s:Section {id: row.sectionId}) CREATE (p)-[:LISTED_IN {order: row.order}]->(s) }
     CALL (p, row) { MATCH (l:List {id: row.listId}) CREATE (p)-[:STATED_IN]->(l) }
     CALL (p, row) {
       UNWIND row.authors AS a MATCH (n:Author {id: a.id}) CREATE (n)-[:AUTHORED {position: a.position}]->(p)
     }
     CALL (p, row) {
       UNWIND row.topicIds AS t MATCH (n:Topic {id: t})
       CREATE (p)-[:ABOUT {source: 'SECTION', confidence: 1.0, evidence: [x IN row.statedBy | 'section: ' + x]}]->(n)
     }
     CALL (p, row) {
       UNWIND row.optimizers AS o MATCH (n:Optimizer {id: o.id}) CREATE (p)-[:MENTIONS {via: o.via}]->(n)
     }
     CALL (p, row) { MATCH (n:Venue {id: row.venue.id}) CREATE (p)-[:PUBLISHED_IN]->(n) }`,
    {
      rows: papers.map((p) => ({
        props: rowProps(p),
        sectionId: p.sectionId,
        listId: p.listId,
        order: p.order,
        authors: p.authors.map((a) => ({ id: a.id, position: a.position })),
        topicIds: p.topicIds,
        statedBy: p.statedBy,
        optimizers: p.optimizers,
        venue: p.venue,
      })),
    },
  );
}

/** True in Cypher when a mutation set this field of paper `p` by hand: an import leaves it alone. */
const edited = (field: string) => `'${field}' IN coalesce(p.handEdited, [])`;

/**
 * Papers that may already be in the graph, under the ids identity.ts resolved: one simple
 * UNWIND … MERGE statement per relation (simple statements plan without eager steps). Incoming
 * values fill what is missing and richer ones win (a longer abstract, a complete author list);
 * identifiers, the first title, links, notes, keywords and other ids accumulate.
 */
async function mergePapers(run: Runner, papers: PaperRow[]): Promise<void> {
  await run(
    `UNWIND $rows AS r
     WITH r.props AS row
     MERGE (p:Paper {id: row.id})
     WITH p, row,
          [i IN range(0, size(row.linkUrls) - 1) WHERE NOT row.linkUrls[i] IN coalesce(p.linkUrls, [])] AS newLinks
     SET ${mergeAssignments(edited).join(',\n         ')}`,
    { rows: papers.map((p) => ({ props: rowProps(p) })) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) WHERE NOT ${edited('sections')}
     MATCH (s:Section {id: row.s})
     MERGE (p)-[l:LISTED_IN]->(s) SET l.order = row.order`,
    { rows: papers.flatMap((x) => (x.sectionId ? [{ p: x.id, s: x.sectionId, order: x.order }] : [])) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (l:List {id: row.l})
     MERGE (p)-[:STATED_IN]->(l)`,
    { rows: papers.map((x) => ({ p: x.id, l: x.listId })) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) WHERE NOT ${edited('venue')}
     MATCH (v:Venue {id: row.v})
     CALL (p, row) { MATCH (p)-[old:PUBLISHED_IN]->(other:Venue) WHERE other.id <> row.v DELETE old }
     MERGE (p)-[:PUBLISHED_IN]->(v)`,
    { rows: papers.flatMap((x) => (x.venue ? [{ p: x.id, v: x.venue.id }] : [])) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (a:Author {id: row.a}) MATCH (p:Paper {id: row.p}) WHERE NOT ${edited('authors')}
     MERGE (a)-[w:AUTHORED]->(p) SET w.position = row.position`,
    { rows: papers.flatMap((x) => x.authors.map((a) => ({ a: a.id, p: x.id, position: a.position }))) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) WHERE NOT ${edited('optimizers')}
     MATCH (o:Optimizer {id: row.o})
     MERGE (p)-[m:MENTIONS]->(o) SET m.via = CASE WHEN m.via = 'tag' THEN 'tag' ELSE row.via END`,
    { rows: papers.flatMap((x) => x.optimizers.map((o) => ({ p: x.id, o: o.id, via: o.via }))) },
  );
  await run(
    `UNWIND $rows AS row
     MATCH (p:Paper {id: row.p}) MATCH (t:Topic {id: row.t})
     MERGE (p)-[a:ABOUT]->(t)
     ${STATE_SECTION('a', 'row.statedBy')}`,
    { rows: papers.flatMap((x) => x.topicIds.map((t) => ({ p: x.id, t, statedBy: x.statedBy }))) },
  );
}

/** A paper a source states, where (section id, or null for a source without sections). */
export interface Statement {
  paperId: string;
  sectionId: string | null;
}

/** What a source stated, read inside the transaction: per paper its title and sections. */
export interface StatedPaper {
  id: string;
  title: string;
  sections: string[];
}

/** Every paper a source states now, with the titles of its sections in that source. */
/** The name a list id is stored under, or null when no such list exists yet. */
export async function storedListName(run: Runner, listId: string): Promise<string | null> {
  const rows = await run('MATCH (l:List {id: $listId}) RETURN l.name AS name', { listId });
  return (rows[0]?.name as string | undefined) ?? null;
}

export async function readStatements(run: Runner, listId: string): Promise<StatedPaper[]> {
  const rows = await run(
    `MATCH (:List {id: $listId})<-[:STATED_IN]-(p:Paper)
     OPTIONAL MATCH (p)-[:LISTED_IN]->(s:Section {listId: $listId})
     WITH p, s ORDER BY s.order
     WITH p, collect(s.title) AS sections
     RETURN p.id AS id, p.title AS title, sections ORDER BY id`,
    { listId },
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    sections: r.sections as string[],
  }));
}

/** What a source stated before and `statements` (the ones just written) no longer state. */
export interface Stale {
  /** Papers with a placement in this list's sections that the statements do not make. */
  moved: string[];
  /** Papers the source stated and no longer states. */
  gone: string[];
  /** The statements' placements, as `paperId|sectionId`. */
  pairs: string[];
  /** The sections that lose a paper: inference pools a section's papers, so theirs move too. */
  left: string[];
}

export async function staleStatements(
  run: Runner,
  listId: string,
  statements: readonly Statement[],
): Promise<Stale> {
  const stated = [...new Set(statements.map((x) => x.paperId))];
  const pairs = statements.flatMap((x) => (x.sectionId ? [`${x.paperId}|${x.sectionId}`] : []));
  const [row] = await run(
    `CALL () {
       MATCH (p:Paper)-[:LISTED_IN]->(s:Section {listId: $listId})
       WHERE NOT ${edited('sections')} AND NOT (p.id + '|' + s.id) IN $pairs
       RETURN collect(DISTINCT p.id) AS moved, collect(DISTINCT s.id) AS left
     }
     CALL () {
       MATCH (p:Paper)-[:STATED_IN]->(:List {id: $listId}) WHERE NOT p.id IN $stated
       RETURN collect(p.id) AS gone
     }
     RETURN moved, left, gone`,
    { listId, pairs, stated },
  );
  return {
    moved: (row?.moved as string[]) ?? [],
    gone: (row?.gone as string[]) ?? [],
    pairs,
    left: (row?.left as string[]) ?? [],
  };
}

/** The papers a stale set touches, each once. */
export const affectedBy = (stale: Stale): string[] => [...new Set([...stale.moved, ...stale.gone])];

/**
 * Takes away, for these papers (some of affectedBy), the placements and statements of the list
 * that `stale` names, then deletes those of them no source states any more and nobody edited by
 * hand (with the authors, venues, optimizers and references left with no paper). Placements set
 * by hand are never touched. Through the one write path, so topics and every derived value follow;
 * `later` as in writingPapers. Returns the ids deleted.
 */
export async function dropStatements(
  run: Runner,
  listId: string,
  stale: Stale,
  affected: readonly string[],
  opts: AfterOptions = {},
): Promise<string[]> {
  const inChunk = new Set(affected);
  const gone = stale.gone.filter((id) => inChunk.has(id));
  const { pairs } = stale;
  let deleted: string[] = [];
  await writingPapers(
    run,
    affected,
    async () => {
      await run(
        `UNWIND $affected AS id
         MATCH (p:Paper {id: id})-[r:LISTED_IN]->(s:Section {listId: $listId})
         WHERE NOT ${edited('sections')} AND NOT (p.id + '|' + s.id) IN $pairs
         DELETE r`,
        { listId, affected: [...affected], pairs },
      );
      await run('UNWIND $gone AS id MATCH (:Paper {id: id})-[r:STATED_IN]->(:List {id: $listId}) DELETE r', {
        listId,
        gone,
      });
      await refreshSectionTopics(run, affected);
      const rows = await run(
        `UNWIND $gone AS id
         MATCH (p:Paper {id: id})
         WHERE NOT (p)-[:STATED_IN]->() AND size(coalesce(p.handEdited, [])) = 0
         RETURN p.id AS id`,
        { gone },
      );
      deleted = rows.map((r) => r.id as string);
      await dropOrphans(run, deleted);
    },
    { existing: affected, deleted: () => deleted, ...opts },
  );
  return deleted;
}

/** Deletes the list's sections no longer in the file that hold nothing. */
export async function dropEmptySections(
  run: Runner,
  listId: string,
  sectionIds: readonly string[],
): Promise<void> {
  await run(
    `MATCH (s:Section {listId: $listId})
     WHERE NOT s.id IN $sectionIds
       AND NOT EXISTS { (s)<-[:SUBSECTION_OF*0..]-(:Section)<-[:LISTED_IN]-(:Paper) }
       AND NOT EXISTS { (s)<-[:SUBSECTION_OF*1..]-(c:Section) WHERE c.id IN $sectionIds }
     DETACH DELETE s`,
    { listId, sectionIds: [...sectionIds] },
  );
}

/**
 * Makes what a source states exactly `statements` (the ones just written), in the caller's
 * transaction: staleStatements, dropStatements, the papers left in the sections that lost some
 * re-inferred together, dropEmptySections. Returns the ids of the papers
 * the source no longer states and of those deleted. A batched import runs the same steps a chunk
 * of papers per transaction (src/ingest/source-sync.ts).
 */
export async function syncSource(
  run: Runner,
  listId: string,
  statements: readonly Statement[],
  sectionIds: readonly string[],
): Promise<{ removed: string[]; deleted: string[] }> {
  const stale = await staleStatements(run, listId, statements);
  const deleted = await dropStatements(run, listId, stale, affectedBy(stale));
  for (const group of await sectionGroups(run, stale.left)) await reinferTogether(run, group);
  await dropEmptySections(run, listId, sectionIds);
  return { removed: stale.gone, deleted };
}
