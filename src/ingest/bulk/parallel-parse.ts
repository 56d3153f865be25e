import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { LIMITS } from '../../limits.js';
import { linesOf } from '../stream.js';
import type { Taxonomy } from '../taxonomy.js';
import { workerBundle } from '../worker-bundle.js';
import { type LinesJob, type PlannedBatch, planLines } from './plan-lines.js';

/**
 * Threads that parse and plan while this one reads the file and writes the CSV files: one per core,
 * up to 4. On 2 cores, the files of 200k works took 130.9 s on this thread alone, 140.2 s with 1
 * parse thread and 101.1 s with 2 (this thread's share is the smaller, so a thread per core pays).
 */
export const PARSE_THREADS = Math.max(1, Math.min(4, availableParallelism()));

type Pending = { resolve: (b: PlannedBatch) => void; reject: (e: Error) => void };

/** One parse thread and the jobs it has been given. */
class ParseThread {
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  constructor(private readonly worker: Worker) {
    worker.on('message', (m: PlannedBatch | { id: number; error: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ('error' in m) p?.reject(new Error(m.error));
      else p?.resolve(m);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a parse thread ended (exit code ${code})`)));
  }
  plan(job: LinesJob): Promise<PlannedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.worker.postMessage(job);
    });
  }
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * The works of a JSON Lines file as planned batches, in file order: this thread reads (and
 * gunzips) the lines, `threads` worker threads parse and plan them (plan-lines.ts), so the
 * writer's identity and CSV work overlaps theirs. With 0 threads, planned here. At most two
 * batches per thread are in flight, so memory stays bounded. A failure names the line reached.
 */
export async function* plannedBatches(
  file: string,
  source: string,
  taxonomy: Taxonomy,
  opts: { threads?: number; batch?: number } = {},
): AsyncGenerator<PlannedBatch> {
  const threads = opts.threads ?? PARSE_THREADS;
  const size = opts.batch ?? 1000;
  const pool: ParseThread[] = [];
  if (threads > 0) {
    const entry = await workerBundle('bulk-worker');
    for (let i = 0; i < threads; i++) pool.push(new ParseThread(new Worker(entry, { workerData: taxonomy })));
  }
  const inflight: Promise<PlannedBatch>[] = [];
  let id = 0;
  let lastLine = 0;
  const send = (lines: LinesJob['lines']) => {
    const job = { id: id++, source, lines };
    const thread = pool[job.id % pool.length];
    const planned = thread ? thread.plan(job) : Promise.resolve().then(() => planLines(job, taxonomy));
    // Awaited in order below; a rejection seen first there is not an unhandled one meanwhile.
    planned.catch(() => {});
    inflight.push(planned);
  };
  try {
    let lines: LinesJob['lines'] = [];
    for await (const { line, n } of linesOf(file)) {
      lastLine = n;
      lines.push([n, Buffer.byteLength(line) > LIMITS.recordBytes ? null : line]);
      if (lines.length >= size) {
        send(lines);
        lines = [];
        while (inflight.length >= Math.max(1, 2 * pool.length))
          yield await (inflight.shift() as Promise<PlannedBatch>);
      }
    }
    if (lines.length) send(lines);
    while (inflight.length) yield await (inflight.shift() as Promise<PlannedBatch>);
  } catch (err) {
    throw new Error(`near line ${lastLine + 1}: ${(err as Error).message}`);
  } finally {
    await Promise.all(pool.map((t) => t.close()));
  }
}
