import type { Taxonomy } from '../ingest/taxonomy.js';
import { phraseIndex } from '../topics/features.js';
import { type LabelledPaper, taxonomyExamples } from '../topics/fitting-data.js';
import { fitModel, scoreTopics, type TopicModel, type TopicScore } from '../topics/model.js';
import { POOL_WEIGHT, poolSection } from '../topics/pooling.js';

/** Scores papers, each section's papers read together (pooling.ts); in the papers' order. */
export function scoreBySection(
  model: TopicModel,
  papers: readonly LabelledPaper[],
  pool: number,
): TopicScore[][] {
  const out: TopicScore[][] = new Array(papers.length);
  const bySection = new Map<string, number[]>();
  for (const [i, p] of papers.entries()) bySection.set(p.section, [...(bySection.get(p.section) ?? []), i]);
  for (const idx of bySection.values()) {
    const pooled = poolSection(
      idx.map((i) => scoreTopics(model, (papers[i] as LabelledPaper).features)),
      pool,
    );
    idx.forEach((i, k) => {
      out[i] = pooled[k] as TopicScore[];
    });
  }
  return out;
}

export interface TopicScoreRow {
  topic: string;
  facet: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TopicEval {
  rows: TopicScoreRow[];
  macroF1: number;
  /** Lists about something else: papers given a method family / papers. */
  falseFamily: { list: string; papers: number; withFamily: number }[];
  falseFamilyRate: number;
  lists: { list: string; papers: number; labelled: number }[];
}

/**
 * Leave-one-list-out (or, given `fittedOn`, held out): each list's papers are scored by a model fitted on every other list (and
 * the taxonomy's words), its own mapping hidden, against what its mapping states. Counts are
 * pooled over the lists, per topic; a paper counts for a topic only where its list labels it.
 */
export function evaluateTopics(
  taxonomy: Taxonomy,
  corpus: readonly LabelledPaper[],
  threshold = taxonomy.inference.threshold,
  about = (list: string) => taxonomy.lists[list]?.about,
  pool = POOL_WEIGHT,
  /** Held out: every list of `corpus` is scored by one model fitted on these instead. */
  fittedOn?: readonly LabelledPaper[],
): TopicEval {
  const phrases = phraseIndex(taxonomy);
  const base = taxonomyExamples(taxonomy, phrases);
  const lists = [...new Set(corpus.map((p) => p.list))].filter((l) =>
    corpus.some((p) => p.list === l && p.labels.size),
  );
  const counts = new Map(taxonomy.topics.map((t) => [t.id, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  const family = new Set(taxonomy.topics.filter((t) => t.facet === 'METHOD_FAMILY').map((t) => t.id));
  const falseFamily: TopicEval['falseFamily'] = [];
  const perList: TopicEval['lists'] = [];
  const fixed = fittedOn && fitModel(taxonomy, [...base, ...fittedOn.filter((p) => p.labels.size)]);
  for (const list of lists) {
    const model =
      fixed ?? fitModel(taxonomy, [...base, ...corpus.filter((p) => p.list !== list && p.labels.size)]);
    const test = corpus.filter((p) => p.list === list);
    const scored = scoreBySection(model, test, pool);
    let withFamily = 0;
    for (const [i, p] of test.entries()) {
      const scores = scored[i] as TopicScore[];
      if (scores.some((s) => family.has(s.topic) && s.confidence >= threshold)) withFamily++;
      for (const s of scores) {
        const label = p.labels.get(s.topic);
        if (label === undefined) continue;
        const c = counts.get(s.topic) as { tp: number; fp: number; fn: number; support: number };
        const said = s.confidence >= threshold;
        if (label === 1) c.support++;
        if (said && label === 1) c.tp++;
        else if (said) c.fp++;
        else if (label === 1) c.fn++;
      }
    }
    perList.push({ list, papers: test.length, labelled: test.filter((p) => p.labels.size).length });
    if (about(list) === 'other') falseFamily.push({ list, papers: test.length, withFamily });
  }
  const rows = taxonomy.topics.map((t) => {
    const c = counts.get(t.id) as { tp: number; fp: number; fn: number; support: number };
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { topic: t.id, facet: t.facet, ...c, precision, recall, f1 };
  });
  const scored = rows.filter((r) => r.support > 0);
  const total = falseFamily.reduce((n, l) => n + l.papers, 0);
  return {
    rows,
    macroF1: scored.length ? scored.reduce((s, r) => s + r.f1, 0) / scored.length : 0,
    falseFamily,
    falseFamilyRate: total ? falseFamily.reduce((n, l) => n + l.withFamily, 0) / total : 0,
    lists: perList,
  };
}
