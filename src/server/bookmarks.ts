import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestBookmarks } from '../db/driver.js';

/** The header a mutation's bookmarks go out in, and a later request sends them back in. */
export const BOOKMARK_HEADER = 'x-neo4j-bookmark';
const MAX_BOOKMARKS = 16;
// Neo4j bookmarks are short opaque tokens ("FB:kcwQ…"): letters, digits and a few symbols.
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,512}$/;

/** The request's bookmark state, from its header; a malformed header is a client error. */
export function bookmarksOf(request: Request): RequestBookmarks {
  const header = request.headers.get(BOOKMARK_HEADER);
  const incoming = header
    ? header
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : [];
  if (incoming.length > MAX_BOOKMARKS || !incoming.every((b) => BOOKMARK.test(b))) {
    throw new GraphQLError(
      `The ${BOOKMARK_HEADER} header must be at most ${MAX_BOOKMARKS} comma-separated bookmarks as this API sent them.`,
      { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
    );
  }
  return { incoming };
}

/**
 * Read-your-writes across replicas: a request that wrote answers with the bookmarks of its
 * transaction, in the x-neo4j-bookmark header and in `extensions.bookmark`; the state itself is
 * made per request by the context factory (which hands the resolvers a Db view that uses it).
 */
export function bookmarkPlugin(stateOf: (request: Request) => RequestBookmarks | undefined): Plugin {
  return {
    onExecutionResult({ result, setResult, context }) {
      const latest = stateOf((context as { request: Request }).request)?.latest;
      if (!latest?.length || !result || Symbol.asyncIterator in result) return;
      setResult({ ...result, extensions: { ...result.extensions, bookmark: latest.join(',') } });
    },
    onResponse({ request, response }) {
      const latest = stateOf(request)?.latest;
      if (latest?.length) response.headers.set(BOOKMARK_HEADER, latest.join(','));
    },
  };
}
