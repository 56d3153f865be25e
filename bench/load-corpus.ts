import type { Db } from '../src/db/driver.js';
import { bulkImport } from '../src/ingest/bulk/bulk-import.js';
import { loadList } from '../src/ingest/load.js';
import type { ParsedList } from '../src/ingest/records.js';
import { loadTaxonomy } from '../src/ingest/taxonomy.js';
import { corpusChunks, generateCorpus } from './corpus.js';

export interface LoadRate {
  papers: number;
  authorships: number;
  citations: number;
  /** The online importer (a live database) or the bulk path (neo4j-admin import). */
  path: 'online' | 'bulk';
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
  return onlineRate(corpus, (performance.now() - t0) / 1000);
}

/** The online load rate of a generated corpus written in `seconds`. */
export function onlineRate(corpus: ParsedList, seconds: number): LoadRate {
  const papers = corpus.papers.length;
  const authorships = corpus.papers.reduce((n, p) => n + p.authors.length, 0);
  const citations = corpus.papers.reduce((n, p) => n + (p.references?.length ?? 0), 0);
  return { papers, authorships, citations, path: 'online', seconds, papersPerSecond: papers / seconds };
}

/**
 * Loads a generated corpus into an empty managed database through the bulk path (neo4j-admin
 * import), streamed in chunks so a million papers fit in memory; the server is stopped after.
 */
export async function bulkLoadCorpus(
  dataDir: string,
  cacheDir: string,
  papers: number,
  seed = 1,
  log?: (m: string) => void,
): Promise<LoadRate> {
  const documents = (function* () {
    for (const parsed of corpusChunks(papers, seed))
      yield { parsed, listName: 'optimizer-papers-analysis', format: 'md' as const, part: false };
  })();
  const s = await bulkImport(
    { kind: 'managed', dataDir, cacheDir, database: 'neo4j' },
    [{ documents }],
    loadTaxonomy(),
    {
      ...(log ? { log } : {}),
    },
  );
  return {
    papers: s.counts.papers,
    authorships: s.counts.authorships,
    citations: s.counts.citations,
    path: 'bulk',
    seconds: s.seconds.total,
    papersPerSecond: s.counts.papers / s.seconds.total,
  };
}
