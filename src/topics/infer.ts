import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../ingest/seed-dir.js';
import { projectTaxonomy, type Taxonomy } from '../ingest/taxonomy.js';
import { featuresOf, type Phrase, phraseIndex, type TopicInput } from './features.js';
import { scoreTopics, type TopicModel, type TopicScore } from './model.js';
import { addToMean, emptyMean, pooled, type SectionMean } from './pooling.js';

/** An inferred assignment: a topic, how sure, and the words, optimizer or section that decided it. */
export interface Inferred {
  topic: string;
  confidence: number;
  evidence: string[];
}

/** The fitted model the project ships (npm run topics:train writes it; topics:infer re-fits it when the taxonomy changed). */
export const MODEL_FILE = join(SEED_DIR, 'topic-model.json');

let active: { model: TopicModel; phrases: Phrase[]; taxonomy: Taxonomy } | null | undefined;

/** The model imports infer with, read once; null when none is fitted (then nothing is inferred). */
export function activeModel(): { model: TopicModel; phrases: Phrase[]; taxonomy: Taxonomy } | null {
  if (active !== undefined) return active;
  const taxonomy = projectTaxonomy();
  active = existsSync(MODEL_FILE)
    ? {
        model: JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as TopicModel,
        phrases: phraseIndex(taxonomy),
        taxonomy,
      }
    : null;
  return active;
}

/** Makes a freshly fitted model the active one (topics:infer after a re-fit). */
export function useModel(model: TopicModel, taxonomy = projectTaxonomy()): void {
  active = { model, phrases: phraseIndex(taxonomy), taxonomy };
}

type Active = NonNullable<ReturnType<typeof activeModel>>;

/** A paper's own scores for every topic of the model, before its section is read with it. */
export const ownScores = (input: TopicInput, m: Active): TopicScore[] =>
  scoreTopics(m.model, featuresOf(input, m.phrases));

/**
 * The assignments kept of a paper's scores: every topic scoring at least `keep`, except those
 * already stated for it (a stated assignment outranks inference). A facet may get none.
 */
export function keptInferred(
  scores: readonly TopicScore[],
  stated: ReadonlySet<string>,
  m: Active,
): Inferred[] {
  return scores
    .filter((s) => s.confidence >= m.taxonomy.inference.keep && !stated.has(s.topic))
    .map(({ topic, confidence, evidence }) => ({ topic, confidence, evidence }));
}

/** A paper to infer topics for: what it says, its stated topics, the section it sits in (or null). */
export interface InferenceItem {
  input: TopicInput;
  stated: ReadonlySet<string>;
  section: string | null;
}

/**
 * The topics inferred for papers read together: each section's papers pooled (pooling.ts), so a
 * heading's subject reaches the titles that do not say it. In the order given.
 */
export function inferTopics(items: readonly InferenceItem[], m = activeModel()): Inferred[][] {
  if (!m) return items.map(() => []);
  const own = items.map((x) => ownScores(x.input, m));
  const means = new Map<string, SectionMean>();
  items.forEach((x, i) => {
    if (x.section === null) return;
    const mean = means.get(x.section) ?? emptyMean();
    means.set(x.section, mean);
    addToMean(mean, own[i] as TopicScore[]);
  });
  return items.map((x, i) =>
    keptInferred(
      pooled(own[i] as TopicScore[], x.section === null ? undefined : means.get(x.section)),
      x.stated,
      m,
    ),
  );
}
