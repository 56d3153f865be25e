import type { Db } from '../db/driver.js';
import { type ImportSummary, loadList } from '../ingest/load.js';
import type { PaperRecord } from '../ingest/records.js';
import type { Taxonomy } from '../ingest/taxonomy.js';
import { type OpenAlexWork, openAlexWork } from '../ingest/works/openalex.js';
import { WorkCollector } from '../ingest/works/work-record.js';
import { bestTitleMatch, titleSimilarity } from './match.js';
import type { OpenAlexClient } from './openalex-client.js';

/** The source name enrichment records on the papers it completes (Paper.sources). */
export const ENRICH_SOURCE = 'openalex-enrichment';

interface Candidate {
  id: string;
  title: string;
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  openAlexId: string | null;
}

export interface Proposal {
  paperId: string;
  title: string;
  by: 'doi' | 'arxiv' | 'title';
  workId: string;
  workTitle: string;
  workYear: number | null;
  /** Title similarity of the paper and the work, 0..1. */
  confidence: number;
}

export interface EnrichSummary {
  lookedUp: number;
  proposals: Proposal[];
  notFound: Array<{ paperId: string; title: string }>;
  requests: number;
  cacheHits: number;
  /** What the merge filled, counted before and after (null on a dry run). */
  filled: { dois: number; abstracts: number; citations: number; pendingReferences: number } | null;
  load: ImportSummary | null;
}

/**
 * Papers lacking a DOI, an abstract or references, in id order. A paper with an OpenAlex id has
 * had its OpenAlex record merged already (by an import or an earlier run): there is nothing more
 * to ask for it.
 */
async function candidates(db: Db, limit: number): Promise<Candidate[]> {
  const rows = await db.read(
    `MATCH (p:Paper)
     WHERE p.openAlexId IS NULL
       AND (p.doi IS NULL OR p.abstract IS NULL OR NOT EXISTS { (p)-[:CITES|REFERS_TO]->() })
     RETURN p {.id, .title, .year, .doi, .arxivId, .openAlexId} AS p
     ORDER BY p.id LIMIT $limit`,
    { limit },
  );
  return rows.map((r) => {
    const p = r.p as Candidate;
    return {
      ...p,
      year: p.year ?? null,
      doi: p.doi ?? null,
      arxivId: p.arxivId ?? null,
      openAlexId: p.openAlexId ?? null,
    };
  });
}

/** Finds the OpenAlex work of a paper: by DOI, then arXiv id (its DataCite DOI), then title. */
async function lookUp(
  client: OpenAlexClient,
  p: Candidate,
): Promise<{ work: OpenAlexWork; by: Proposal['by']; confidence: number } | null> {
  const byKey = async (by: Proposal['by'], get: () => Promise<OpenAlexWork | null>) => {
    const work = await get();
    return work
      ? { work, by, confidence: titleSimilarity(p.title, work.title ?? work.display_name ?? '') }
      : null;
  };
  if (p.doi) {
    const hit = await byKey('doi', () => client.workByDoi(p.doi as string));
    if (hit) return hit;
  }
  if (p.arxivId) {
    const hit = await byKey('arxiv', () => client.workByDoi(`10.48550/arxiv.${p.arxivId}`));
    if (hit) return hit;
  }
  const best = bestTitleMatch(p.title, p.year, await client.searchTitle(p.title));
  return best ? { ...best, by: 'title' } : null;
}

async function filledCounts(db: Db) {
  const [row = {}] = await db.read(
    `CALL () { MATCH (p:Paper) WHERE p.doi IS NOT NULL RETURN count(p) AS dois }
     CALL () { MATCH (p:Paper) WHERE p.abstract IS NOT NULL RETURN count(p) AS abstracts }
     CALL () { MATCH ()-[c:CITES]->() RETURN count(c) AS citations }
     CALL () { MATCH ()-[r:REFERS_TO]->() RETURN count(r) AS pending }
     RETURN dois, abstracts, citations, pending`,
  );
  return row as { dois: number; abstracts: number; citations: number; pending: number };
}

/**
 * Looks up, in OpenAlex, the graph's papers that lack a DOI, an abstract or references, and
 * merges what it finds through the same path as an OpenAlex import. A matched work is merged
 * into the paper it was found for (its id and, when known, its year are the paper's), so a title
 * spelt a little differently never makes a second paper. With dryRun it only proposes.
 */
export async function enrich(
  db: Db,
  client: OpenAlexClient,
  taxonomy: Taxonomy,
  opts: {
    limit: number;
    dryRun?: boolean;
    onProposal?: (p: Proposal | { paperId: string; title: string; found: false }) => void;
  },
): Promise<EnrichSummary> {
  const papers = await candidates(db, opts.limit);
  const proposals: Proposal[] = [];
  const notFound: EnrichSummary['notFound'] = [];
  const records: PaperRecord[] = [];
  for (const p of papers) {
    const hit = await lookUp(client, p);
    if (!hit) {
      notFound.push({ paperId: p.id, title: p.title });
      opts.onProposal?.({ paperId: p.id, title: p.title, found: false });
      continue;
    }
    const work = hit.work;
    const proposal: Proposal = {
      paperId: p.id,
      title: p.title,
      by: hit.by,
      workId: String(work.id ?? '').replace(/^https:\/\/openalex\.org\//, ''),
      workTitle: work.title ?? work.display_name ?? '',
      workYear: work.publication_year ?? null,
      confidence: Math.round(hit.confidence * 100) / 100,
    };
    proposals.push(proposal);
    opts.onProposal?.(proposal);
    const one = new WorkCollector();
    one.add(openAlexWork(work, 0));
    const record = one.papers[0];
    if (record) records.push({ ...record, id: p.id, year: p.year ?? record.year, order: records.length });
  }
  const base = {
    lookedUp: papers.length,
    proposals,
    notFound,
    requests: client.requests,
    cacheHits: client.cacheHits,
  };
  if (opts.dryRun || records.length === 0) return { ...base, filled: null, load: null };
  const before = await filledCounts(db);
  const collected = new WorkCollector();
  collected.papers.push(...records);
  collected.entries = records.length;
  const load = await loadList(db, collected.result(), ENRICH_SOURCE, taxonomy, { format: 'openalex' });
  const after = await filledCounts(db);
  return {
    ...base,
    requests: client.requests,
    cacheHits: client.cacheHits,
    filled: {
      dois: after.dois - before.dois,
      abstracts: after.abstracts - before.abstracts,
      citations: after.citations - before.citations,
      pendingReferences: after.pending - before.pending,
    },
    load,
  };
}
