import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, CsvFile } from '../../../src/ingest/bulk/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-'));

describe('the CSV files of a bulk import', () => {
  it('quotes strings, doubles their quotes, leaves null empty and joins arrays with the control delimiter', () => {
    const f = new CsvFile(join(dir, 'a.csv'), [
      'id:ID(Paper)',
      'year:int',
      'keywords:string[]',
      'ok:boolean',
    ]);
    f.row(['paper:a', 2015, ['sgd; momentum', `odd${ARRAY_DELIMITER}word`], true]);
    f.row(['He said "Adam", twice', null, [], false]);
    f.close();
    expect(readFileSync(f.path, 'utf8')).toBe(
      `id:ID(Paper),year:int,keywords:string[],ok:boolean\n"paper:a",2015,"sgd; momentum${ARRAY_DELIMITER}odd word",true\n"He said ""Adam"", twice",,"",false\n`,
    );
    expect(f.rows).toBe(2);
    expect(f.multiline).toBe(false);
  });

  it('notes a value with a line break, so the import is told to read multiline fields', () => {
    const f = new CsvFile(join(dir, 'b.csv'), ['abstract']);
    f.row(['first paragraph\n\nsecond']);
    f.close();
    expect(f.multiline).toBe(true);
  });
});
