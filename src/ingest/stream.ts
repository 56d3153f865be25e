import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Db } from '../db/driver.js';
import { countNodes, type Statement, upsertPapers, writeListStructure } from '../db/write/list-writes.js';
import { LIMITS } from '../limits.js';
import { readJsonLine } from './formats.js';
import { ImportError } from './import-list.js';
import { type ImportSummary, planRows } from './load.js';
import type { ParseWarning } from './records.js';
import { reinferAfterBatches, syncInBatches } from './source-sync.js';
import type { Taxonomy } from './taxonomy.js';
import { WorkCollector } from './works/work-record.js';

/** Works per transaction of a streamed import. */
const BATCH = 1000;

export interface StreamOptions {
  source: string;
  dryRun?: boolean;
  strict?: boolean;
  /** Only add: keep the works an earlier import of this source stated and the file no longer does. */
  keep?: boolean;
  batchSize?: number;
  /** Bytes of the file read so far (compressed bytes for .gz) and the file's size, and works loaded. */
  onProgress?: (bytesRead: number, bytesTotal: number, works: number) => void;
}

/** The lines of a (possibly gzipped) file, one at a time, with the bytes read so far. */
export async function* linesOf(file: string): AsyncGenerator<{ line: string; n: number; bytes: number }> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => input.destroy(err));
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of rl) {
    n++;
    yield { line, n, bytes: raw.bytesRead };
  }
}

/**
 * Imports a JSON Lines file of OpenAlex works of any size: read line by line and loaded in
 * batches, each in its own transaction, so memory stays bounded. Every batch is an idempotent
 * merge that keeps derived values and citations whole, so a failed import leaves a consistent
 * graph, says how far it got, and a re-run completes it. --strict reads the whole file first
 * and writes nothing when any line is bad.
 */
export async function importJsonLines(
  db: Db,
  file: string,
  taxonomy: Taxonomy,
  opts: StreamOptions,
): Promise<ImportSummary> {
  const total = statSync(file).size;
  const batchSize = opts.batchSize ?? BATCH;
  if (opts.strict) {
    const problems = await scan(file);
    if (problems.length) {
      throw new ImportError(
        `${problems.length} line(s) could not be read (strict mode, nothing written):\n${problems
          .slice(0, 20)
          .map((w) => `  line ${w.line}: ${w.message}`)
          .join('\n')}`,
        problems,
      );
    }
  }
  const listName = opts.source.trim();
  const list = planRows(new WorkCollector().result(), listName, taxonomy, 'openalex').list;
  const before = opts.dryRun ? {} : await db.writeTransaction((run) => countNodes(run));
  if (!opts.dryRun) await db.writeTransaction((run) => writeListStructure(run, list, [], []));
  const warnings: ParseWarning[] = [];
  const skipped: Record<string, number> = {};
  let entries = 0;
  let created = 0;
  let matched = 0;
  let loaded = 0;
  let lastLine = 0;
  let batch = new WorkCollector();
  // Ids only (a few tens of bytes a work): what the source states, for the removal at the end.
  const stated: Statement[] = [];
  const flush = async () => {
    const parsed = batch.result();
    warnings.push(...parsed.warnings);
    entries += parsed.entries;
    batch = new WorkCollector();
    if (!parsed.papers.length) return;
    if (!opts.dryRun) {
      const rows = planRows(parsed, listName, taxonomy, 'openalex').papers;
      // Most works of a snapshot are new: created outright, the rest merged (see upsertPapers).
      const r = await db.writeTransaction((run) => upsertPapers(run, rows, { createNew: true }));
      created += r.created;
      matched += r.matched;
      for (const id of r.ids) stated.push({ paperId: id, sectionId: null });
    }
    loaded += parsed.papers.length;
  };
  try {
    for await (const { line, n, bytes } of linesOf(file)) {
      lastLine = n;
      if (Buffer.byteLength(line) > LIMITS.recordBytes) {
        batch.entries++;
        batch.warn(n, `skipped: the line is longer than ${LIMITS.recordBytes / 1024 / 1024} MB`);
      } else readJsonLine(batch, line, n);
      if (batch.papers.length >= batchSize) {
        await flush();
        opts.onProgress?.(bytes, total, loaded);
      }
    }
    await flush();
    opts.onProgress?.(total, total, loaded);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      `The import of ${file} stopped near line ${lastLine} after ${loaded} works were loaded (each batch of ${batchSize} is whole): ${(err as Error).message}. Running the same import again completes it; works already loaded are matched, not duplicated.`,
      warnings,
    );
  }
  // Once every batch has landed, what the file no longer states goes (a failed run removes nothing).
  const sync =
    opts.dryRun || opts.keep
      ? { removed: [], deleted: [], kept: [] }
      : await syncInBatches(db, list.id, stated, [], batchSize);
  if (sync.kept.length) await reinferAfterBatches(db, [], sync.kept, batchSize);
  const after = opts.dryRun ? {} : await db.writeTransaction((run) => countNodes(run));
  const createdNodes = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, v - ((before as Record<string, number>)[k] ?? 0)]),
  );
  return {
    list: listName,
    dryRun: opts.dryRun ?? false,
    sections: 0,
    papers: {
      ...(opts.dryRun ? { created: loaded, updated: 0 } : { created, updated: matched }),
      moved: 0,
      removed: sync.removed.length,
      deleted: sync.deleted.length,
    },
    // A stream is not read twice: its changes are counted, not listed.
    changes: { added: [], moved: [], removed: [] },
    synced: !opts.keep,
    created: createdNodes,
    entries,
    skipped,
    warnings,
    notices: [],
  };
}

/** Reads every line without writing: the problems --strict refuses. */
async function scan(file: string): Promise<ParseWarning[]> {
  const out = new WorkCollector();
  for await (const { line, n } of linesOf(file)) {
    if (Buffer.byteLength(line) > LIMITS.recordBytes)
      out.warn(n, 'the line is longer than the per-record limit');
    else readJsonLine(out, line, n);
    // Only the problems are kept: memory stays bounded however long the file is.
    out.papers.length = 0;
  }
  return out.warnings;
}
