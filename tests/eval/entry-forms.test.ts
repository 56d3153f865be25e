import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASES_FILE, renderEntryForms } from '../../src/eval/entry-forms.js';

describe('the table of entry forms', () => {
  it('is what the golden case file and the importer give today (npm run docs:forms)', () => {
    const table = renderEntryForms(readFileSync(CASES_FILE, 'utf8'));
    expect(readFileSync('docs/entry-forms.md', 'utf8')).toContain(table);
    // One row per form the case file names, from many real files.
    const rows = table.split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.split('|').at(-2)?.split(':')[0]?.trim())).size).toBeGreaterThanOrEqual(
      20,
    );
  });
});
