import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Between the elements of an array value: a control character no title, name or word contains
 * (neo4j-admin's default ';' does), passed to the import as --array-delimiter.
 */
export const ARRAY_DELIMITER = '\u001f';

/** A CSV cell as neo4j-admin import reads it: strings quoted ("" inside), null as an empty cell. */
export type Cell = string | number | boolean | null | undefined | readonly string[];

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // An element holding the delimiter would split in two: the delimiter goes, the text stays.
  return quote(v.map((x) => x.replaceAll(ARRAY_DELIMITER, ' ')).join(ARRAY_DELIMITER));
}

/**
 * One CSV file of the import, written synchronously in 1 MB chunks: a command-line import has
 * nothing else to do meanwhile, and synchronous appends are the fastest way to stream rows out.
 */
export class CsvFile {
  private readonly fd: number;
  private buffer = '';
  rows = 0;
  /** Whether a value held a line break (neo4j-admin then needs --multiline-fields, which is slower). */
  multiline = false;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  row(values: readonly Cell[]): void {
    this.rows++;
    const line = values.map(cell).join(',');
    if (!this.multiline && (line.includes('\n') || line.includes('\r'))) this.multiline = true;
    this.buffer += `${line}\n`;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
