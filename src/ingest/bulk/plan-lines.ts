import type { PaperRow } from '../../db/write/list-writes.js';
import { termsOf } from '../../domain/terms.js';
import { LIMITS } from '../../limits.js';
import { readJsonLine } from '../formats.js';
import { planRows } from '../load.js';
import type { ParseWarning } from '../records.js';
import type { Taxonomy } from '../taxonomy.js';
import { WorkCollector } from '../works/work-record.js';

/** Lines of a JSON Lines file of OpenAlex works, numbered; null stands for a line past LIMITS.recordBytes. */
export interface LinesJob {
  id: number;
  source: string;
  lines: Array<[number, string | null]>;
}

/** A job's works planned as rows (topics inferred), with each row's terms, as the files writer takes them. */
export interface PlannedBatch {
  id: number;
  rows: PaperRow[];
  terms: string[][];
  warnings: ParseWarning[];
  entries: number;
}

/**
 * Reads and plans one batch of lines: everything the bulk path does to a work before identity,
 * which needs every earlier work and stays with the one writer (graph-files.ts). Pure, so it runs
 * on any thread (../bulk-worker.ts). A work outside any section is inferred on its own, so how the
 * lines are cut into batches changes nothing.
 */
export function planLines(job: LinesJob, taxonomy: Taxonomy): PlannedBatch {
  const batch = new WorkCollector();
  for (const [n, line] of job.lines) {
    if (line === null) {
      batch.entries++;
      batch.warn(n, `skipped: the line is longer than ${LIMITS.recordBytes / 1024 / 1024} MB`);
    } else readJsonLine(batch, line, n);
  }
  const warnings = [...batch.warnings];
  const entries = batch.entries;
  const rows = planRows(batch.result(), job.source, taxonomy, 'openalex', { infer: true }).papers;
  const terms = rows.map((p) => termsOf(p.title, p.abstract, ...(p.keywords ?? [])));
  return { id: job.id, rows, terms, warnings, entries };
}
