import { topicId } from '../../domain/normalize.js';
import type { TopicInput } from '../../topics/features.js';
import { activeModel, type InferenceItem, type Inferred, inferTopics } from '../../topics/infer.js';
import type { Runner } from '../driver.js';
import { countTopicPairs } from '../schema/topic-pairs.js';

/**
 * Inferred topics of papers, recomputed from what the graph holds of them: title, abstract,
 * keywords, venue, the optimizers they name, and the headings of every section and list that
 * states them. Stated (SECTION, MANUAL) assignments are left as they are and not inferred
 * again. A step of the one paper write path (derived.ts), so every source and every mutation
 * gets its topics in its own transaction.
 */
export async function inferStoredTopics(
  run: Runner,
  paperIds: readonly string[],
  opts: { siblings?: boolean } = {},
): Promise<void> {
  const m = activeModel();
  if (!m || !paperIds.length) return;
  // Their sections' other papers are read with them (pooling.ts), so their topics move too;
  // a batched import leaves that to one pass at its end (reinferSections).
  const [row] =
    opts.siblings === false
      ? []
      : await run(
          `UNWIND $ids AS id
           MATCH (:Paper {id: id})-[:LISTED_IN]->(:Section)<-[:LISTED_IN]-(o:Paper) WHERE NOT o.id IN $ids
           RETURN collect(DISTINCT o.id) AS siblings`,
          { ids: [...paperIds] },
        );
  const siblings = (row?.siblings as string[] | undefined) ?? [];
  const papers = await readTopicInputs(run, [...paperIds, ...siblings]);
  const inferred = inferTopics(papers.map(asItem), m);
  // Topics in id order, as the counters are: concurrent writes lock shared nodes in one order.
  const rows = papers
    .map((p, i) => ({
      id: p.id,
      topics: graphIds(inferred[i] ?? []).sort((a, b) => (a.topic < b.topic ? -1 : 1)),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  // The write path keeps the counters of the papers it was given; the siblings' are kept here.
  if (siblings.length) await countTopicPairs(run, siblings, -1);
  await writeInferred(run, rows, m.model.version);
  if (siblings.length) await countTopicPairs(run, siblings, 1);
}

/**
 * The papers of these sections in groups to re-infer together, each group whole sections (a
 * paper is pooled with its first section's papers, as readTopicInputs reads it) of about `size`
 * papers: what a batched import re-infers once at its end, instead of every batch re-inferring
 * every earlier batch's papers (quadratic: 123 papers/s at 10,000, measured).
 */
export async function sectionGroups(
  run: Runner,
  sectionIds: readonly string[],
  size = 1000,
): Promise<string[][]> {
  if (!activeModel() || !sectionIds.length) return [];
  const rows = await run(
    `UNWIND $sections AS sid
     MATCH (:Section {id: sid})<-[:LISTED_IN]-(p:Paper)
     WITH DISTINCT p
     RETURN p.id AS id, COLLECT { MATCH (p)-[:LISTED_IN]->(s:Section) RETURN s.id ORDER BY s.id }[0] AS section
     ORDER BY section, id`,
    { sections: [...sectionIds] },
  );
  const groups: string[][] = [];
  let current: string[] = [];
  let last: unknown;
  for (const r of rows) {
    if (r.section !== last && current.length >= size) {
      groups.push(current);
      current = [];
    }
    current.push(r.id as string);
    last = r.section;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Re-infers these papers together (one group of sectionGroups), keeping the pair counters in step. */
export async function reinferTogether(run: Runner, paperIds: readonly string[]): Promise<void> {
  await countTopicPairs(run, paperIds, -1);
  await inferStoredTopics(run, paperIds, { siblings: false });
  await countTopicPairs(run, paperIds, 1);
}

/** A stored paper as inference takes it. */
export const asItem = (p: StoredPaper): InferenceItem => ({
  input: p.input,
  stated: new Set(p.stated),
  section: p.section,
});

/** Inferred assignments with the graph's topic ids. */
export const graphIds = (xs: Inferred[]) => xs.map((x) => ({ ...x, topic: topicId(x.topic) }));

/** A paper as inference reads it from the graph, with its current assignments. */
export interface StoredPaper {
  id: string;
  input: TopicInput;
  /** Taxonomy ids of its stated (SECTION, MANUAL) topics. */
  stated: string[];
  /** The section it is read with (its first), or null. */
  section: string | null;
  /** Its INFERRED assignments now: graph topic id → confidence, and the models that made them. */
  inferred: Record<string, number>;
  models: string[];
}

/** What inference reads of papers: title, abstract, keywords, venue, optimizers, list titles and section headings (not file names: a name is no evidence). */
export async function readTopicInputs(run: Runner, paperIds: readonly string[]): Promise<StoredPaper[]> {
  const rows = await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.keywords AS keywords,
            COLLECT { MATCH (p)-[:PUBLISHED_IN]->(v:Venue) RETURN v.name }[0] AS venue,
            COLLECT { MATCH (p)-[:MENTIONS]->(o:Optimizer) RETURN o.name } AS optimizers,
            COLLECT { MATCH (p)-[a:ABOUT]->(t:Topic) WHERE a.source <> 'INFERRED' RETURN t.id } AS stated,
            COLLECT { MATCH (p)-[a:ABOUT {source: 'INFERRED'}]->(t:Topic) RETURN [t.id, a.confidence] } AS inferred,
            COLLECT { MATCH (p)-[a:ABOUT {source: 'INFERRED'}]->() RETURN DISTINCT a.model } AS models,
            COLLECT { MATCH (p)-[:LISTED_IN]->(s:Section) RETURN s.id ORDER BY s.id }[0] AS section,
            COLLECT { MATCH (p)-[:STATED_IN]->(l:List) WHERE l.title IS NOT NULL RETURN l.title } +
            COLLECT { MATCH (p)-[:LISTED_IN]->(:Section)-[:SUBSECTION_OF*0..]->(s:Section) RETURN DISTINCT s.title } AS sections`,
    { ids: [...paperIds] },
  );
  return rows.map((p) => ({
    id: p.id as string,
    input: {
      title: p.title as string,
      abstract: p.abstract as string | null,
      keywords: p.keywords as string[] | null,
      venue: p.venue as string | null,
      optimizers: p.optimizers as string[],
      sectionPath: p.sections as string[],
    },
    stated: (p.stated as string[]).map(taxonomyId),
    section: (p.section as string | null) ?? null,
    inferred: Object.fromEntries(p.inferred as [string, number][]),
    models: p.models as string[],
  }));
}

/** A graph topic id ("topic:adaptive") as the taxonomy names it ("adaptive"). */
export const taxonomyId = (id: string) => id.replace(/^topic:/, '');

/** Topic nodes as the taxonomy defines them (inference may name one no import created yet). */
export const topicRows = () =>
  (activeModel()?.taxonomy.topics ?? []).map((t) => ({ id: topicId(t.id), name: t.name, facet: t.facet }));

/** Replaces papers' INFERRED assignments with these (stated ones are never touched). */
export async function writeInferred(
  run: Runner,
  rows: { id: string; topics: { topic: string; confidence: number; evidence: string[] }[] }[],
  model: string,
): Promise<void> {
  if (!rows.length) return;
  // The topic nodes first, in the same round trip (inference may name one no import created yet).
  await run(
    `CALL () { UNWIND $topics AS t MERGE (n:Topic {id: t.id}) ON CREATE SET n.name = t.name, n.facet = t.facet }
     UNWIND $rows AS row
     MATCH (p:Paper {id: row.id})
     CALL (p) { MATCH (p)-[old:ABOUT {source: 'INFERRED'}]->() DELETE old }
     WITH p, row
     UNWIND row.topics AS x
     MATCH (t:Topic {id: x.topic})
     WHERE NOT EXISTS { (p)-[:ABOUT]->(t) }
     CREATE (p)-[:ABOUT {source: 'INFERRED', confidence: x.confidence, evidence: x.evidence, model: $model}]->(t)`,
    { topics: topicRows(), rows, model },
  );
}
