import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, mapDriverError, QueryTimeoutError } from '../../src/db/errors.js';

const neo4jError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('mapDriverError', () => {
  it('reports a transaction cut off by a shutdown as unavailable (seen in the fault test)', () => {
    expect(mapDriverError(neo4jError('Neo.ClientError.Transaction.LockClientStopped'))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(mapDriverError(neo4jError('Neo.ClientError.Transaction.Terminated'))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });

  it('reports a transient error whose retries ran out as unavailable', () => {
    expect(mapDriverError(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });

  it('reports a timeout as a timeout, and lets other errors through unchanged', () => {
    expect(mapDriverError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut'))).toBeInstanceOf(
      QueryTimeoutError,
    );
    const syntax = neo4jError('Neo.ClientError.Statement.SyntaxError');
    expect(mapDriverError(syntax)).toBe(syntax);
  });
});
