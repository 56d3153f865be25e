import type { VenueKind } from '../../domain/venue-kind.js';
import type { Runner } from '../driver.js';
import type { AuthorNode, PaperNode } from '../schema/model.js';
import { writingPapers } from './derived.js';
import { FULLER_NAME } from './person-names.js';

/** A paper as a mutation writes it; relation lists replace what the paper had when present. */
export interface PaperWrite {
  title?: string;
  year?: number | null;
  listedYear?: number | null;
  arxivId?: string | null;
  notes?: string[];
  links?: Array<{ label: string; url: string }>;
  venue?: { id: string; name: string | null; kind: VenueKind | null } | null;
  /** In author order; `name` is set when the author may be created. */
  authors?: Array<{ id: string; name: string | null }>;
  sectionIds?: string[];
  topicIds?: string[];
  optimizers?: Array<{ id: string; name: string | null }>;
}

/**
 * What a mutation can set by hand, recorded on the paper (`handEdited`) as it is set: a re-import
 * never changes these again ("sections" covers moves too), and a paper with any of them is never
 * deleted because its sources stopped stating it.
 */
export const HAND_EDITED = [
  'title',
  'year',
  'listedYear',
  'arxivId',
  'notes',
  'links',
  'venue',
  'authors',
  'sections',
  'topics',
  'optimizers',
] as const;
type HandEdited = (typeof HAND_EDITED)[number];

/** The fields a write sets, as HAND_EDITED names them. */
function editedFields(w: PaperWrite): HandEdited[] {
  const named: Record<keyof PaperWrite, HandEdited> = {
    title: 'title',
    year: 'year',
    listedYear: 'listedYear',
    arxivId: 'arxivId',
    notes: 'notes',
    links: 'links',
    venue: 'venue',
    authors: 'authors',
    sectionIds: 'sections',
    topicIds: 'topics',
    optimizers: 'optimizers',
  };
  return (Object.keys(w) as Array<keyof PaperWrite>).filter((k) => w[k] !== undefined).map((k) => named[k]);
}

/** The write was refused because it would clash with a node that exists. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly nodeId: string,
  ) {
    super(message);
  }
}

/** A referenced node does not exist; `field` names the input field that referenced it. */
export class MissingReferenceError extends Error {
  override name = 'MissingReferenceError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Fails when a paper with the same id (normalised title) or arXiv id exists, other than `self`. */
export async function assertNoPaperConflict(
  run: Runner,
  id: string,
  arxivId: string | null | undefined,
  self?: string,
) {
  const rows = await run(
    `OPTIONAL MATCH (byId:Paper {id: $id}) WHERE byId.id <> $self
     OPTIONAL MATCH (byArxiv:Paper {arxivId: $arxivId}) WHERE byArxiv.id <> $self
     RETURN byId.id AS byId, byId.title AS title, byArxiv.id AS byArxiv`,
    { id, arxivId: arxivId ?? null, self: self ?? '' },
  );
  const r = rows[0] ?? {};
  if (r.byId) throw new ConflictError(`A paper with this title exists: "${r.title}".`, r.byId as string);
  if (r.byArxiv) throw new ConflictError(`A paper with arXiv id ${arxivId} exists.`, r.byArxiv as string);
}

/** Fails, naming the input field, when an id that must exist (author, section, topic) does not. */
async function assertReferences(run: Runner, w: PaperWrite): Promise<void> {
  const refs = [
    ...(w.authors ?? []).flatMap((a, i) =>
      a.name ? [] : [{ id: a.id, label: 'Author', field: `authors[${i}].id` }],
    ),
    ...(w.sectionIds ?? []).map((id, i) => ({ id, label: 'Section', field: `sectionIds[${i}]` })),
    ...(w.topicIds ?? []).map((id, i) => ({ id, label: 'Topic', field: `topicIds[${i}]` })),
    ...(w.optimizers ?? []).flatMap((o, i) =>
      o.name ? [] : [{ id: o.id, label: 'Optimizer', field: `optimizers[${i}].id` }],
    ),
    ...(w.venue && !w.venue.name ? [{ id: w.venue.id, label: 'Venue', field: 'venue.id' }] : []),
  ];
  if (!refs.length) return;
  const rows = await run(
    `UNWIND $refs AS ref
     WITH ref WHERE CASE ref.label
       WHEN 'Author' THEN NOT EXISTS { MATCH (:Author {id: ref.id}) }
       WHEN 'Section' THEN NOT EXISTS { MATCH (:Section {id: ref.id}) }
       WHEN 'Topic' THEN NOT EXISTS { MATCH (:Topic {id: ref.id}) }
       WHEN 'Optimizer' THEN NOT EXISTS { MATCH (:Optimizer {id: ref.id}) }
       WHEN 'Venue' THEN NOT EXISTS { MATCH (:Venue {id: ref.id}) }
     END
     RETURN ref.field AS field, ref.id AS id LIMIT 1`,
    { refs },
  );
  const missing = rows[0];
  if (missing) throw new MissingReferenceError(`No node with id "${missing.id}".`, missing.field as string);
}

/** Creates (create = true) or updates a paper and replaces each relation the write names. */
export async function writePaper(
  run: Runner,
  id: string,
  w: PaperWrite,
  create: boolean,
): Promise<PaperNode | null> {
  await assertReferences(run, w);
  // A created paper was not in the graph before (assertNoPaperConflict): nothing to take out.
  return writingPapers(run, [id], () => savePaper(run, id, w, create), create ? { existing: [] } : {});
}

async function savePaper(run: Runner, id: string, w: PaperWrite, create: boolean): Promise<PaperNode | null> {
  const set: Record<string, unknown> = {};
  for (const k of ['title', 'year', 'listedYear', 'arxivId', 'notes'] as const)
    if (k in w) set[k] = w[k] ?? null;
  if (w.links) {
    set.linkLabels = w.links.map((l) => l.label);
    set.linkUrls = w.links.map((l) => l.url);
  }
  if (w.venue !== undefined) set.venueText = w.venue?.name ?? null;
  const [row] = await run(
    `${create ? 'CREATE (p:Paper {id: $id, notes: [], linkLabels: [], linkUrls: []})' : 'MATCH (p:Paper {id: $id})'}
     SET p += $set,
         p.handEdited = coalesce(p.handEdited, []) + [f IN $edited WHERE NOT f IN coalesce(p.handEdited, [])]
     WITH p
     CALL (p) {
       WITH p WHERE $replaceVenue
       OPTIONAL MATCH (p)-[old:PUBLISHED_IN]->() DELETE old
       WITH DISTINCT p WHERE $venue IS NOT NULL
       MERGE (v:Venue {id: $venue.id}) ON CREATE SET v.name = $venue.name, v.kind = coalesce($venue.kind, 'OTHER')
       MERGE (p)-[:PUBLISHED_IN]->(v)
     }
     CALL (p) {
       WITH p WHERE $authors IS NOT NULL
       OPTIONAL MATCH (p)<-[old:AUTHORED]-() DELETE old
       WITH DISTINCT p
       UNWIND range(0, size($authors) - 1) AS i
       MERGE (a:Author {id: $authors[i].id}) ON CREATE SET a.name = $authors[i].name
       CREATE (a)-[:AUTHORED {position: i}]->(p)
     }
     CALL (p) {
       WITH p WHERE $sectionIds IS NOT NULL
       OPTIONAL MATCH (p)-[old:LISTED_IN]->() DELETE old
       WITH DISTINCT p
       UNWIND $sectionIds AS sid
       MATCH (s:Section {id: sid})
       CREATE (p)-[:LISTED_IN {order: COUNT { (s)<-[:LISTED_IN]-() }}]->(s)
     }
     CALL (p) {
       WITH p WHERE $topicIds IS NOT NULL
       OPTIONAL MATCH (p)-[old:ABOUT {source: 'MANUAL'}]->() DELETE old
       WITH DISTINCT p
       UNWIND $topicIds AS tid
       MATCH (t:Topic {id: tid})
       // A manual assignment replaces whatever stated or inferred the same topic.
       MERGE (p)-[a:ABOUT]->(t)
       SET a.source = 'MANUAL', a.confidence = 1.0, a.evidence = ['manual'], a.model = null
     }
     CALL (p) {
       WITH p WHERE $optimizers IS NOT NULL
       OPTIONAL MATCH (p)-[old:MENTIONS]->() DELETE old
       WITH DISTINCT p
       UNWIND $optimizers AS o
       MERGE (op:Optimizer {id: o.id}) ON CREATE SET op.name = o.name
       MERGE (p)-[:MENTIONS {via: 'manual'}]->(op)
     }
     RETURN p {.*} AS paper`,
    {
      id,
      set,
      edited: editedFields(w),
      replaceVenue: w.venue !== undefined,
      venue: w.venue ?? null,
      authors: w.authors ?? null,
      sectionIds: w.sectionIds ?? null,
      topicIds: w.topicIds ?? null,
      optimizers: w.optimizers ?? null,
    },
  );
  if (w.sectionIds) await refreshSectionTopics(run, [id]);
  return (row?.paper as PaperNode) ?? null;
}

/**
 * Makes an assignment a SECTION one unless it is MANUAL (a stated mapping outranks inference,
 * a mutation outranks both). `sections` names the headings that state it (its evidence).
 */
export const STATE_SECTION = (a: string, sections: string) =>
  `SET ${a} += CASE WHEN ${a}.source = 'MANUAL' THEN {} ELSE
       {source: 'SECTION', confidence: 1.0, model: null, evidence: [x IN ${sections} | 'section: ' + x]} END`;

/** Re-derives papers' section topics (their sections and those sections' ancestors cover them). */
export async function refreshSectionTopics(run: Runner, paperIds: readonly string[]): Promise<void> {
  if (!paperIds.length) return;
  await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     OPTIONAL MATCH (p)-[old:ABOUT {source: 'SECTION'}]->() DELETE old
     WITH DISTINCT p
     OPTIONAL MATCH (p)-[:LISTED_IN]->(:Section)-[:SUBSECTION_OF*0..]->(s:Section)-[:COVERS]->(t:Topic)
     WITH p, t, collect(DISTINCT s.title) AS sections
     CALL (p, t, sections) {
       WITH p, t, sections WHERE t IS NOT NULL
       MERGE (p)-[a:ABOUT]->(t)
       ${STATE_SECTION('a', 'sections')}
     }`,
    { ids: paperIds },
  );
}

/**
 * Deletes papers (inside the caller's write path), then every author, venue, optimizer and
 * unresolved reference they leave with nothing at all.
 */
export async function dropOrphans(run: Runner, paperIds: readonly string[]): Promise<void> {
  if (!paperIds.length) return;
  const [row] = await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     OPTIONAL MATCH (p)--(n) WHERE n:Author OR n:Venue OR n:Optimizer OR n:Ref
     WITH p, collect(DISTINCT elementId(n)) AS neighbours
     DETACH DELETE p
     RETURN collect(neighbours) AS neighbours`,
    { ids: paperIds },
  );
  const neighbours = [...new Set(((row?.neighbours as string[][]) ?? []).flat())];
  await run(
    `UNWIND $neighbours AS eid
     MATCH (n) WHERE elementId(n) = eid AND NOT (n)--()
     DELETE n`,
    { neighbours },
  );
}

/** Deletes a paper, then any author, venue or optimizer it leaves with no paper at all. */
export async function deletePaper(run: Runner, id: string): Promise<boolean> {
  const [exists] = await run('MATCH (p:Paper {id: $id}) RETURN count(p) AS n', { id });
  if (!exists?.n) return false;
  await writingPapers(run, [id], () => dropOrphans(run, [id]), { deleted: () => [id] });
  return true;
}

/** Moves every authorship of `mergeId` to `keepId` (positions kept) and deletes the merged author. */
export async function mergeAuthors(run: Runner, keepId: string, mergeId: string): Promise<AuthorNode | null> {
  const [row] = await run(
    `MATCH (keep:Author {id: $keepId}), (gone:Author {id: $mergeId})
     CALL (keep, gone) {
       MATCH (gone)-[w:AUTHORED]->(p:Paper)
       MERGE (keep)-[k:AUTHORED]->(p) ON CREATE SET k.position = w.position
     }
     // The fullest spelling of the person survives the merge, whichever id is kept.
     SET keep.name = ${FULLER_NAME('keep.name', 'gone.name')},
         keep.orcid = coalesce(keep.orcid, gone.orcid), keep.openAlexId = coalesce(keep.openAlexId, gone.openAlexId)
     DETACH DELETE gone
     RETURN keep {.*} AS author`,
    { keepId, mergeId },
  );
  return (row?.author as AuthorNode) ?? null;
}

/** Moves a paper from one section to another (appended at the end) and re-derives its topics. */
export async function movePaper(
  run: Runner,
  paperId: string,
  fromId: string,
  toId: string,
): Promise<boolean> {
  return writingPapers(run, [paperId], async () => {
    const [row] = await run(
      `MATCH (p:Paper {id: $paperId})-[l:LISTED_IN]->(:Section {id: $fromId})
       MATCH (to:Section {id: $toId})
       DELETE l
       WITH p, to, COUNT { (to)<-[:LISTED_IN]-() } AS last
       MERGE (p)-[n:LISTED_IN]->(to) ON CREATE SET n.order = last
       SET p.handEdited = coalesce(p.handEdited, []) + [f IN ['sections'] WHERE NOT f IN coalesce(p.handEdited, [])]
       RETURN p.id AS id`,
      { paperId, fromId, toId },
    );
    if (!row) return false;
    await refreshSectionTopics(run, [paperId]);
    return true;
  });
}
