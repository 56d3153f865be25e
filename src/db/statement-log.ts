import type { Params } from './driver.js';

export type Mode = 'READ' | 'WRITE';

export interface LoggedStatement {
  mode: Mode;
  cypher: string;
  /** The parameters of one run, every list cut to its first element: enough to plan and run it. */
  params: Params;
}

/** Statements a throw-away transaction cannot run: schema commands, and those that commit by themselves. */
const NOT_REPLAYABLE =
  /^\s*(?:(?:CREATE|DROP)\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)|SHOW\b)|\bIN\s+TRANSACTIONS\b/i;

/** A parameter value small enough to keep: lists keep their first element, recursively. */
export function sampleOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [sampleOf(value[0])] : [];
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sampleOf(v)]));
  }
  return value;
}

/**
 * The distinct statements this process has run lately, with one small sample of their parameters,
 * most recent last: what a restarted Neo4j is given to plan before it takes requests (warm-up.ts).
 * Bounded by `capacity`; the least recently run statement goes first.
 */
export class StatementLog {
  private readonly entries = new Map<string, LoggedStatement>();

  constructor(private readonly capacity = 64) {}

  record(mode: Mode, cypher: string, params: Params): void {
    if (this.entries.has(cypher)) {
      // Re-inserted: a Map keeps insertion order, so the oldest entry stays first.
      const known = this.entries.get(cypher) as LoggedStatement;
      this.entries.delete(cypher);
      this.entries.set(cypher, known);
      return;
    }
    if (NOT_REPLAYABLE.test(cypher)) return;
    this.entries.set(cypher, { mode, cypher, params: sampleOf(params) as Params });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  list(): LoggedStatement[] {
    return [...this.entries.values()];
  }
}
