import { describe, expect, it } from 'vitest';
import {
  DatabaseUnavailableError,
  isConnectionLoss,
  mapDriverError,
  QueryTimeoutError,
} from '../../src/db/errors.js';

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

describe('isConnectionLoss', () => {
  it('is the server out of reach, not a busy pool, a deadlock or a stopped transaction', () => {
    expect(isConnectionLoss(neo4jError('ServiceUnavailable'))).toBe(true);
    expect(isConnectionLoss(neo4jError('SessionExpired'))).toBe(true);
    expect(isConnectionLoss(new Error('connect ECONNREFUSED 127.0.0.1:7687'))).toBe(true);
    expect(isConnectionLoss(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(false);
    expect(isConnectionLoss(neo4jError('Neo.ClientError.Transaction.Terminated'))).toBe(false);
    expect(isConnectionLoss(new Error('Connection acquisition timed out in 3000 ms.'))).toBe(false);
  });
});
