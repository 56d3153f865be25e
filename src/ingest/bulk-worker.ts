import { parentPort, workerData } from 'node:worker_threads';
import { type LinesJob, planLines } from './bulk/plan-lines.js';
import type { Taxonomy } from './taxonomy.js';

// One batch of lines per message, planned on this thread; bulk/parallel-parse.ts keeps their order.
const taxonomy = workerData as Taxonomy;
parentPort?.on('message', (job: LinesJob) => {
  try {
    parentPort?.postMessage(planLines(job, taxonomy));
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: (err as Error)?.message ?? String(err) });
  }
});
