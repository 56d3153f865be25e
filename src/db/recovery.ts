import neo4j, { type Driver } from 'neo4j-driver';
import type { LoggedStatement } from './statement-log.js';

export interface RecoveryOptions {
  driver: Driver;
  database: string;
  /** The statements to plan again before requests are let through (StatementLog.list). */
  statements: () => LoggedStatement[];
  /** toCypher, passed in so this module needs nothing else from driver.ts. */
  toCypher: (value: unknown) => never;
  /**
   * Writes rehearsed after the replay, each in a transaction that is rolled back (Db.rehearse):
   * a replayed statement runs alone, a rehearsal runs a whole write as a request does, so the
   * server also runs the code that reads a transaction's own uncommitted changes. Resolves to
   * how many failed.
   */
  rehearse?: () => Promise<number>;
  /** Extra condition for "back": the managed server's supervisor says it is up. */
  upstreamUp?: () => boolean;
  probeEveryMs?: number;
  /** Per statement: a cold JVM plans our largest statements in well under this. */
  statementTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * The API's own view of whether Neo4j can take requests. Once the connection is lost (the driver
 * cannot reach the server, or the supervisor says it went down) every query fails at once with
 * the reason, instead of each waiting out connection timeouts. In the background it probes; when
 * the server answers again it first runs each statement this process ran lately (reads as they
 * are, writes in a transaction that is rolled back) so the restarted server's plan cache and JIT
 * are warm, and only then lets requests through: no request pays a cold server's first plans.
 */
export class Recovery {
  private reason: string | null = null;
  private readonly listeners = new Set<(reason: string) => void>();
  private running?: Promise<void>;
  private closed = false;
  /** How long the last warm-up took, and over how many statements (logged, and read by tests). */
  lastWarmUp?: { ms: number; statements: number; failed: number; rehearsalsFailed: number };

  constructor(private readonly opts: RecoveryOptions) {}

  /** Why requests are refused right now (lost, or warming up), or null. */
  down(): string | null {
    return this.reason;
  }

  onDown(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The connection is lost: refuse requests, tell those in flight, and start probing. */
  lost(reason: string): void {
    if (this.closed) return;
    const first = this.reason === null;
    this.reason = reason;
    if (first) for (const l of [...this.listeners]) l(reason);
    this.running ??= this.recover().finally(() => {
      this.running = undefined;
    });
  }

  close(): void {
    this.closed = true;
  }

  /** Settles once requests are let through again (tests wait on it). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async recover(): Promise<void> {
    const every = this.opts.probeEveryMs ?? 250;
    while (!this.closed) {
      await sleep(every);
      if (this.opts.upstreamUp && !this.opts.upstreamUp()) continue;
      if (!(await this.answers())) continue;
      this.reason = 'Neo4j is back and is planning its queries again; retry in a few seconds.';
      await this.warmUp();
      // Lost again while warming: keep probing.
      if (!(await this.answers())) continue;
      this.reason = null;
      return;
    }
  }

  private async answers(): Promise<boolean> {
    const session = this.opts.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      await session.run('RETURN 1', {}, { timeout: 2000 });
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * One pass over the logged statements, two at a time (a cold JVM plans on one core each); a
   * statement that fails is skipped: the warm-up is best effort.
   */
  private async warmUp(): Promise<void> {
    const started = performance.now();
    const queue = this.opts.statements();
    const total = queue.length;
    let failed = 0;
    const lane = async () => {
      for (let s = queue.shift(); s && !this.closed; s = queue.shift()) if (!(await this.replay(s))) failed++;
    };
    await Promise.all([lane(), lane()]);
    const rehearsalsFailed = this.closed ? 0 : ((await this.opts.rehearse?.()) ?? 0);
    this.lastWarmUp = {
      ms: Math.round(performance.now() - started),
      statements: total,
      failed,
      rehearsalsFailed,
    };
  }

  /** Runs one statement in a transaction that is always rolled back: a warm-up never changes the graph. */
  private async replay(s: LoggedStatement): Promise<boolean> {
    const session = this.opts.driver.session({
      database: this.opts.database,
      defaultAccessMode: s.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const tx = session.beginTransaction({ timeout: this.opts.statementTimeoutMs ?? 5000 });
    try {
      await tx.run(s.cypher, this.opts.toCypher(s.params));
      return true;
    } catch {
      return false;
    } finally {
      await tx.rollback().catch(() => undefined);
      await session.close().catch(() => undefined);
    }
  }
}
