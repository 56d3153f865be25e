/** Driver errors, mapped in one place to the few kinds the API reports. */

/** Neo4j cannot be reached (down, restarting, no connection within the acquisition timeout). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';
}

/** A query ran past the transaction timeout and was stopped by the server. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
  readonly code = 'QUERY_TIMEOUT';
}

/** A client's bookmark could not be honoured in time (BOOKMARK_TIMEOUT, BOOKMARK_BUSY) or was refused (BAD_BOOKMARK). */
export class BookmarkError extends Error {
  override name = 'BookmarkError';
  constructor(
    readonly code: 'BOOKMARK_TIMEOUT' | 'BOOKMARK_BUSY' | 'BAD_BOOKMARK',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
  // A transaction cut off by a shutdown or restart (seen in the fault test): retrying in a new
  // transaction succeeds once the server is back, which is what DATABASE_UNAVAILABLE tells clients.
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
]);

/**
 * The server itself is out of reach (not a busy pool, a deadlock or a stopped transaction): the
 * Db stops sending queries until it answers again (recovery.ts).
 */
export function isConnectionLoss(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === 'ServiceUnavailable' ||
    e?.code === 'SessionExpired' ||
    e?.code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    /ECONNREFUSED|ECONNRESET|Connection was closed by server/i.test(e?.message ?? '')
  );
}

/** Maps a driver error to DatabaseUnavailableError or QueryTimeoutError; other errors pass through. */
export function mapDriverError(err: unknown): unknown {
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return new BookmarkError(
      'BOOKMARK_TIMEOUT',
      'The database had not caught up with the x-neo4j-bookmark; retry shortly.',
      {
        cause: err,
      },
    );
  }
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new BookmarkError('BAD_BOOKMARK', 'The x-neo4j-bookmark names no transaction of this database.', {
      cause: err,
    });
  }
  if (code.includes('TransactionTimedOut')) {
    return new QueryTimeoutError('The query took longer than the transaction timeout.', { cause: err });
  }
  if (
    UNAVAILABLE.has(code) ||
    // Transient errors reach here only after the driver's retries ran out.
    code.startsWith('Neo.TransientError.') ||
    /acquisition timed out|ECONNREFUSED|Connection was closed by server/i.test(message)
  ) {
    return new DatabaseUnavailableError(`Neo4j is unavailable: ${message.split('\n')[0]}`, { cause: err });
  }
  return err;
}
