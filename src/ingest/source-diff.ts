import type { StatedPaper } from '../db/write/list-writes.js';

/** One paper whose place in a source changed, by title, with the sections it left and joined. */
export interface SourceChange {
  id: string;
  title: string;
  from: string[];
  to: string[];
  /** For a removed paper: no other source stated it, so it left the graph. */
  deleted?: boolean;
}

/** What an import changed in what one source states, entry by entry. */
export interface SourceDiff {
  added: SourceChange[];
  moved: SourceChange[];
  removed: SourceChange[];
}

/**
 * Compares what a source stated before an import with what it states after: papers it now states
 * and did not, papers whose sections in it changed, papers it no longer states (`deleted` ones
 * also left the graph, as no other source stated them). Pure: the loader reads both states inside
 * its transaction, so a dry run reports exactly what a real run would write.
 */
export function diffStatements(
  before: readonly StatedPaper[],
  after: readonly StatedPaper[],
  deleted: readonly string[] = [],
): SourceDiff {
  const was = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const added: SourceChange[] = [];
  const moved: SourceChange[] = [];
  for (const p of after) {
    const old = was.get(p.id);
    if (!old) added.push({ id: p.id, title: p.title, from: [], to: p.sections });
    else if (!same(old.sections, p.sections))
      moved.push({ id: p.id, title: p.title, from: old.sections, to: p.sections });
  }
  const gone = new Set(deleted);
  const removed = before
    .filter((p) => !now.has(p.id))
    .map((p) => ({ id: p.id, title: p.title, from: p.sections, to: [], deleted: gone.has(p.id) }));
  return { added, moved, removed };
}
