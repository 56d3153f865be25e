import { existsSync, writeFileSync } from 'node:fs';
import type { Db, Runner } from '../db/driver.js';
import { countTopicPairs } from '../db/schema/topic-pairs.js';
import {
  asItem,
  graphIds,
  readTopicInputs,
  type StoredPaper,
  taxonomyId,
  writeInferred,
} from '../db/write/topic-writes.js';
import { FACETS, type Taxonomy } from '../ingest/taxonomy.js';
import { CORPUS_DIRS, corpusFiles, readCorpus } from './corpus.js';
import { featuresOf, phraseIndex } from './features.js';
import { taxonomyExamples } from './fitting-data.js';
import { activeModel, keptInferred, MODEL_FILE, ownScores, useModel } from './infer.js';
import { type Example, fitModel, type TopicModel, taxonomyDigest } from './model.js';
import { addToMean, emptyMean, pooled, type SectionMean } from './pooling.js';

export interface ReinferSummary {
  papers: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Papers a topic has at the default threshold, before and after. */
  byTopic: Record<string, { before: number; after: number }>;
  model: string;
  /** Set when the taxonomy had changed since the model was fitted: what it was re-fitted on. */
  refitted?: { lists: number; statedPapers: number };
  dryRun: boolean;
}

const BATCH = 5000;
const reader =
  (db: Db): Runner =>
  (cypher, params) =>
    db.read(cypher, params);
/** The next batch of paper ids after `last`, in id order. */
const nextIds = async (db: Db, last: string) =>
  (
    await db.read('MATCH (p:Paper) WHERE p.id > $last RETURN p.id AS id ORDER BY p.id LIMIT $n', {
      last,
      n: BATCH,
    })
  ).map((r) => r.id as string);

/**
 * Papers with stated topics as fitting examples: in each facet a stated topic names, that topic
 * is 1 and the facet's others 0; a topic's example ids are 1.
 */
async function statedExamples(db: Db, taxonomy: Taxonomy): Promise<Example[]> {
  const phrases = phraseIndex(taxonomy);
  const facetOf = new Map(taxonomy.topics.map((t) => [t.id, t.facet]));
  const examples = new Set(taxonomy.topics.flatMap((t) => t.examples));
  const ids = (
    await db.read(
      `MATCH (p:Paper) WHERE EXISTS { (p)-[a:ABOUT]->() WHERE a.source <> 'INFERRED' } OR p.id IN $examples
       RETURN p.id AS id`,
      { examples: [...examples] },
    )
  ).map((r) => r.id as string);
  const out: Example[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const papers = await readTopicInputs(reader(db), ids.slice(i, i + BATCH));
    for (const p of papers) {
      const labels = new Map<string, 0 | 1>();
      for (const facet of FACETS) {
        const named = p.stated.filter((t) => facetOf.get(t) === facet);
        if (!named.length) continue;
        for (const t of taxonomy.topics)
          if (t.facet === facet) labels.set(t.id, named.includes(t.id) ? 1 : 0);
      }
      for (const t of taxonomy.topics) if (t.examples.includes(p.id)) labels.set(t.id, 1);
      out.push({ features: featuresOf(p.input, phrases), labels });
    }
  }
  return out;
}

/**
 * Fits a model for the taxonomy as it is now: the labelled lists of the corpus folders that
 * exist, the graph's stated papers, and the taxonomy's own words. Written to seed/topic-model.json.
 */
export async function refit(
  db: Db,
  taxonomy: Taxonomy,
): Promise<{ model: TopicModel; lists: number; statedPapers: number }> {
  const files = corpusFiles(
    taxonomy,
    CORPUS_DIRS.filter((d) => existsSync(d)),
  );
  const corpus = readCorpus(taxonomy, files).filter((p) => p.labels.size);
  const stated = await statedExamples(db, taxonomy);
  const model = fitModel(taxonomy, [
    ...taxonomyExamples(taxonomy, phraseIndex(taxonomy)),
    ...corpus,
    ...stated,
  ]);
  return { model, lists: files.length, statedPapers: stated.length };
}

/** Papers listed in these sections, with the section each is pooled with (its first, as readTopicInputs reads it). */
async function listedIn(
  db: Db,
  sectionIds: readonly string[],
): Promise<Array<{ id: string; section: string }>> {
  const rows = await db.read(
    `UNWIND $sections AS sid
     MATCH (:Section {id: sid})<-[:LISTED_IN]-(p:Paper)
     WITH DISTINCT p
     RETURN p.id AS id, COLLECT { MATCH (p)-[:LISTED_IN]->(s:Section) RETURN s.id ORDER BY s.id }[0] AS section
     ORDER BY id`,
    { sections: [...sectionIds] },
  );
  return rows as unknown as Array<{ id: string; section: string }>;
}

/** The sections these papers are listed in. */
async function sectionsOf(db: Db, paperIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < paperIds.length; i += BATCH) {
    const rows = await db.read(
      'UNWIND $ids AS id MATCH (:Paper {id: id})-[:LISTED_IN]->(s:Section) RETURN DISTINCT s.id AS id',
      { ids: paperIds.slice(i, i + BATCH) },
    );
    for (const r of rows) out.add(r.id as string);
  }
  return [...out];
}

/** Paper ids in batches of BATCH: every paper in id order, or the given ones. */
async function* batchesOf(db: Db, ids?: readonly string[]): AsyncGenerator<string[]> {
  if (ids) {
    for (let i = 0; i < ids.length; i += BATCH) yield ids.slice(i, i + BATCH);
    return;
  }
  for (let last = ''; ; ) {
    const batch = await nextIds(db, last);
    if (!batch.length) return;
    last = batch[batch.length - 1] as string;
    yield batch;
  }
}

/**
 * Recomputes every paper's inferred topics (after a taxonomy or model change), re-fitting first
 * when the taxonomy is not the one the model was fitted for. In batches, each one transaction
 * that keeps the TopicPair counters; with dryRun, nothing is written and the changes are counted.
 * With `around`, only those papers and the others of their sections, pooled with their sections'
 * means over all those sections' papers: after papers changed or joined sections they were not
 * planned with (the bulk path's merged rows), the answer re-inferring every paper gives, at the
 * cost of those sections.
 */
export async function reinferAll(
  db: Db,
  taxonomy: Taxonomy,
  opts: { dryRun?: boolean; onBatch?: (done: number) => void; around?: readonly string[] } = {},
): Promise<ReinferSummary> {
  let m = activeModel();
  let refitted: ReinferSummary['refitted'];
  if (!m || m.model.taxonomy !== taxonomyDigest(taxonomy)) {
    const r = await refit(db, taxonomy);
    if (!opts.dryRun) writeFileSync(MODEL_FILE, saveModel(r.model));
    useModel(r.model, taxonomy);
    m = activeModel();
    refitted = { lists: r.lists, statedPapers: r.statedPapers };
  }
  const model = m as NonNullable<typeof m>;
  const threshold = taxonomy.inference.threshold;
  const summary: ReinferSummary = {
    papers: 0,
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    byTopic: Object.fromEntries(taxonomy.topics.map((t) => [t.id, { before: 0, after: 0 }])),
    model: model.model.version,
    dryRun: !!opts.dryRun,
    ...(refitted ? { refitted } : {}),
  };
  // The papers re-inferred, and those whose own scores make their sections' means: every paper,
  // or the scope's papers and every paper of the sections they are pooled with.
  let scope: string[] | undefined;
  let pooledWith: string[] | undefined;
  if (opts.around) {
    const listed = await listedIn(db, await sectionsOf(db, opts.around));
    scope = [...new Set([...opts.around, ...listed.map((p) => p.id)])].sort();
    pooledWith = (await listedIn(db, [...new Set(listed.map((p) => p.section))])).map((p) => p.id);
  }
  // First pass: every section's mean over its papers' own scores (pooling.ts), so each batch of
  // the second pass reads its papers with their whole sections.
  const means = new Map<string, SectionMean>();
  for await (const ids of batchesOf(db, pooledWith)) {
    for (const p of await readTopicInputs(reader(db), ids)) {
      if (p.section === null) continue;
      const mean = means.get(p.section) ?? emptyMean();
      means.set(p.section, mean);
      addToMean(mean, ownScores(p.input, model));
    }
  }
  for await (const ids of batchesOf(db, scope)) {
    const step = async (run: Runner) => {
      const papers = await readTopicInputs(run, ids);
      const rows = papers.map((p) => {
        const own = ownScores(p.input, model);
        const scores = pooled(own, p.section === null ? undefined : means.get(p.section));
        const topics = graphIds(keptInferred(scores, asItem(p).stated, model));
        tally(summary, p.inferred, topics, threshold);
        for (const t of p.stated)
          if (summary.byTopic[t]) {
            (summary.byTopic[t] as { before: number }).before++;
            (summary.byTopic[t] as { after: number }).after++;
          }
        return { id: p.id, topics, same: unchanged(p, topics, model.model.version) };
      });
      // Papers whose assignments are as they were (same topics, confidences and model) are not
      // rewritten: a re-inference that changes nothing only reads.
      const changed = rows.filter((r) => !r.same);
      if (opts.dryRun || !changed.length) return;
      const changedIds = changed.map((r) => r.id);
      await countTopicPairs(run, changedIds, -1);
      await writeInferred(run, changed, model.model.version);
      await countTopicPairs(run, changedIds, 1);
    };
    if (opts.dryRun) await step(reader(db));
    else await db.writeTransaction(step);
    summary.papers += ids.length;
    opts.onBatch?.(summary.papers);
  }
  return summary;
}

function unchanged(p: StoredPaper, after: { topic: string; confidence: number }[], version: string): boolean {
  const before = Object.entries(p.inferred);
  if (before.length !== after.length || p.models.some((m) => m !== version)) return false;
  return after.every((x) => Math.abs((p.inferred[x.topic] ?? -1) - x.confidence) < 1e-9);
}

function tally(
  s: ReinferSummary,
  before: Record<string, number>,
  after: { topic: string; confidence: number }[],
  threshold: number,
): void {
  const now = new Map(after.map((x) => [x.topic, x.confidence]));
  for (const [topic, c] of Object.entries(before)) {
    const t = s.byTopic[taxonomyId(topic)];
    if (t && c >= threshold) t.before++;
    if (!now.has(topic)) s.removed++;
    else if (Math.abs((now.get(topic) as number) - c) > 1e-6) s.changed++;
    else s.unchanged++;
  }
  for (const [topic, c] of now) {
    const t = s.byTopic[taxonomyId(topic)];
    if (t && c >= threshold) t.after++;
    if (!(topic in before)) s.added++;
  }
}

/** A model as the file holds it: one topic a line, so a re-fit shows in a diff topic by topic. */
export function saveModel(model: TopicModel): string {
  const { topics, ...head } = model;
  return `${JSON.stringify({ ...head, topics: [] }).slice(0, -3)}[\n${topics.map((t) => JSON.stringify(t)).join(',\n')}\n]}\n`;
}
