import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { featuresOf, phraseIndex } from '../../src/topics/features.js';
import { type Example, fitModel, scoreTopics, taxonomyDigest } from '../../src/topics/model.js';
import { poolSection } from '../../src/topics/pooling.js';

const taxonomy = loadTaxonomy();
const phrases = phraseIndex(taxonomy);
const family = (adaptive: 0 | 1) =>
  new Map<string, 0 | 1>([
    ['adaptive', adaptive],
    ['gd-sgd-momentum', adaptive ? 0 : 1],
    ['second-order', 0],
  ]);
const example = (title: string, adaptive: 0 | 1): Example => ({
  features: featuresOf({ title }, phrases),
  labels: family(adaptive),
});
const examples = [
  example('Adaptive moment estimation with bias correction', 1),
  example('Adaptive step sizes per coordinate', 1),
  example('An adaptive learning rate method', 1),
  example('Momentum accelerates stochastic descent', 0),
  example('Heavy ball momentum for deep nets', 0),
  example('Nesterov momentum revisited', 0),
];

describe('the topic model', () => {
  const model = fitModel(taxonomy, examples);

  it('fits one readable model a topic and scores with the words that decided it', () => {
    expect(model.version).toMatch(/^lr-[0-9a-f]{8}$/);
    expect(model.taxonomy).toBe(taxonomyDigest(taxonomy));
    const [adaptive] = scoreTopics(
      model,
      featuresOf({ title: 'Adaptive methods for training' }, phrases),
    ).filter((s) => s.topic === 'adaptive');
    expect(adaptive?.confidence).toBeGreaterThan(0.5);
    expect(adaptive?.confidence).toBeLessThan(1);
    expect(adaptive?.evidence).toContain('title: adaptive');
  });

  it('can answer none: a topic no example states stays low', () => {
    const scores = scoreTopics(model, featuresOf({ title: 'Lottery tickets in pruned networks' }, phrases));
    expect(scores.find((s) => s.topic === 'new-optimizers')?.confidence).toBeLessThan(0.1);
  });

  it('is the same model when fitted twice on the same data', () => {
    expect(fitModel(taxonomy, examples).version).toBe(model.version);
  });
});

describe('a section read together', () => {
  const s = (topic: string, confidence: number) => ({
    topic,
    facet: 'METHOD_FAMILY' as const,
    confidence,
    evidence: [],
  });
  it('draws each paper toward its section, and leaves a small section as it is', () => {
    const pooled = poolSection([[s('adaptive', 0.9)], [s('adaptive', 0.9)], [s('adaptive', 0.2)]]);
    expect(pooled[2]?.[0]?.confidence).toBeGreaterThan(0.5);
    expect(pooled[2]?.[0]?.evidence).toContain('section: its 3 papers');
    expect(pooled[0]?.[0]?.confidence).toBeLessThan(0.9);
    expect(poolSection([[s('adaptive', 0.9)], [s('adaptive', 0.2)]])[1]?.[0]?.confidence).toBe(0.2);
  });
});
