import { GraphQLError } from 'graphql';

/** Bad input from the client: a GraphQL error with extensions.code = BAD_USER_INPUT and the argument's name. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** A confidence argument: a number from 0 to 1. */
export function checkConfidence(value: number, argument = 'minConfidence'): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw badInput(`${argument} must be between 0 and 1; got ${value}.`, argument);
  }
  return value;
}

/** Rejects counts outside 1..max with a message that names the argument and the limit. */
export function checkRange(value: number, max: number, argument = 'first', min = 1): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max}; got ${value}.`, argument);
  }
  return value;
}

/**
 * A write without a valid key: 401, or 403 when the server takes no writes at all. As a request
 * error (before execution, no `data`) it is a 4xx under GraphQL over HTTP for every media type.
 */
export function unauthenticated(writesEnabled: boolean): GraphQLError {
  return new GraphQLError(
    writesEnabled
      ? 'Writes need a valid API key: send "Authorization: Bearer <key>".'
      : 'Writes are off: the server has no API_KEYS configured.',
    { extensions: { code: 'UNAUTHENTICATED', http: { status: writesEnabled ? 401 : 403 } } },
  );
}
