import { GraphQLError } from 'graphql';

/** Bad input from the client: a GraphQL error with extensions.code = BAD_USER_INPUT and the argument's name. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** Rejects counts outside 1..max with a message that names the argument and the limit. */
export function checkRange(value: number, max: number, argument = 'first', min = 1): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max}; got ${value}.`, argument);
  }
  return value;
}
