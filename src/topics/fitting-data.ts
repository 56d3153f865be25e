import { FACETS, type ListDef, type Taxonomy } from '../ingest/taxonomy.js';
import type { Stated } from './document-inputs.js';
import { type Features, featuresOf, type Phrase, type TopicInput } from './features.js';
import type { Example } from './model.js';

/**
 * A paper's labels from what its list states: in each facet its section names a topic of, that
 * topic is 1 and the facet's others 0; a facet the section says has no answer is 0 throughout; a
 * list about something else has no method family and proposes no optimizer. Facets nothing
 * states stay unlabelled (not negatives).
 */
export function labelsOf(
  taxonomy: Taxonomy,
  stated: Stated | undefined,
  about: ListDef['about'],
): Map<string, 0 | 1> {
  const labels = new Map<string, 0 | 1>();
  for (const facet of FACETS) {
    const topics = taxonomy.topics.filter((t) => t.facet === facet);
    const named = topics.filter((t) => stated?.topics.includes(t.id));
    const denied = stated?.none.includes(facet) || (about === 'other' && facet !== 'ANALYSIS_LENS');
    if (!named.length && !denied) continue;
    for (const t of topics) labels.set(t.id, named.includes(t) ? 1 : 0);
  }
  return labels;
}

/**
 * The taxonomy's own words as fitting examples: each topic's description and phrases stand for
 * a paper about it (and not about the facet's other topics), so a topic no list states yet still
 * has evidence.
 */
export function taxonomyExamples(taxonomy: Taxonomy, phrases: readonly Phrase[]): Example[] {
  return taxonomy.topics.flatMap((t) => {
    const labels = new Map<string, 0 | 1>();
    for (const o of taxonomy.topics) if (o.facet === t.facet) labels.set(o.id, o.id === t.id ? 1 : 0);
    const docs: TopicInput[] = [
      { title: t.en, optimizers: t.optimizers },
      ...t.phrases.map((p) => ({ title: p })),
      ...t.optimizers.map((o) => ({ title: o, optimizers: [o] })),
    ];
    return docs.map((d) => ({ features: featuresOf(d, phrases), labels, weight: 2 }));
  });
}

/** A labelled paper: its features, labels and where it came from (for leave-one-list-out). */
export interface LabelledPaper extends Example {
  list: string;
  /** The section it sits in (list and section code), for reading a section's papers together. */
  section: string;
  paperId: string;
  title: string;
  features: Features;
}
