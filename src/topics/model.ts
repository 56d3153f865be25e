import { createHash } from 'node:crypto';
import type { Facet, Taxonomy } from '../ingest/taxonomy.js';
import { FEATURE_NOTES, type Features } from './features.js';

/**
 * One logistic regression a topic over sparse word, section, optimizer-family and phrase
 * features: small enough to fit in a second on this data, and each weight readable, so every
 * assignment can say which words decided it. Written by hand (a few dozen lines) because the
 * fitting libraries on npm want dense matrices, which these vectors are not.
 */
export interface TopicWeights {
  id: string;
  facet: Facet;
  bias: number;
  weights: Record<string, number>;
}

export interface TopicModel {
  /** What assignments record as their model: a digest of the weights. */
  version: string;
  /** A digest of the taxonomy's topics the model was fitted for (a changed taxonomy re-fits). */
  taxonomy: string;
  examples: number;
  topics: TopicWeights[];
}

/** A fitting example: its features and, for each topic it is labelled for, 1 (about) or 0 (not). */
export interface Example {
  features: Features;
  labels: Map<string, 0 | 1>;
  /** How much the example counts (a taxonomy description is worth several papers). */
  weight?: number;
}

const EPOCHS = 12;
const RATE = 0.4;
const L2 = 2e-4;

/** A digest of what a model depends on in the taxonomy: the topics and their words. */
export function taxonomyDigest(t: Taxonomy): string {
  const topics = t.topics.map((x) => [x.id, x.facet, x.phrases, x.optimizers, x.en, x.examples]);
  return createHash('sha1').update(JSON.stringify(topics)).digest('hex').slice(0, 10);
}

/** Fits one model a topic on the examples labelled for it (AdaGrad, L2, positives balanced). */
export function fitModel(taxonomy: Taxonomy, examples: readonly Example[]): TopicModel {
  const packed = pack(examples);
  const topics = taxonomy.topics.map((t) => fitTopic(t.id, t.facet, packed));
  const version = `lr-${createHash('sha1').update(JSON.stringify(topics)).digest('hex').slice(0, 8)}`;
  return { version, taxonomy: taxonomyDigest(taxonomy), examples: examples.length, topics };
}

/** Examples as index and value arrays over one vocabulary: fitting reads arrays, not maps. */
interface Packed {
  names: string[];
  rows: { idx: Int32Array; val: Float64Array; labels: Map<string, 0 | 1>; weight: number }[];
}

function pack(examples: readonly Example[]): Packed {
  const index = new Map<string, number>();
  const names: string[] = [];
  const rows = examples.map((e) => {
    const idx = new Int32Array(e.features.size);
    const val = new Float64Array(e.features.size);
    let k = 0;
    for (const [f, x] of e.features) {
      let i = index.get(f);
      if (i === undefined) {
        i = names.length;
        index.set(f, i);
        names.push(f);
      }
      idx[k] = i;
      val[k++] = x;
    }
    return { idx, val, labels: e.labels, weight: e.weight ?? 1 };
  });
  return { names, rows };
}

function fitTopic(id: string, facet: Facet, packed: Packed): TopicWeights {
  const data = packed.rows.filter((e) => e.labels.has(id));
  const pos = data.filter((e) => e.labels.get(id) === 1).reduce((n, e) => n + e.weight, 0);
  const neg = data.filter((e) => e.labels.get(id) === 0).reduce((n, e) => n + e.weight, 0);
  if (pos === 0) return { id, facet, bias: -4, weights: {} };
  const w = new Float64Array(packed.names.length);
  const g2 = new Float64Array(packed.names.length).fill(1e-8);
  let bias = Math.log((pos + 1) / (neg + 1));
  let biasG2 = 1;
  // Positives weigh as much as negatives, up to 4×, so a rare topic is not fitted away.
  const posWeight = Math.min(4, Math.max(1, neg / pos) ** 0.5);
  const order = data.map((_, i) => i);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const e = data[k] as Packed['rows'][number];
      const y = e.labels.get(id) as number;
      let z = bias;
      for (let j = 0; j < e.idx.length; j++) z += (w[e.idx[j] as number] as number) * (e.val[j] as number);
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - y) * e.weight * (y === 1 ? posWeight : 1);
      biasG2 += err * err;
      bias -= (RATE / Math.sqrt(biasG2)) * err;
      for (let j = 0; j < e.idx.length; j++) {
        const f = e.idx[j] as number;
        const g = err * (e.val[j] as number) + L2 * (w[f] as number);
        g2[f] = (g2[f] as number) + g * g;
        w[f] = (w[f] as number) - (RATE / Math.sqrt(g2[f] as number)) * g;
      }
    }
  }
  const kept = packed.names
    .map((n, i) => [n, w[i] as number] as const)
    .filter(([, x]) => Math.abs(x) >= 0.05);
  // fromEntries defines own keys: a word such as "__proto__" or "constructor" is a feature like any other.
  const weights: Record<string, number> = Object.fromEntries(
    kept.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, x]) => [n, Math.round(x * 1000) / 1000]),
  );
  return { id, facet, bias: Math.round(bias * 1000) / 1000, weights };
}

/** One topic's score for a paper, with the features that pushed it up most (its evidence). */
export interface TopicScore {
  topic: string;
  facet: Facet;
  confidence: number;
  evidence: string[];
}

/** Scores a paper's features against every topic of the model. */
export function scoreTopics(model: TopicModel, f: Features): TopicScore[] {
  const found = FEATURE_NOTES.get(f);
  return model.topics.map((t) => {
    let z = t.bias;
    const parts: [string, number][] = [];
    for (const [name, x] of f) {
      // Own keys only: the weights are a plain object, and "constructor" is a word of titles.
      const wf = Object.hasOwn(t.weights, name) ? t.weights[name] : undefined;
      if (wf === undefined) continue;
      z += wf * x;
      if (wf * x > 0.25) parts.push([name, wf * x]);
    }
    parts.sort((a, b) => b[1] - a[1]);
    const evidence = parts.slice(0, 3).map(([name]) => readable(name, found?.get(name)));
    // Never 1: an inferred assignment is never as sure as a stated one (minConfidence 1 asks for those).
    return {
      topic: t.id,
      facet: t.facet,
      confidence: Math.min(0.999, round(1 / (1 + Math.exp(-z)))),
      evidence,
    };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A feature as evidence reads: `title: "momentum"`, `section: "adaptive method"`, `phrase: "loss landscape"`. */
function readable(name: string, phrase: string | undefined): string {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  return `${kind}: ${phrase ?? name.slice(colon + 1)}`;
}
