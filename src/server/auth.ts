import { createHash, timingSafeEqual } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { unauthenticated } from '../graphql/errors.js';

/**
 * Checks `Authorization: Bearer <key>` against the configured keys in constant time: both sides
 * are hashed to equal-length digests and every key is compared, so neither a key's length nor
 * which key matched shows in the timing.
 */
export function makeKeyCheck(keys: readonly string[]) {
  const digests = keys.map((k) => createHash('sha256').update(k).digest());
  return (authorization: string | null): boolean => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m || digests.length === 0) return false;
    const given = createHash('sha256')
      .update(m[1] as string)
      .digest();
    let ok = false;
    for (const d of digests) ok = timingSafeEqual(d, given) || ok;
    return ok;
  };
}

/**
 * Refuses a mutation without a valid key before it executes: a request error with no `data`, so
 * the status is 401 (403 when writes are off) whatever the client accepts. The schema's scope
 * check stays behind it for any write path that is not a mutation.
 */
export function writeGuardPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const op = getOperationAST(args.document, args.operationName);
      const ctx = args.contextValue as { canWrite?: boolean; writesEnabled?: boolean };
      if (op?.operation !== 'mutation' || ctx.canWrite) return;
      setResultAndStopExecution({ errors: [unauthenticated(ctx.writesEnabled ?? false)] });
    },
  };
}
