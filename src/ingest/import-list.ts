import { basename, extname } from 'node:path';
import type { Db } from '../db/driver.js';
import { slug } from '../domain/normalize.js';
import { LIMITS } from '../limits.js';
import { type ImportSummary, loadList } from './load.js';
import { parseList } from './parse-list.js';
import type { ParseWarning } from './records.js';
import { canonicalList, type Taxonomy } from './taxonomy.js';

/** Largest list the importer takes; a bigger file is almost certainly not a paper list. */
export const MAX_LIST_BYTES = LIMITS.listBytes;

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

export interface ImportOptions {
  /** The list's name; sections belong to it. Defaults to the file name. */
  source?: string;
  dryRun?: boolean;
  /** Unreadable lines become errors, and nothing is written. */
  strict?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of storing U+FFFD. */
export function decodeList(bytes: Uint8Array, what = 'the list'): string {
  if (bytes.byteLength > MAX_LIST_BYTES) {
    throw new ImportError(
      `${what} is ${bytes.byteLength} bytes; the importer takes at most ${MAX_LIST_BYTES} (5 MB).`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = new TextDecoder().decode(bytes.subarray(0, at)).split('\n').length;
    throw new ImportError(
      `${what} is not valid UTF-8 (first bad byte at offset ${at}, line ${line}). Save it as UTF-8.`,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.byteLength;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1), { stream: true });
      dec.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** "41 (navigation 12, badges and images 2, …)" from the parser's skipped counts, or '' for none. */
export function describeSkipped(skipped: Record<string, number>): string {
  const parts = Object.entries(skipped).sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((n, [, c]) => n + c, 0);
  return total ? `${total} (${parts.map(([why, n]) => `${why} ${n}`).join(', ')})` : '';
}

/** The list name a file gets when no --source is given: its file name without extension. */
export function sourceFromFile(file: string): string {
  return basename(file, extname(file));
}

/** Parses and loads one markdown list: the one path shared by the CLI, the seed and the API. */
export async function importList(
  db: Db,
  markdown: string,
  taxonomy: Taxonomy,
  opts: ImportOptions & { source: string },
): Promise<ImportSummary> {
  if (!opts.source.trim()) throw new ImportError('The list needs a non-empty source name.');
  if (markdown.includes('\u0000'))
    throw new ImportError('The list contains NUL characters; it is not a text file.');
  const list = canonicalList(taxonomy, opts.source.trim());
  // Sections the taxonomy describes stay even when empty (the seed's A.1 and B.1).
  const keepCodes = new Set(Object.keys(taxonomy.lists[slug(list)]?.sections ?? {}));
  const parsed = parseList(markdown, { keepCodes });
  if (opts.strict && parsed.warnings.length) {
    throw new ImportError(
      `${parsed.warnings.length} line(s) could not be read (strict mode, nothing written):\n${parsed.warnings
        .map((w) => `  line ${w.line}: ${w.message}`)
        .join('\n')}`,
      parsed.warnings,
    );
  }
  if (parsed.papers.length === 0) {
    const skipped = describeSkipped(parsed.skipped);
    throw new ImportError(
      `Nothing in this file looks like a paper entry, so nothing was written${parsed.warnings.length ? ` (${parsed.warnings.length} line(s) could not be read)` : ''}. The importer reads list items with a title (bold, a leading link, or the leading sentence) and a year, venue, authors or paper link, and tables with a Title or Paper column${skipped ? `; it skipped ${skipped}` : ''}.`,
      parsed.warnings,
    );
  }
  return loadList(db, parsed, list, taxonomy, opts);
}
