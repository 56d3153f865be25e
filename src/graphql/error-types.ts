import { ConflictError } from '../db/write/paper-writes.js';
import { builder } from './builder.js';

/** Input that breaks a rule; `field` is its path in the input ("input.title"). */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** An id that names nothing. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
  }
}

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field') }),
});
builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The write would duplicate a node that exists; nodeId names it.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ nodeId: t.exposeID('nodeId') }),
});
builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ id: t.exposeID('id') }),
});

export { ConflictError };
