import type { Runner } from '../driver.js';
import { newestKey } from '../schema/sort-keys.js';
import { countTerms, uncountTerms } from '../schema/terms.js';
import { countTopicPairs } from '../schema/topic-pairs.js';
import { inferStoredTopics } from './topic-writes.js';

/**
 * A value derived from papers and their relations, stored so reads stay cheap. `before` runs
 * before the papers change (to take their old contribution out), `after` once they have.
 */
export interface AfterOptions {
  /**
   * Papers whose topics the caller re-infers at its end, pooled with their sections (a batched
   * import, sectionGroups): they are not inferred now, and no paper's section siblings are.
   */
  later?: ReadonlySet<string>;
}

interface Derived {
  name: string;
  before?(run: Runner, paperIds: readonly string[]): Promise<void>;
  after(run: Runner, paperIds: readonly string[], opts: AfterOptions): Promise<void>;
}

/** Every derived value the graph keeps. A new one is added here and every paper write keeps it. */
const DERIVED: readonly Derived[] = [
  {
    name: 'Paper.newest (the newest-first sort key)',
    after: async (run, ids) => {
      await run(`UNWIND $ids AS id MATCH (p:Paper {id: id}) SET p.newest = ${newestKey('p')}`, { ids });
    },
  },
  // The counters and topic nodes every paper shares come last: a write holds their locks from its
  // first update of them until it commits, and concurrent writes queue on them for that long.
  {
    // Before the pair counters, which count the inferred assignments too.
    name: 'Inferred topics (ABOUT {source: INFERRED})',
    after: (run, ids, { later }) =>
      later
        ? inferStoredTopics(
            run,
            ids.filter((id) => !later.has(id)),
            { siblings: false },
          )
        : inferStoredTopics(run, ids),
  },
  {
    name: 'TopicPair counters (topicOverlap)',
    before: (run, ids) => countTopicPairs(run, ids, -1),
    after: (run, ids) => countTopicPairs(run, ids, 1),
  },
  {
    name: 'Paper.terms and Term document frequencies (the related-work text signal)',
    before: uncountTerms,
    after: countTerms,
  },
];

/**
 * The one write path for papers: runs `write`, which may create, change or delete these papers
 * (ids as stored; papers not yet in the graph are fine), and keeps every derived value in step,
 * inside the caller's transaction. Writers never touch derived values themselves. A caller that
 * knows which of the papers exist already (identity.ts) passes them as `existing`.
 */
export async function writingPapers<T>(
  run: Runner,
  paperIds: readonly string[],
  write: () => Promise<T>,
  opts: {
    existing?: readonly string[];
    /** The papers `write` deleted, read once it has run: nothing is derived for them afterwards. */
    deleted?: () => readonly string[];
  } & AfterOptions = {},
): Promise<T> {
  const ids = [...new Set(paperIds)];
  if (ids.length === 0) return write();
  // Papers not in the graph yet contribute nothing to take out: an import of new papers skips it.
  const before = opts.existing ? [...new Set(opts.existing)] : ids;
  if (before.length) for (const d of DERIVED) await d.before?.(run, before);
  const result = await write();
  // Deleted papers need nothing derived; and seeking them costs more after many deletes in one
  // transaction (every index seek then reads past the transaction's own deletions).
  const gone = new Set(opts.deleted?.() ?? []);
  const after = gone.size ? ids.filter((id) => !gone.has(id)) : ids;
  if (!after.length) return result;
  for (const d of DERIVED) await d.after(run, after, opts.later ? { later: opts.later } : {});
  return result;
}
