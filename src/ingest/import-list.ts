import { basename, extname } from 'node:path';
import type { Db } from '../db/driver.js';
import { slug } from '../domain/normalize.js';
import { LIMITS } from '../limits.js';
import { checkEntryCount } from './entry-limit.js';
import { detectFormat, FORMAT_NAMES, type Format, parseWorks } from './formats.js';
import { ImportError } from './import-error.js';
import { type ImportSummary, loadList } from './load.js';
import { parseList } from './parse-list.js';
import type { ParsedList } from './records.js';

export { ImportError };

import { canonicalList, listDef, type Taxonomy } from './taxonomy.js';

/** Largest list the importer takes; a bigger file is almost certainly not a paper list. */
export const MAX_LIST_BYTES = LIMITS.listBytes;

export interface ImportOptions {
  /** The list's name; sections belong to it. Defaults to the file name. */
  source?: string;
  dryRun?: boolean;
  /** Unreadable lines become errors, and nothing is written. */
  strict?: boolean;
  /** Only add: keep what this source stated before and the file no longer says (partial files). */
  keep?: boolean;
  /** Large files and removals in batches, each its own transaction (loadList). */
  batchLarge?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of storing U+FFFD. */
export function decodeList(bytes: Uint8Array, what = 'the list', max = MAX_LIST_BYTES): string {
  if (bytes.byteLength > max) {
    throw new ImportError(
      `${what} is ${bytes.byteLength} bytes; the importer takes at most ${max} (${max / 1024 / 1024} MB).`,
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
  const name = basename(file).replace(/\.gz$/i, '');
  return basename(name, extname(name));
}

/** A document read and checked, not yet written: what the online and the bulk import both load. */
export interface ParsedDocument {
  parsed: ParsedList;
  /** The list (source) name it is loaded under. */
  listName: string;
  format: Format;
  /**
   * The file was named by an alias of a list (seed/taxonomy.yaml: a part of that list, as the seed's
   * section file is): it adds to the list and removes nothing.
   */
  part: boolean;
}

/**
 * Parses one document of any format (markdown list, BibTeX, CSL-JSON, OpenAlex works), the format
 * detected when not given, and refuses what cannot be loaded (nothing paper-like; in strict mode
 * any unreadable line) before anything is written.
 */
export function parseDocument(
  text: string,
  taxonomy: Taxonomy,
  opts: { source: string; format?: Format; fileName?: string; strict?: boolean },
): ParsedDocument {
  const format = opts.format ?? detectFormat(opts.fileName ?? '', text);
  if (format === 'md') return parseMarkdownList(text, taxonomy, opts);
  if (!opts.source.trim()) throw new ImportError('The source needs a non-empty name.');
  if (text.includes('\u0000'))
    throw new ImportError('The file contains NUL characters; it is not a text file.');
  const parsed = parseWorks(text, format);
  checkEntryCount(parsed.entries);
  failOnStrict(parsed, opts.strict);
  if (parsed.papers.length === 0) {
    throw new ImportError(
      `No ${FORMAT_NAMES[format]} record with a title was found, so nothing was written${
        parsed.warnings.length
          ? ` (${parsed.warnings.length} problem(s): ${parsed.warnings
              .slice(0, 3)
              .map((w) => `line ${w.line}: ${w.message}`)
              .join('; ')})`
          : ''
      }.`,
      parsed.warnings,
    );
  }
  return { parsed, listName: opts.source.trim(), format, part: false };
}

/**
 * Parses and loads one document of any format: the one path shared by the CLI, the seed and the API.
 */
export async function importDocument(
  db: Db,
  text: string,
  taxonomy: Taxonomy,
  opts: ImportOptions & { source: string; format?: Format; fileName?: string },
): Promise<ImportSummary> {
  const doc = parseDocument(text, taxonomy, opts);
  return loadList(db, doc.parsed, doc.listName, taxonomy, {
    ...opts,
    format: doc.format,
    keep: opts.keep || doc.part,
  });
}

/** In strict mode, any unreadable line or record fails the import before anything is written. */
function failOnStrict(parsed: ParsedList, strict: boolean | undefined): void {
  if (!strict || !parsed.warnings.length) return;
  throw new ImportError(
    `${parsed.warnings.length} line(s) could not be read (strict mode, nothing written):\n${parsed.warnings
      .map((w) => `  line ${w.line}: ${w.message}`)
      .join('\n')}`,
    parsed.warnings,
  );
}

/** Parses and loads one markdown list. */
export async function importList(
  db: Db,
  markdown: string,
  taxonomy: Taxonomy,
  opts: ImportOptions & { source: string },
): Promise<ImportSummary> {
  const doc = parseMarkdownList(markdown, taxonomy, opts);
  return loadList(db, doc.parsed, doc.listName, taxonomy, { ...opts, keep: opts.keep || doc.part });
}

function parseMarkdownList(
  markdown: string,
  taxonomy: Taxonomy,
  opts: { source: string; strict?: boolean },
): ParsedDocument {
  if (!opts.source.trim()) throw new ImportError('The list needs a non-empty source name.');
  if (markdown.includes('\u0000'))
    throw new ImportError('The list contains NUL characters; it is not a text file.');
  const list = canonicalList(taxonomy, opts.source.trim());
  // Sections the taxonomy describes stay even when empty (the seed's A.1 and B.1).
  const keepCodes = new Set(Object.keys(listDef(taxonomy, list)?.sections ?? {}));
  const parsed = parseList(markdown, { keepCodes });
  checkEntryCount(parsed.entries);
  failOnStrict(parsed, opts.strict);
  if (parsed.papers.length === 0) {
    const skipped = describeSkipped(parsed.skipped);
    throw new ImportError(
      `Nothing in this file looks like a paper entry, so nothing was written${parsed.warnings.length ? ` (${parsed.warnings.length} line(s) could not be read)` : ''}. The importer reads list items with a title (bold, a leading link, or the leading sentence) and a year, venue, authors or paper link, and tables with a Title or Paper column${skipped ? `; it skipped ${skipped}` : ''}.`,
      parsed.warnings,
    );
  }
  return { parsed, listName: list, format: 'md', part: slug(list) !== slug(opts.source.trim()) };
}
