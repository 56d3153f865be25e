import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { PaperNode } from '../db/schema/model.js';
import type { PaperOrder } from '../db/schema/sort-keys.js';
import type { Page } from '../db/selection/nodes.js';
import { prefetched } from '../db/selection/projection.js';
import type { PaperSource } from '../db/selection/relations.js';
import { LIMITS } from '../limits.js';
import type { Context } from './context.js';
import { checkRange } from './errors.js';

/** Largest page any connection serves; `first` above it is an error, not a silent clamp. */
export const MAX_PAGE = LIMITS.pageSize;
export const DEFAULT_PAGE = LIMITS.defaultPageSize;

interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Resolves a Relay connection from an offset/limit fetch that also reports the total count. */
export async function pageConnection<T>(
  args: ConnectionArgs,
  fetch: (offset: number, limit: number) => Promise<Page<T>>,
) {
  // Checked here, before any query, with a message that names the limit.
  if (args.first != null) checkRange(args.first, MAX_PAGE, 'first', 0);
  if (args.last != null) checkRange(args.last, MAX_PAGE, 'last', 0);
  let totalCount = 0;
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE },
    async ({ offset, limit }) => {
      const page = await fetch(offset, limit);
      totalCount = page.totalCount;
      return page.nodes;
    },
  );
  return { ...connection, totalCount };
}

/**
 * The resolver of a node's `papers` connection: one batched page query per source kind, order and
 * page. Newest first unless the field takes an `orderBy`.
 */
export function papersPage(source: PaperSource) {
  return (
    parent: { id: string },
    args: ConnectionArgs & { orderBy?: PaperOrder | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    // The parent's query may have read this very page already (look-ahead, same order, offset and limit).
    const page = prefetched<Page<PaperNode>>(parent, info.path.key);
    const order = args.orderBy ?? 'YEAR_DESC';
    return pageConnection(args, (offset, limit) =>
      page ? Promise.resolve(page) : ctx.loaders.papersOf(source, offset, limit, order).load(parent.id),
    );
  };
}
