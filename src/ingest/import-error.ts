import type { ParseWarning } from './records.js';

/** Input the importer refuses; nothing was written. `warnings` holds the line-numbered problems. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly warnings: ParseWarning[] = [],
  ) {
    super(message);
  }
}
