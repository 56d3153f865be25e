import { createHash, timingSafeEqual } from 'node:crypto';

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
