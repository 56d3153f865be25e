import { Worker } from 'node:worker_threads';
import { LIMITS } from '../limits.js';
import { ImportError } from './import-error.js';
import type { ParsedDocument } from './import-list.js';
import type { planRows } from './load.js';
import type { ParseJob } from './parse-worker.js';
import { workerBundle } from './worker-bundle.js';

/** A document's reading ran out of its time or memory budget; nothing was written. */
export class ImportBudgetError extends ImportError {
  override name = 'ImportBudgetError';
  constructor(
    readonly code: 'IMPORT_TOO_SLOW' | 'IMPORT_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

type Planned = { doc: ParsedDocument; rows: ReturnType<typeof planRows> };
type Reply =
  | ({ id: number } & Planned)
  | { id: number; error: { importError: boolean; message: string; warnings: ImportError['warnings'] } };

/** Heap of the import thread: several times a 5 MB list's records, and a bound on a hostile one. */
const WORKER_HEAP_MB = 768;

/**
 * Reads documents for the API on one worker thread, one at a time, so an import never holds the
 * event loop (health checks and queries keep answering). A job past its time budget ends the
 * thread (the only way to stop a synchronous parser) and the next job starts a fresh one.
 */
export class ParsePool {
  private worker: Worker | null = null;
  /** The current worker once it has loaded its modules (a cold start is not the job's time). */
  private ready: Promise<Worker> | null = null;
  private next = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Counts close() calls, so a start that began before one makes no thread after it. */
  private generation = 0;

  constructor(
    private readonly budgetMs: number = LIMITS.importParseMs,
    private readonly idleMs: number = LIMITS.importWorkerIdleMs,
  ) {}

  /** Whether a worker thread is running now (tests). */
  get running(): boolean {
    return this.ready !== null;
  }

  /** Parses and plans one document on the worker; rejects with ImportError for bad input or a spent budget. */
  parse(job: Omit<ParseJob, 'id'>): Promise<Planned> {
    this.pending++;
    clearTimeout(this.idleTimer);
    const run = this.queue.then(() => this.runOne({ ...job, id: this.next++ }));
    this.queue = run
      .catch(() => undefined)
      .finally(() => {
        if (--this.pending === 0) this.endWhenIdle();
      });
    return run;
  }

  /** A worker left idle ends after idleMs, so a server that imports now and then does not hold its memory. */
  private endWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private thread(): Promise<Worker> {
    if (!this.ready) {
      const generation = this.generation;
      const started = (async () => {
        const entry = await workerBundle();
        // Closed while it bundled: start nothing (a thread made now would outlive the pool).
        if (generation !== this.generation) throw new Error('The import pool was closed.');
        const w = new Worker(entry, {
          // Not the parent's flags: a parent's `--import x.ts` (the bench's query counter) is
          // TypeScript, which the thread cannot load.
          execArgv: [],
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        });
        // An idle worker must not keep a CLI or a test process alive.
        w.unref();
        // A thread that dies while idle is simply replaced at the next job; an 'error' with no
        // listener would end the whole server.
        const drop = () => this.forget(w);
        w.on('exit', drop);
        w.on('error', drop);
        this.worker = w;
        await new Promise<void>((resolve, reject) => {
          const onReady = (m: { ready?: boolean }) => {
            if (!m.ready) return;
            w.off('message', onReady);
            w.off('error', reject);
            resolve();
          };
          w.on('message', onReady);
          w.once('error', reject);
          w.once('exit', () => reject(new Error('The import worker ended while it was starting.')));
        });
        return w;
      })();
      // A start that failed is tried afresh by the next job.
      started.catch(() => {
        if (this.ready === started) this.ready = null;
      });
      this.ready = started;
    }
    return this.ready;
  }

  /** This worker is gone (ended, failed or terminated): the next job starts another. */
  private forget(w: Worker): void {
    if (this.worker !== w) return;
    this.worker = null;
    this.ready = null;
  }

  /** Starts the worker ahead of an import (tests), so that import does not wait for it. */
  async warm(): Promise<void> {
    const started = this.thread();
    if (this.pending === 0) this.endWhenIdle();
    await started;
  }

  private async runOne(job: ParseJob): Promise<Planned> {
    // The budget covers the whole wait, a (re)starting worker included: it bounds the answer.
    const deadline = performance.now() + this.budgetMs;
    const worker = await this.thread();
    worker.ref();
    return new Promise<Planned>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const timer = setTimeout(
        () => {
          done();
          this.forget(worker);
          void worker.terminate();
          // A fresh thread starts loading now, so the next import finds it ready.
          void this.warm().catch(() => undefined);
          reject(
            new ImportBudgetError(
              'IMPORT_TOO_SLOW',
              `Reading the document took longer than ${this.budgetMs} ms (the import time limit), so nothing was written; split it into smaller files.`,
            ),
          );
        },
        Math.max(0, deadline - performance.now()),
      );
      const onMessage = (reply: Reply) => {
        if (reply.id !== job.id) return;
        done();
        if ('error' in reply) {
          reject(
            reply.error.importError
              ? new ImportError(reply.error.message, reply.error.warnings)
              : new Error(`The import worker failed: ${reply.error.message}`),
          );
        } else resolve({ doc: reply.doc, rows: reply.rows });
      };
      const onError = (err: Error & { code?: string }) => {
        done();
        this.forget(worker);
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportBudgetError(
                'IMPORT_TOO_LARGE',
                `Reading the document needed more than ${WORKER_HEAP_MB} MB of memory, so nothing was written; split it into smaller files.`,
              )
            : err,
        );
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(job);
    }).finally(() => this.worker?.unref());
  }

  /** Ends the worker thread (server shutdown, tests). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.generation++;
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    await w?.terminate();
  }
}
