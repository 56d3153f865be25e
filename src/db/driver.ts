import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { LIMITS } from '../limits.js';
import { BookmarkError, DatabaseUnavailableError, isConnectionLoss, mapDriverError } from './errors.js';
import { Recovery } from './recovery.js';
import { StatementLog } from './statement-log.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;
/** Runs one statement inside a transaction that the caller manages. */
export type Runner = (cypher: string, params?: Params) => Promise<Row[]>;

export interface DbOptions {
  database: string;
  /** Per-transaction timeout, so one slow query cannot hold a connection forever. */
  txTimeoutMs?: number;
  /**
   * What the managed server's supervisor knows: while it says the database is down, queries fail
   * at once with DATABASE_UNAVAILABLE instead of waiting on connection timeouts and retries, and
   * queries in flight when it goes down answer at that moment.
   */
  availability?: Availability;
}

/**
 * Causal consistency across API replicas for one request: the bookmarks the client sent back
 * (reads run after them) and, once the request has written, the bookmarks to give the client.
 */
export interface RequestBookmarks {
  incoming: string[];
  /** Set after a committed write: the bookmarks a later read (on any replica) should wait for. */
  latest?: string[];
  manager?: ReturnType<typeof neo4j.bookmarkManager>;
  /** Settles once the database has caught up with `incoming` (the request's first read waits for it). */
  ready?: Promise<void>;
}

export interface Availability {
  /** Why the database is known to be down right now, or null. */
  reason(): string | null;
  /** Calls `listener` with the reason when the database goes down; returns the unsubscribe. */
  onDown(listener: (reason: string) => void): () => void;
}

/**
 * The one owner of the Neo4j driver: every Cypher statement in the project runs through
 * `read` (auto-commit, retried once) or `write` and `writeTransaction` (managed transactions, so
 * the driver retries transient errors), routed by access mode in a cluster, always with parameters.
 */
export class Db {
  /** Shared with the per-request views of withBookmarks, so the count covers them all. */
  private readonly counter = { n: 0 };
  /** Requests waiting for their bookmarks right now, across all views (bounded by LIMITS.bookmarkWaiters). */
  private readonly bookmarkWaits = { n: 0 };
  /** The request this view serves (see withBookmarks); undefined on the shared Db. */
  private requestBookmarks?: RequestBookmarks;
  /** What a restarted server is given to plan before it takes requests again. */
  private readonly statements = new StatementLog();
  /** Refuses queries at once while the server is out of reach or warming up after it (recovery.ts). */
  readonly recovery: Recovery;

  constructor(
    readonly driver: Driver,
    private readonly opts: DbOptions,
  ) {
    const supervisor = opts.availability;
    this.recovery = new Recovery({
      driver,
      database: opts.database,
      statements: () => this.statements.list(),
      toCypher,
      rehearse: () => this.rehearse(),
      ...(supervisor ? { upstreamUp: () => supervisor.reason() === null } : {}),
    });
    // The supervisor knows first: its word starts the same lost → probe → warm-up → open cycle.
    supervisor?.onDown((reason) => this.recovery.lost(reason));
  }

  /** Writes rehearsed in rolled-back transactions before requests reach a (re)started server. */
  private readonly rehearsals: Array<(run: Runner) => Promise<unknown>> = [];

  /** Adds a write to rehearse (write/rehearsals.ts registers the API's own). */
  addRehearsal(work: (run: Runner) => Promise<unknown>): void {
    this.rehearsals.push(work);
  }

  /**
   * Runs each rehearsal in a transaction that is rolled back, unguarded (recovery calls it while
   * requests are still refused); resolves to how many failed. `npm start` calls it before serving,
   * so a first start is as warm as a restart.
   */
  async rehearse(): Promise<number> {
    let failed = 0;
    for (const work of this.rehearsals)
      await this.inWriteTransaction(work, { dryRun: true }).catch(() => failed++);
    return failed;
  }

  /** Maps a driver error; a lost connection also stops further queries until the server is back and warm. */
  private failure(err: unknown): unknown {
    const mapped = mapDriverError(err);
    if (isConnectionLoss(err)) this.recovery.lost((mapped as Error).message);
    return mapped;
  }

  /** Cypher round trips since start; tests and the benchmark read it to prove batching. */
  get queryCount(): number {
    return this.counter.n;
  }

  /**
   * A view of this Db for one request: its reads wait for the client's bookmarks, its writes
   * record the bookmarks to send back. Same driver, same pool, same counter.
   */
  withBookmarks(state: RequestBookmarks): Db {
    const view = Object.create(this) as Db;
    view.requestBookmarks = state;
    return view;
  }

  /** After a committed write: the process's latest bookmarks (they include that write). */
  private async recordWrite(): Promise<void> {
    if (this.requestBookmarks)
      this.requestBookmarks.latest = [...(await this.driver.executeQueryBookmarkManager.getBookmarks())];
  }

  /** Reads of a request that sent bookmarks wait for them; everything else uses the process's own chain. */
  private async readBookmarks() {
    const b = this.requestBookmarks;
    if (!b?.incoming.length) return undefined;
    b.manager ??= neo4j.bookmarkManager({ initialBookmarks: b.incoming });
    b.ready ??= this.waitForBookmarks(b.manager);
    await b.ready;
    return b.manager;
  }

  /**
   * Waits, once per request, until the database has the transactions the client's bookmarks name:
   * at most LIMITS.bookmarkWaitMs, and only LIMITS.bookmarkWaiters requests at a time, so waiting
   * requests can never hold the pool. An auto-commit query, not executeQuery: a bookmark timeout
   * is "transient", and its retries would hold the connection for 30 s. The slot is held until
   * the server lets go, even after the client has been answered.
   */
  private waitForBookmarks(manager: NonNullable<RequestBookmarks['manager']>): Promise<void> {
    if (this.bookmarkWaits.n >= LIMITS.bookmarkWaiters) {
      return Promise.reject(
        new BookmarkError(
          'BOOKMARK_BUSY',
          `${LIMITS.bookmarkWaiters} requests are already waiting for their bookmarks; retry shortly.`,
        ),
      );
    }
    this.bookmarkWaits.n++;
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: manager,
    });
    const caughtUp = session
      .run('RETURN 1', {}, { timeout: LIMITS.bookmarkWaitMs })
      .then(() => undefined)
      .finally(() => {
        this.bookmarkWaits.n--;
        return session.close();
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BookmarkError(
              'BOOKMARK_TIMEOUT',
              `The database had not caught up with the x-neo4j-bookmark within ${LIMITS.bookmarkWaitMs} ms; retry shortly.`,
            ),
          ),
        LIMITS.bookmarkWaitMs,
      );
    });
    return Promise.race([caughtUp.catch((err) => Promise.reject(mapDriverError(err))), late]).finally(() =>
      clearTimeout(timer),
    );
  }

  /** Runs one read query and returns its rows as plain objects. */
  read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.tx('READ', cypher, params);
  }

  /** Runs one write query in its own transaction and returns its rows. */
  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.tx('WRITE', cypher, params);
  }

  /**
   * Runs `work` in one write transaction: every statement commits together or none does.
   * With `dryRun` the transaction is rolled back at the end, so callers see what would change.
   */
  writeTransaction<T>(work: (run: Runner) => Promise<T>, opts: { dryRun?: boolean } = {}): Promise<T> {
    return this.guard(() => this.inWriteTransaction(work, opts));
  }

  private async inWriteTransaction<T>(
    work: (run: Runner) => Promise<T>,
    opts: { dryRun?: boolean },
  ): Promise<T> {
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    const runner =
      (tx: { run: (c: string, p: Params) => Promise<QueryResult<RecordShape>> }): Runner =>
      async (cypher, params = {}) => {
        this.counter.n++;
        const result = rows(await tx.run(cypher, toCypher(params)));
        this.statements.record('WRITE', cypher, params);
        return result;
      };
    try {
      if (!opts.dryRun) {
        const result = await session.executeWrite((tx) => work(runner(tx)), {
          timeout: this.opts.txTimeoutMs,
        });
        await this.recordWrite();
        return result;
      }
      const tx = session.beginTransaction({ timeout: this.opts.txTimeoutMs });
      try {
        return await work(runner(tx));
      } finally {
        await tx.rollback();
      }
    } catch (err) {
      throw this.failure(err);
    } finally {
      await session.close();
    }
  }

  /** Why the database is known to be unavailable right now, or null (see DbOptions.availability). */
  unavailableReason(): string | null {
    return this.opts.availability?.reason() ?? this.recovery.down();
  }

  /**
   * Runs a query unless the database is known to be down, and gives up on it the moment it goes
   * down: the driver's own retries may go on in the background, the request does not wait for them.
   */
  private guard<T>(run: () => Promise<T>): Promise<T> {
    const reason = this.unavailableReason();
    if (reason) return Promise.reject(new DatabaseUnavailableError(reason));
    return new Promise<T>((resolve, reject) => {
      const off = this.recovery.onDown((why) => reject(new DatabaseUnavailableError(why)));
      run().then(resolve, reject).finally(off);
    });
  }

  /** Whether Neo4j answers right now; used by /ready, so it never waits for retries. */
  async ping(): Promise<boolean> {
    if (this.unavailableReason()) return false;
    try {
      await this.driver.verifyConnectivity({ database: this.opts.database });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.recovery.close();
    await this.driver.close();
  }

  private tx(mode: 'READ' | 'WRITE', cypher: string, params: Params): Promise<Row[]> {
    return this.guard(() => this.query(mode, cypher, params));
  }

  private async query(mode: 'READ' | 'WRITE', cypher: string, params: Params): Promise<Row[]> {
    this.counter.n++;
    try {
      const result =
        mode === 'READ'
          ? await this.autoCommitRead(cypher, params)
          : // A write is a managed transaction (executeQuery), so the driver retries what is
            // transient (a deadlock, a lock timeout) for it.
            await this.driver.executeQuery(cypher, toCypher(params), {
              database: this.opts.database,
              routing: 'WRITE',
              transactionConfig: { timeout: this.opts.txTimeoutMs },
            });
      if (mode === 'WRITE') await this.recordWrite();
      this.statements.record(mode, cypher, params);
      return rows(result);
    } catch (err) {
      throw this.failure(err);
    }
  }

  /**
   * A read as one auto-commit query: RUN and PULL go in one write to the socket, where a managed
   * transaction sends BEGIN, RUN + PULL and COMMIT as three (bench/RESULTS.md: ~1 ms less of this
   * process's CPU a request, and Neo4j's work for the other two messages). A transient error is
   * retried once, at once: a managed transaction would retry for up to 30 s, which a request
   * should not wait. Reads still follow the bookmarks of this process's writes (or the client's).
   */
  private async autoCommitRead(cypher: string, params: Params): Promise<QueryResult<RecordShape>> {
    const bookmarkManager = (await this.readBookmarks()) ?? this.driver.executeQueryBookmarkManager;
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({
        database: this.opts.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager,
      });
      try {
        return await session.run(cypher, toCypher(params), { timeout: this.opts.txTimeoutMs });
      } catch (err) {
        if (attempt > 1 || !neo4j.isRetryableError(err) || isConnectionLoss(err)) throw err;
      } finally {
        await session.close();
      }
    }
  }
}

/**
 * JS numbers reach Neo4j as floats, but LIMIT, SKIP and range() need integers and years should be
 * stored as integers: whole numbers become Neo4j integers on the way in.
 */
export function toCypher(value: unknown): never {
  if (typeof value === 'number') return (Number.isInteger(value) ? neo4j.int(value) : value) as never;
  if (Array.isArray(value)) return value.map(toCypher) as never;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypher(v)])) as never;
  }
  return value as never;
}

function rows(result: QueryResult<RecordShape>): Row[] {
  return result.records.map((r) => fromCypher(r.toObject()) as Row);
}

const isTemporal = (v: object) =>
  neo4j.isDate(v) ||
  neo4j.isLocalDateTime(v) ||
  neo4j.isTime(v) ||
  neo4j.isLocalTime(v) ||
  neo4j.isDuration(v);

/**
 * Neo4j temporals become ISO 8601 strings on the way out, so nothing above src/db/ sees driver
 * types: a DateTime as JavaScript writes one (UTC, to the millisecond), other temporals as Neo4j
 * does. Rows are rewritten in place: they are fresh objects, and most of their values are not
 * objects at all, so the walk costs little.
 */
export function fromCypher(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromCypher(value[i]);
    return value;
  }
  if (neo4j.isDateTime(value))
    return value.timeZoneOffsetSeconds == null ? value.toString() : value.toStandardDate().toISOString();
  if (isTemporal(value)) return value.toString();
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const k of Object.keys(map)) map[k] = fromCypher(map[k]);
  }
  return value;
}

export interface DriverTarget {
  uri: string;
  user: string;
  password: string;
}

/** Creates a driver that returns plain JS numbers and fails fast when the server is away. */
export function createDriver(t: DriverTarget): Driver {
  return neo4j.driver(t.uri, neo4j.auth.basic(t.user, t.password), {
    // Integers in this graph (years, counts, positions) are far below 2^53.
    disableLosslessIntegers: true,
    // Fail fast when Neo4j is away (the driver's defaults wait 60 s and retry for 30 s), so a
    // request answers DATABASE_UNAVAILABLE in seconds and the API stays responsive.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 3_000,
    // Retries of a transaction cut off by a crash stop within 1 s: a request given up on by guard()
    // cannot be committed later by a retry, as the managed server takes longer than that to return.
    maxTransactionRetryTime: 1_000,
    // A pooled connection idle for a second is checked before use: after a restart of Neo4j the
    // dead ones are dropped instead of failing a transaction and waiting out the retry delays
    // (measured: 5 s answers right after recovery without it). Busy connections are not checked.
    connectionLivenessCheckTimeout: 1_000,
    maxConnectionPoolSize: 50,
    userAgent: 'paper-graph/0.1',
  });
}
