import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Config } from '../../config.js';
import { createDriver, Db } from '../../db/driver.js';
import { applyConstraints } from '../../db/schema/constraints.js';
import { markMigrated } from '../../db/schema/migrations.js';
import { type PaperRow, upsertPapers } from '../../db/write/list-writes.js';
import { adminImport } from '../../neo4j-server/admin-import.js';
import { type LocalNeo4j, startLocalNeo4j } from '../../neo4j-server/server.js';
import { reinferAll } from '../../topics/reinfer.js';
import type { Format } from '../formats.js';
import { ImportError, type ParsedDocument, parseDocument, sourceFromFile } from '../import-list.js';
import { planRows } from '../load.js';
import { isJsonLines, readDocumentFile } from '../read-file.js';
import type { ParseWarning } from '../records.js';
import type { Taxonomy } from '../taxonomy.js';
import { WorkCollector } from '../works/work-record.js';
import { ARRAY_DELIMITER } from './csv.js';
import { type GraphFiles, GraphFilesWriter } from './graph-files.js';
import { plannedBatches } from './parallel-parse.js';

/** A file to read, or documents already parsed (the benchmark's generated corpus, in chunks). */
export type BulkInput =
  | {
      file: string;
      format?: Format;
      /** The source (list) name; defaults to the file name. */
      source?: string;
    }
  | { documents: Iterable<ParsedDocument> };

export interface BulkOptions {
  strict?: boolean;
  log?: (msg: string) => void;
  /** Works read so far, after each batch. */
  onProgress?: (works: number) => void;
  /** Memory for the import tool (JVM heap and off-heap). */
  heap?: string;
  offHeap?: string;
}

export interface BulkSummary {
  counts: GraphFiles['counts'] & { duplicates: number; nodes: number; relationships: number };
  entries: number;
  warnings: ParseWarning[];
  skipped: Record<string, number>;
  /** Seconds per phase and in all. */
  seconds: {
    files: number;
    adminImport: number;
    start: number;
    indexes: number;
    duplicates: number;
    total: number;
  };
  /** Peak resident memory in MB: this process, and the import tool's JVM. */
  peakRssMb: { node: number; importTool: number };
}

/** Works per batch read from a JSON Lines file (bounded memory, like the online stream). */
const BATCH = 1000;

/**
 * `npm run import -- --bulk`: loads files into an empty managed database through neo4j-admin's
 * offline import, the fast way in for millions of works. It refuses, writing nothing, when
 * NEO4J_URI names a server the project does not manage, when another process runs the managed
 * server, or when the database holds data. Otherwise: every file parsed into CSV files (a
 * problem there, or any unreadable line with strict, stops before the database is touched), the
 * server stopped, the import run, the server started, constraints and indexes built, and rows
 * naming a paper twice merged through the online write path.
 */
export async function bulkImport(
  neo4j: Config['neo4j'],
  inputs: readonly BulkInput[],
  taxonomy: Taxonomy,
  opts: BulkOptions = {},
): Promise<BulkSummary> {
  const log = opts.log ?? (() => {});
  const c = neo4j;
  if (c.kind !== 'managed') {
    throw new ImportError(
      `--bulk writes the store files of the Neo4j this project manages, but NEO4J_URI points at ${c.uri}, a server it does not manage; nothing was written. Import into that server with \`npm run import\` (without --bulk), or unset NEO4J_URI to bulk-import into the managed database.`,
    );
  }
  const t0 = performance.now();
  const managed = {
    dataDir: c.dataDir,
    cacheDir: c.cacheDir,
    ...(c.boltPort ? { boltPort: c.boltPort } : {}),
    log,
  };
  let server: LocalNeo4j | null = await startLocalNeo4j(managed);
  const dir = join(c.dataDir, 'bulk-import');
  try {
    if (!server.owned) {
      throw new ImportError(
        `--bulk needs the managed Neo4j stopped (the import replaces its store files), but another process runs it (pid ${server.javaPid}, ${server.uri}; \`npm start\` or another command). Stop it and run the bulk import again; nothing was written.`,
      );
    }
    const nodes = await countData(server, c.database);
    if (nodes > 0) {
      throw new ImportError(
        `--bulk loads only into an empty database, and ${c.database} in ${c.dataDir} holds ${nodes} nodes; nothing was written. Use \`npm run import\` (without --bulk) to add to it, or point NEO4J_DATA_DIR at a new folder.`,
      );
    }
    await rm(dir, { recursive: true, force: true });
    const writer = new GraphFilesWriter(dir);
    const read = await writeFiles(writer, inputs, taxonomy, opts);
    if (opts.strict && read.warnings.length) {
      throw new ImportError(
        `${read.warnings.length} line(s) could not be read (strict mode, nothing written):\n${read.warnings
          .slice(0, 20)
          .map((w) => `  ${w.message}`)
          .join('\n')}`,
        read.warnings,
      );
    }
    const files = await writer.finish();
    const tFiles = performance.now();
    log(
      `Wrote the import files: ${files.counts.papers} papers, ${files.counts.authors} authors, ${files.counts.citations} citations in ${((tFiles - t0) / 1000).toFixed(1)} s.`,
    );

    await server.stop();
    server = null;
    const imported = await adminImport({
      dataDir: c.dataDir,
      cacheDir: c.cacheDir,
      database: c.database,
      nodes: files.nodes,
      relationships: files.relationships,
      arrayDelimiter: ARRAY_DELIMITER,
      multiline: files.multiline,
      ...(opts.heap ? { heap: opts.heap } : {}),
      ...(opts.offHeap ? { offHeap: opts.offHeap } : {}),
      log,
    });
    log(
      `neo4j-admin database import: ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakRssMb.toFixed(0)} MB.`,
    );

    const tStart = performance.now();
    server = await startLocalNeo4j(managed);
    const db = new Db(createDriver(server), { database: c.database, txTimeoutMs: 3_600_000 });
    try {
      const tIndexes = performance.now();
      // Before the constraints, which run the migrations not recorded: the files are the current model.
      await markMigrated(db);
      await applyConstraints(db, { awaitSeconds: 3600 });
      const tDups = performance.now();
      log(`Constraints and indexes online in ${((tDups - tIndexes) / 1000).toFixed(1)} s.`);
      await mergeDuplicates(db, files.duplicates.file, files.listed, taxonomy);
      const [row] = await db.read(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      );
      const end = performance.now();
      return {
        counts: {
          ...files.counts,
          duplicates: files.duplicates.rows,
          nodes: Number(row?.nodes ?? 0),
          relationships: Number(row?.rels ?? 0),
        },
        entries: read.entries,
        warnings: read.warnings,
        skipped: read.skipped,
        seconds: {
          files: (tFiles - t0) / 1000,
          adminImport: imported.seconds,
          start: (tIndexes - tStart) / 1000,
          indexes: (tDups - tIndexes) / 1000,
          duplicates: (end - tDups) / 1000,
          total: (end - t0) / 1000,
        },
        peakRssMb: { node: process.resourceUsage().maxRSS / 1024, importTool: imported.peakRssMb },
      };
    } finally {
      await db.close();
    }
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Nodes in the database other than the migration records a start may have left. */
async function countData(server: LocalNeo4j, database: string): Promise<number> {
  const db = new Db(createDriver(server), { database });
  try {
    const [row] = await db.read('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n');
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
  }
}

/** Parses every input into the writer: documents whole, JSON Lines in batches. */
async function writeFiles(
  writer: GraphFilesWriter,
  inputs: readonly BulkInput[],
  taxonomy: Taxonomy,
  opts: BulkOptions,
): Promise<{ entries: number; warnings: ParseWarning[]; skipped: Record<string, number> }> {
  const warnings: ParseWarning[] = [];
  const skipped: Record<string, number> = {};
  let entries = 0;
  let works = 0;
  const note = (file: string, ws: readonly ParseWarning[]) => {
    for (const w of ws)
      if (warnings.length < 10_000)
        warnings.push({ line: w.line, message: `${file} line ${w.line}: ${w.message}` });
  };
  const addDocument = (doc: ParsedDocument, file: string) => {
    const rows = planRows(doc.parsed, doc.listName, taxonomy, doc.format, { infer: true });
    writer.addStructure(rows.list, rows.topics, rows.sections);
    writer.addPapers(rows.papers);
    note(file, doc.parsed.warnings);
    for (const [k, v] of Object.entries(doc.parsed.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
    entries += doc.parsed.entries;
    works += rows.papers.length;
    opts.onProgress?.(works);
  };
  for (const input of inputs) {
    if ('documents' in input) {
      for (const doc of input.documents) addDocument(doc, doc.listName);
      continue;
    }
    const source = (input.source ?? sourceFromFile(input.file)).trim();
    if ((input.format === undefined || input.format === 'openalex') && isJsonLines(input.file)) {
      // Every topic of the taxonomy, as an online import writes them: inference may name any.
      const structure = planRows(new WorkCollector().result(), source, taxonomy, 'openalex');
      writer.addStructure(structure.list, structure.topics, []);
      try {
        for await (const b of plannedBatches(input.file, source, taxonomy, { batch: BATCH })) {
          note(input.file, b.warnings);
          entries += b.entries;
          works += b.rows.length;
          writer.addPapers(b.rows, b.terms);
          opts.onProgress?.(works);
        }
      } catch (err) {
        throw new ImportError(`cannot read ${input.file} ${(err as Error).message}; nothing was written.`);
      }
    } else {
      const doc = parseDocument(readDocumentFile(input.file, input.format), taxonomy, {
        source,
        fileName: input.file,
        strict: false,
        ...(input.format ? { format: input.format } : {}),
      });
      addDocument(doc, input.file);
    }
  }
  return { entries, warnings, skipped };
}

/** Rows that named a paper already in the files, merged by the online write path (identity, richer values, derived data). */
async function mergeDuplicates(
  db: Db,
  file: string,
  listed: readonly string[],
  taxonomy: Taxonomy,
): Promise<void> {
  let rows: PaperRow[] = [];
  const merged = new Set<string>();
  const flush = async () => {
    if (rows.length) {
      const { ids } = await db.writeTransaction((run) => upsertPapers(run, rows));
      for (const id of ids) merged.add(id);
    }
    rows = [];
  };
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line) continue;
    rows.push(JSON.parse(line) as PaperRow);
    if (rows.length >= BATCH) await flush();
  }
  await flush();
  // The files were planned a file at a time, and the graph pools a listed paper with its sections
  // as every file made them (readTopicInputs): the listed papers' topics planned from one file
  // differ from those (on the seed lists, some confidences by 0.1-0.3: bulk-import.int.test.ts).
  // Listed papers, and merged ones (a row may bring an abstract), are re-inferred as the online
  // importer's stored inference reads them; works outside any section (inferred from themselves
  // alone) are not, so a million OpenAlex works cost nothing here.
  const around = new Set([...merged, ...listed]);
  if (around.size) await reinferAll(db, taxonomy, { around: [...around] });
}
