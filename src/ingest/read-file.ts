import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LIMITS } from '../limits.js';
import type { Format } from './formats.js';
import { decodeList, ImportError, MAX_LIST_BYTES } from './import-list.js';

/** Whether a file is JSON Lines (one OpenAlex work per line), read as a stream rather than whole. */
export const isJsonLines = (file: string) => /\.(jsonl|ndjson)(\.gz)?$/i.test(file);

/**
 * A document file's text: gunzipped when it ends in .gz, refused past the size limit (a markdown
 * list's, else a document's), UTF-8 checked.
 */
export function readDocumentFile(file: string, format?: Format): string {
  const max =
    format === 'md' || /\.(md|markdown)(\.gz)?$/i.test(file) ? MAX_LIST_BYTES : LIMITS.documentBytes;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    if (/\.gz$/i.test(file)) bytes = gunzipSync(bytes, { maxOutputLength: max + 1 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE')
      throw new ImportError(`${file} unpacks to more than ${max / 1024 / 1024} MB, the importer's limit.`);
    throw new ImportError(
      `cannot read ${file}: ${e.code === 'Z_DATA_ERROR' ? 'not a valid gzip file' : (e.code ?? e.message)}`,
    );
  }
  return decodeList(bytes, file, max);
}
