import type { Db } from '../src/db/driver.js';
import { loadList } from '../src/ingest/load.js';
import { loadTaxonomy } from '../src/ingest/taxonomy.js';
import { generateCorpus } from './corpus.js';

export interface LoadRate {
  papers: number;
  authorships: number;
  seconds: number;
  papersPerSecond: number;
}

/** Generates a corpus and loads it with the project's batched importer; returns the measured load rate. */
export async function loadCorpus(db: Db, papers: number, seed = 1, batchSize = 1000): Promise<LoadRate> {
  const corpus = generateCorpus(papers, seed);
  const t0 = performance.now();
  // Batch by batch, each its own idempotent transaction: much faster than one huge transaction
  // (MERGE against a large uncommitted state) and within Neo4j's transaction memory limit.
  await loadList(db, corpus, 'optimizer-papers-analysis', loadTaxonomy(), { atomic: false, batchSize });
  const seconds = (performance.now() - t0) / 1000;
  const authorships = corpus.papers.reduce((n, p) => n + p.authors.length, 0);
  return { papers, authorships, seconds, papersPerSecond: papers / seconds };
}
