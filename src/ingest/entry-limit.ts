import { LIMITS } from '../limits.js';
import { ImportError } from './import-error.js';

/** Refuses a file of more than LIMITS.entriesPerFile entries (counted before parsing where the format allows). */
export function checkEntryCount(count: number): void {
  if (count <= LIMITS.entriesPerFile) return;
  const max = LIMITS.entriesPerFile.toLocaleString('en-US');
  throw new ImportError(
    `The file holds ${count.toLocaleString('en-US')} entries; the importer takes at most ${max} a file (LIMITS.entriesPerFile), so nothing was written. Split it into smaller files.`,
  );
}
