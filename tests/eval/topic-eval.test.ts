import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateTopics } from '../../src/eval/topic-score.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { CORPUS_DIRS, corpusFiles, readCorpus } from '../../src/topics/corpus.js';

// The targets: leave-one-list-out macro-F1 ≥ 0.8, and ≤ 10% of the papers of lists about
// something else given a method family.
describe('eval:topics on the labelled lists', () => {
  const taxonomy = loadTaxonomy();
  const files = corpusFiles(
    taxonomy,
    CORPUS_DIRS.filter((d) => existsSync(d)),
  );

  it('finds the labelled lists of the repository and ../shared', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it('meets the targets leave-one-list-out', { timeout: 120_000 }, () => {
    const e = evaluateTopics(taxonomy, readCorpus(taxonomy, files));
    expect(e.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(e.falseFamilyRate).toBeLessThanOrEqual(0.1);
    for (const r of e.rows.filter((x) => x.support >= 10)) expect(r.f1, r.topic).toBeGreaterThan(0.6);
  });
});
