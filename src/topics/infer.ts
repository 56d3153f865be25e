import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../ingest/seed-dir.js';
import { projectTaxonomy, type Taxonomy } from '../ingest/taxonomy.js';
import { featuresOf, type Phrase, phraseIndex, type TopicInput } from './features.js';
import { scoreTopics, type TopicModel } from './model.js';

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

/**
 * The topics inferred for a paper: every topic of the model scoring at least `keep`, except
 * those already stated for it (a stated assignment outranks inference). A facet may get none.
 */
export function inferTopics(
  input: TopicInput,
  stated: ReadonlySet<string> = new Set(),
  m = activeModel(),
): Inferred[] {
  if (!m) return [];
  const keep = m.taxonomy.inference.keep;
  return scoreTopics(m.model, featuresOf(input, m.phrases))
    .filter((s) => s.confidence >= keep && !stated.has(s.topic))
    .map(({ topic, confidence, evidence }) => ({ topic, confidence, evidence }));
}
