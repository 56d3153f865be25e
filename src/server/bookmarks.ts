import { createHmac, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestBookmarks } from '../db/driver.js';

/** The header a mutation's bookmarks go out in, and a later request sends them back in. */
export const BOOKMARK_HEADER = 'x-neo4j-bookmark';
const MAX_TOKENS = 16;
// A token: the driver's bookmarks (base64url of them joined by newlines), a dot, their HMAC.
const TOKEN = /^([A-Za-z0-9_-]{1,4096})\.([A-Za-z0-9_-]{43})$/;

/**
 * Bookmarks go out signed with the deployment's secret (BOOKMARK_SECRET, shared by replicas), and
 * only tokens that verify reach the driver: a client cannot name a transaction of its own
 * choosing (a future one would make each read wait), nor send the driver a string it made up.
 */
export function bookmarkSigner(secret: string | Buffer) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    sign(bookmarks: readonly string[]): string {
      const body = Buffer.from(bookmarks.join('\n'), 'utf8').toString('base64url');
      return `${body}.${mac(body)}`;
    },
    /** The request's bookmark state from its header; a token this deployment did not issue is a client error. */
    read(request: Request): RequestBookmarks {
      const header = request.headers.get(BOOKMARK_HEADER);
      const tokens = header
        ? header
            .split(',')
            .map((b) => b.trim())
            .filter(Boolean)
        : [];
      const incoming: string[] = [];
      for (const token of tokens.length > MAX_TOKENS ? [] : tokens) {
        const m = TOKEN.exec(token);
        const expected = m ? Buffer.from(mac(m[1] as string)) : null;
        if (!m || !expected || !timingSafeEqual(expected, Buffer.from(m[2] as string))) {
          incoming.length = 0;
          break;
        }
        incoming.push(
          ...Buffer.from(m[1] as string, 'base64url')
            .toString('utf8')
            .split('\n'),
        );
      }
      if (tokens.length > MAX_TOKENS || (tokens.length && !incoming.length)) {
        throw new GraphQLError(
          `The ${BOOKMARK_HEADER} header must be at most ${MAX_TOKENS} comma-separated bookmarks exactly as this API sent them.`,
          { extensions: { code: 'BAD_BOOKMARK', http: { status: 400 } } },
        );
      }
      return { incoming };
    },
  };
}

export type BookmarkSigner = ReturnType<typeof bookmarkSigner>;

/**
 * Read-your-writes across replicas: a request that wrote answers with the bookmarks of its
 * transaction, in the x-neo4j-bookmark header and in `extensions.bookmark`; the state itself is
 * made per request by the context factory (which hands the resolvers a Db view that uses it).
 */
export function bookmarkPlugin(
  stateOf: (request: Request) => RequestBookmarks | undefined,
  signer: BookmarkSigner,
): Plugin {
  const signed = new WeakMap<Request, string>();
  const tokenOf = (request: Request) => {
    const latest = stateOf(request)?.latest;
    if (!latest?.length) return null;
    let token = signed.get(request);
    if (!token) {
      token = signer.sign(latest);
      signed.set(request, token);
    }
    return token;
  };
  return {
    onExecutionResult({ result, setResult, context }) {
      const token = tokenOf((context as { request: Request }).request);
      if (!token || !result || Symbol.asyncIterator in result) return;
      setResult({ ...result, extensions: { ...result.extensions, bookmark: token } });
    },
    onResponse({ request, response }) {
      const token = tokenOf(request);
      if (token) response.headers.set(BOOKMARK_HEADER, token);
    },
  };
}
