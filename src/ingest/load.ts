import type { Db, Runner } from '../db/driver.js';
import type { PaperNode } from '../db/schema/model.js';
import { propertiesOf } from '../db/schema/paper-properties.js';
import {
  countNodes,
  type PaperRow,
  readStatements,
  type SectionRow,
  type Statement,
  storedListName,
  syncSource,
  type TopicRow,
  upsertPapers,
  writeListStructure,
} from '../db/write/list-writes.js';
import { reinferTogether, sectionGroups } from '../db/write/topic-writes.js';
import { listId, sectionId, topicId } from '../domain/normalize.js';
import { mappingOf, sectionChains, statedBySection, topicInputs } from '../topics/document-inputs.js';
import type { TopicInput } from '../topics/features.js';
import { inferTopics } from '../topics/infer.js';
import { ImportError } from './import-error.js';
import type { ParsedList, ParseWarning } from './records.js';
import { diffStatements, type SourceDiff } from './source-diff.js';
import { reinferAfterBatches, syncInBatches } from './source-sync.js';
import { listDef, type Taxonomy } from './taxonomy.js';

/** Papers per UNWIND statement; one statement of this size stays well inside Neo4j's memory limits. */
const BATCH = 1000;

const sectionIdsOf = (rows: Rows) => rows.sections.map((s) => s.id);

export interface ImportSummary {
  list: string;
  dryRun: boolean;
  sections: number;
  /**
   * Papers new to the graph, stated again (moved ones included), moved to other sections, and no
   * longer stated by this source (of which `deleted` were in no other source and left the graph).
   */
  papers: { created: number; updated: number; moved: number; removed: number; deleted: number };
  /** Entry by entry, what this import changed in what the source states. */
  changes: SourceDiff;
  /** False when the import only added (`keep`): nothing the file no longer says was removed. */
  synced: boolean;
  created: Record<string, number>;
  /** Paper entries read (a paper on two table rows counts twice). */
  entries: number;
  /** Items rightly not taken as papers, by reason. */
  skipped: Record<string, number>;
  warnings: ParseWarning[];
  notices: ParseWarning[];
}

/**
 * Builds the database rows for one parsed list: ids, the topics its sections state (taxonomy),
 * the topics inferred for each paper (the bulk loader writes these; an online write infers again
 * from the graph, derived.ts), author positions.
 */
export function planRows(
  parsed: ParsedList,
  listName: string,
  taxonomy: Taxonomy,
  format = 'md',
  opts: { infer?: boolean } = {},
) {
  const def = listDef(taxonomy, listName);
  const byCode = new Map(parsed.sections.map((s) => [s.code, s]));
  const stated = statedBySection(parsed, def, taxonomy);
  const chains = sectionChains(parsed);
  const topicsOf = (code: string | null) => (code ? (stated.get(code)?.topics ?? []) : []);
  // The headings whose mapping states a paper's topics: the evidence of its SECTION assignments.
  const statedBy = (code: string | null) =>
    code ? (chains.get(code) ?? []).filter((s) => mappingOf(def, s)?.topics.length).map((s) => s.title) : [];
  // Ids come from each section's key (its written code or heading path), never from position.
  const idOf = (code: string | null) => {
    const s = code === null ? undefined : byCode.get(code);
    return s ? sectionId(listName, s.key) : null;
  };
  const sections: SectionRow[] = parsed.sections.map((s) => ({
    id: sectionId(listName, s.key),
    code: s.code,
    title: s.title,
    order: s.order,
    depth: s.depth,
    parentId: idOf(s.parentCode),
    descriptionEn: mappingOf(def, s)?.en ?? null,
    descriptionZh: mappingOf(def, s)?.zh ?? null,
    topicIds: (mappingOf(def, s)?.topics ?? []).map(topicId),
  }));
  // Every topic of the taxonomy, so inference (which may name any) finds its node.
  const topics: TopicRow[] = taxonomy.topics.map((t) => ({
    id: topicId(t.id),
    name: t.name,
    facet: t.facet,
  }));
  const inputs = opts.infer ? topicInputs(parsed) : [];
  // Only the bulk loader asks: an online write infers from the graph in its own step (derived.ts).
  const inferred = opts.infer
    ? inferTopics(
        parsed.papers.map((p, i) => ({
          input: inputs[i] as TopicInput,
          stated: new Set(topicsOf(p.sectionCode)),
          section: p.sectionCode,
        })),
      )
    : [];
  const papers: PaperRow[] = parsed.papers.map((p, i) => {
    const topicIds = topicsOf(p.sectionCode);
    return {
      // Every property of the table the record carries, under its name; links as two lists.
      ...(propertiesOf(p as unknown as PaperNode) as PaperNode),
      linkLabels: p.links.map((l) => l.label),
      linkUrls: p.links.map((l) => l.url),
      venue: p.venue,
      authors: p.authors.map((a, position) => ({ ...a, position })),
      optimizers: p.optimizers,
      sectionId: idOf(p.sectionCode),
      listId: listId(listName),
      order: p.order,
      topicIds: topicIds.map(topicId),
      statedBy: statedBy(p.sectionCode),
      inferred: (inferred[i] ?? []).map((x) => ({ ...x, topic: topicId(x.topic) })),
      references: p.references ?? [],
    };
  });
  const title = def?.title ?? parsed.title;
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
    /** False: batches, each its own transaction (a failed load is completed by a re-run). */
    atomic?: boolean;
    /**
     * One transaction when the file and what the source stated before both fit in one batch,
     * batches otherwise (the CLI: a ten-thousand-paper library or removal outlasts one transaction).
     */
    batchLarge?: boolean;
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
    /** The source's format (formats.ts), recorded on its List node. */
    format?: string;
    /**
     * Only add: keep what the source stated before and the file no longer says (for partial files
     * imported under one name). By default a re-import makes the source state exactly the file.
     */
    keep?: boolean;
    /** The rows, when planRows already ran (the API plans on its import worker). */
    rows?: Rows;
  } = {},
): Promise<ImportSummary> {
  const rows = opts.rows ?? planRows(parsed, listName, taxonomy, opts.format);
  const batch = opts.batchSize ?? BATCH;
  if (!opts.dryRun && (opts.atomic === false || (opts.batchLarge && !(await fitsOne(db, rows, batch)))))
    return loadInBatches(db, rows, listName, parsed, batch, opts);
  return db.writeTransaction(
    async (run) => {
      await checkListName(run, rows.list.id, listName);
      const before = await countNodes(run);
      const stated = await readStatements(run, rows.list.id);
      await writeListStructure(run, rows.list, rows.topics, rows.sections);
      const written = { created: 0, matched: 0, statements: [] as Statement[] };
      const many = rows.papers.length > BATCH;
      for (let i = 0; i < rows.papers.length; i += BATCH) {
        const batch = rows.papers.slice(i, i + BATCH);
        addWritten(written, batch, await upsertPapers(run, batch, many ? { sectionsLater: true } : {}));
        opts.onProgress?.(Math.min(i + BATCH, rows.papers.length), rows.papers.length);
      }
      if (many)
        for (const group of await sectionGroups(run, sectionIdsOf(rows))) await reinferTogether(run, group);
      return finish(run, rows, written, stated, before, {
        listName,
        parsed,
        dryRun: opts.dryRun ?? false,
        keep: opts.keep ?? false,
      });
    },
    { dryRun: opts.dryRun },
  );
}

/** Whether the file's papers and the ones its source states now both fit in one batch. */
async function fitsOne(db: Db, rows: Rows, batch: number): Promise<boolean> {
  if (rows.papers.length > batch) return false;
  const [row] = await db.read('MATCH (:List {id: $id})<-[:STATED_IN]-(p:Paper) RETURN count(p) AS n', {
    id: rows.list.id,
  });
  return Number(row?.n ?? 0) <= batch;
}

/**
 * Two names that fold to one id ("Probe: Target!!" and "probe-target") would silently rename
 * the list already stored: the import is refused with both names unless they are the same name.
 */
async function checkListName(run: Runner, id: string, name: string): Promise<void> {
  const stored = await storedListName(run, id);
  if (stored !== null && stored.trim() !== name.trim()) {
    throw new ImportError(
      `The source "${name}" has the id ${id} of the list "${stored}" already in the graph; import under exactly "${stored}" to update that list, or choose a name of its own.`,
    );
  }
}

type Rows = ReturnType<typeof planRows>;
interface Written {
  created: number;
  matched: number;
  /** Each row as written: the paper id identity resolved it to, and its section. */
  statements: Statement[];
}

function addWritten(
  w: Written,
  batch: PaperRow[],
  r: { created: number; matched: number; ids: string[] },
): void {
  w.created += r.created;
  w.matched += r.matched;
  batch.forEach((p, k) => {
    w.statements.push({ paperId: r.ids[k] ?? p.id, sectionId: p.sectionId });
  });
}

/** Removes what the file no longer states (unless keep), reads the diff and the counts. */
async function finish(
  run: Runner,
  rows: Rows,
  written: Written,
  stated: Awaited<ReturnType<typeof readStatements>>,
  before: Record<string, number>,
  o: { listName: string; parsed: ParsedList; dryRun: boolean; keep: boolean },
): Promise<ImportSummary> {
  const { deleted } = o.keep
    ? { deleted: [] }
    : await syncSource(run, rows.list.id, written.statements, sectionIdsOf(rows));
  return summarize(run, rows, written, stated, before, deleted, o);
}

/** The import's summary: what it changed in what the source states, and the counts. */
async function summarize(
  run: Runner,
  rows: Rows,
  written: Written,
  stated: Awaited<ReturnType<typeof readStatements>>,
  before: Record<string, number>,
  deleted: readonly string[],
  o: { listName: string; parsed: ParsedList; dryRun: boolean; keep: boolean },
): Promise<ImportSummary> {
  const changes = diffStatements(stated, await readStatements(run, rows.list.id), deleted);
  const after = await countNodes(run);
  return {
    list: o.listName,
    dryRun: o.dryRun,
    sections: rows.sections.length,
    papers: {
      created: written.created,
      updated: written.matched,
      moved: changes.moved.length,
      removed: changes.removed.length,
      deleted: deleted.length,
    },
    changes,
    synced: !o.keep,
    created: Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])),
    entries: o.parsed.entries,
    skipped: o.parsed.skipped,
    warnings: o.parsed.warnings,
    notices: o.parsed.notices,
  };
}

/**
 * For corpora too large for one transaction (tens of thousands of papers): the structure, then
 * each batch of papers in its own transaction, then the removal of what the file no longer states,
 * a chunk per transaction, then one inference pass. Every batch is an idempotent MERGE, so a failed
 * load is made whole by running it again (the removal runs only once every batch has landed).
 */
async function loadInBatches(
  db: Db,
  rows: Rows,
  listName: string,
  parsed: ParsedList,
  batch: number,
  opts: { onProgress?: (done: number, total: number) => void; keep?: boolean },
): Promise<ImportSummary> {
  const [before, stated] = await db.writeTransaction(async (run) => {
    await checkListName(run, rows.list.id, listName);
    const counts = await countNodes(run);
    const old = await readStatements(run, rows.list.id);
    await writeListStructure(run, rows.list, rows.topics, rows.sections);
    return [counts, old] as const;
  });
  const written: Written = { created: 0, matched: 0, statements: [] };
  // Each batch infers its papers outside any section; the sections' papers are re-inferred
  // together in one pass at the end (each batch re-inferring all earlier ones is quadratic).
  for (let i = 0; i < rows.papers.length; i += batch) {
    const slice = rows.papers.slice(i, i + batch);
    const r = await db.writeTransaction((run) =>
      upsertPapers(run, slice, { createNew: true, sectionsLater: true }),
    );
    addWritten(written, slice, r);
    opts.onProgress?.(Math.min(i + batch, rows.papers.length), rows.papers.length);
  }
  const keep = opts.keep ?? false;
  const sync = keep
    ? { deleted: [], kept: [] }
    : await syncInBatches(db, rows.list.id, written.statements, sectionIdsOf(rows), batch);
  await reinferAfterBatches(db, sectionIdsOf(rows), sync.kept, batch);
  return db.writeTransaction((run) =>
    summarize(run, rows, written, stated, before, sync.deleted, { listName, parsed, dryRun: false, keep }),
  );
}
