import type { Db } from '../db/driver.js';
import {
  countNodes,
  type PaperRow,
  type SectionRow,
  type TopicRow,
  upsertPapers,
  writeListStructure,
} from '../db/write/list-writes.js';
import { listId, sectionId, slug, topicId } from '../domain/normalize.js';
import type { ParsedList, ParseWarning } from './records.js';
import type { Taxonomy } from './taxonomy.js';

/** Papers per UNWIND statement; one statement of this size stays well inside Neo4j's memory limits. */
const BATCH = 1000;

export interface ImportSummary {
  list: string;
  dryRun: boolean;
  sections: number;
  papers: { created: number; updated: number };
  created: Record<string, number>;
  /** Paper entries read (a paper on two table rows counts twice). */
  entries: number;
  /** Items rightly not taken as papers, by reason. */
  skipped: Record<string, number>;
  warnings: ParseWarning[];
  notices: ParseWarning[];
}

/** Builds the database rows for one parsed list: ids, topic mapping from the taxonomy, author positions. */
export function planRows(parsed: ParsedList, listName: string, taxonomy: Taxonomy, format = 'md') {
  const mapping = taxonomy.lists[slug(listName)]?.sections ?? {};
  const byCode = new Map(parsed.sections.map((s) => [s.code, s]));
  // A section's topics are its own mapping plus its ancestors'.
  const topicsOf = (code: string | null): string[] => {
    const out: string[] = [];
    for (let c = code; c; c = byCode.get(c)?.parentCode ?? null) {
      for (const t of mapping[c]?.topics ?? []) if (!out.includes(topicId(t))) out.push(topicId(t));
    }
    return out;
  };
  const sections: SectionRow[] = parsed.sections.map((s) => ({
    id: sectionId(listName, s.code),
    code: s.code,
    title: s.title,
    order: s.order,
    depth: s.depth,
    parentId: s.parentCode ? sectionId(listName, s.parentCode) : null,
    descriptionEn: mapping[s.code]?.en ?? null,
    descriptionZh: mapping[s.code]?.zh ?? null,
    topicIds: (mapping[s.code]?.topics ?? []).map(topicId),
  }));
  const used = new Set(sections.flatMap((s) => topicsOf(s.code)));
  const topics: TopicRow[] = taxonomy.topics
    .map((t) => ({ ...t, id: topicId(t.id) }))
    .filter((t) => used.has(t.id));
  const papers: PaperRow[] = parsed.papers.map((p) => ({
    id: p.id,
    title: p.title,
    year: p.year,
    listedYear: p.listedYear,
    arxivId: p.arxivId,
    doi: p.doi,
    openreviewId: p.openreviewId,
    authorsComplete: p.authorsComplete,
    venueText: p.venueText,
    notes: p.notes,
    linkLabels: p.links.map((l) => l.label),
    linkUrls: p.links.map((l) => l.url),
    venue: p.venue,
    openAlexId: p.openAlexId ?? null,
    abstract: p.abstract ?? null,
    keywords: p.keywords ?? [],
    globalCitationCount: p.globalCitationCount ?? null,
    otherIds: p.otherIds ?? [],
    authors: p.authors.map((a, position) => ({ ...a, position })),
    optimizers: p.optimizers,
    sectionId: p.sectionCode === null ? null : sectionId(listName, p.sectionCode),
    listId: listId(listName),
    order: p.order,
    topicIds: topicsOf(p.sectionCode),
    references: p.references ?? [],
  }));
  const title = taxonomy.lists[slug(listName)]?.title ?? parsed.title;
  return { list: { id: listId(listName), name: listName, title, format }, topics, sections, papers };
}

/**
 * Writes a parsed list in one transaction (batched UNWIND … MERGE), so a failure writes nothing
 * and a re-import changes no counts. With dryRun the transaction is rolled back.
 */
export async function loadList(
  db: Db,
  parsed: ParsedList,
  listName: string,
  taxonomy: Taxonomy,
  opts: {
    dryRun?: boolean;
    atomic?: boolean;
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
    /** The source's format (formats.ts), recorded on its List node. */
    format?: string;
  } = {},
): Promise<ImportSummary> {
  const rows = planRows(parsed, listName, taxonomy, opts.format);
  if (opts.atomic === false && !opts.dryRun)
    return loadInBatches(db, rows, listName, parsed, opts.batchSize ?? BATCH, opts.onProgress);
  return db.writeTransaction(
    async (run) => {
      const before = await countNodes(run);
      await writeListStructure(run, rows.list, rows.topics, rows.sections);
      let created = 0;
      let matched = 0;
      for (let i = 0; i < rows.papers.length; i += BATCH) {
        const r = await upsertPapers(run, rows.papers.slice(i, i + BATCH));
        created += r.created;
        matched += r.matched;
        opts.onProgress?.(Math.min(i + BATCH, rows.papers.length), rows.papers.length);
      }
      const after = await countNodes(run);
      return summarize(
        listName,
        opts.dryRun ?? false,
        rows.sections.length,
        { created, matched },
        before,
        after,
        parsed,
      );
    },
    { dryRun: opts.dryRun },
  );
}

/**
 * For corpora too large for one transaction (tens of thousands of papers): the structure, then
 * each batch of papers in its own transaction. Every batch is an idempotent MERGE, so a failed
 * load is made whole by running it again.
 */
async function loadInBatches(
  db: Db,
  rows: ReturnType<typeof planRows>,
  listName: string,
  parsed: ParsedList,
  batch: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const before = await db.writeTransaction((run) => countNodes(run));
  await db.writeTransaction((run) => writeListStructure(run, rows.list, rows.topics, rows.sections));
  let created = 0;
  let matched = 0;
  for (let i = 0; i < rows.papers.length; i += batch) {
    const r = await db.writeTransaction((run) =>
      upsertPapers(run, rows.papers.slice(i, i + batch), { createNew: true }),
    );
    created += r.created;
    matched += r.matched;
    onProgress?.(Math.min(i + batch, rows.papers.length), rows.papers.length);
  }
  const after = await db.writeTransaction((run) => countNodes(run));
  return summarize(listName, false, rows.sections.length, { created, matched }, before, after, parsed);
}

function summarize(
  list: string,
  dryRun: boolean,
  sections: number,
  papers: { created: number; matched: number },
  before: Record<string, number>,
  after: Record<string, number>,
  parsed: ParsedList,
): ImportSummary {
  return {
    list,
    dryRun,
    sections,
    papers: { created: papers.created, updated: papers.matched },
    created: Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])),
    entries: parsed.entries,
    skipped: parsed.skipped,
    warnings: parsed.warnings,
    notices: parsed.notices,
  };
}
