import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { Page } from '../db/nodes.js';

/** Largest page any connection serves; `first` above it is an error, not a silent clamp. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

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
