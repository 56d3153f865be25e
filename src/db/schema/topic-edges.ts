import { projectTaxonomy } from '../../ingest/taxonomy.js';

/**
 * (:Paper)-[:ABOUT {source, confidence, model, evidence}]->(:Topic). Where an assignment came
 * from decides what may replace it: a MANUAL one (a mutation) is never overwritten, a SECTION
 * one (the list's section mapping) outranks inference, an INFERRED one is recomputed at every
 * write of its paper. Stated ones have confidence 1.
 */
export const TOPIC_SOURCES = ['SECTION', 'INFERRED', 'MANUAL'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];

/** The confidence below which an inferred topic is not shown unless asked for (taxonomy.yaml). */
export const defaultMinConfidence = () => projectTaxonomy().inference.threshold;

/**
 * A pattern's predicate keeping the assignments at or above `min` (a parameter name, or the
 * default written as a number: it comes from the taxonomy file, never from a request).
 */
export const shownAbout = (r: string, min: string = String(defaultMinConfidence())) =>
  `${r}.confidence >= ${min}`;

/**
 * Confidence grades 0–10 of an assignment (stated ones 10): the TopicPair counters count by the
 * lower grade of the pair, so a minConfidence on the tenths answers from them.
 */
export const GRADES = 10;
export const gradeOf = (r: string) => `toInteger(floor(coalesce(${r}.confidence, 1.0) * ${GRADES} + 1e-9))`;

/** The grade a minConfidence needs, when it is on the tenths (else null: the answer walks). */
export function gradeFor(min: number): number | null {
  const g = Math.round(min * GRADES);
  return Math.abs(g / GRADES - min) < 1e-9 ? g : null;
}
