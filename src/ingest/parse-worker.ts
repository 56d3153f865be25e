import { parentPort } from 'node:worker_threads';
import type { Format } from './formats.js';
import { ImportError } from './import-error.js';
import { parseDocument } from './import-list.js';
import { planRows } from './load.js';
import { projectTaxonomy } from './taxonomy.js';

/** One document to read: what parseDocument takes, sent by parse-pool.ts. */
export interface ParseJob {
  id: number;
  text: string;
  source: string;
  format?: Format;
  strict?: boolean;
}

// Loaded (modules and taxonomy): the pool starts a job's clock from here, not from thread start.
projectTaxonomy();
parentPort?.postMessage({ ready: true });

// Parses and plans one document per message, off the API's event loop; the pool ends this thread
// when a job runs past its budget, so nothing here needs to watch the time.
parentPort?.on('message', (job: ParseJob) => {
  try {
    const taxonomy = projectTaxonomy();
    const doc = parseDocument(job.text, taxonomy, job);
    const rows = planRows(doc.parsed, doc.listName, taxonomy, doc.format);
    parentPort?.postMessage({ id: job.id, doc, rows });
  } catch (err) {
    const e = err as Error;
    parentPort?.postMessage({
      id: job.id,
      error: {
        importError: err instanceof ImportError,
        message: e?.message ?? String(err),
        warnings: err instanceof ImportError ? err.warnings : [],
      },
    });
  }
});
