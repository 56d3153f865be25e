import { describe, expect, it } from 'vitest';
import {
  mergeAssignments,
  PAPER_CSV_COLUMNS,
  PAPER_PROPERTIES,
  propertiesOf,
} from '../../../src/db/schema/paper-properties.js';

describe('the paper-property table', () => {
  const names = PAPER_PROPERTIES.map((p) => p.name);

  it('gives every write the same properties, defaults filled in', () => {
    const props = propertiesOf({
      id: 'paper:x',
      title: 'T',
      year: null,
      listedYear: null,
      arxivId: null,
      venueText: null,
    });
    expect(Object.keys(props)).toEqual(['id', ...names]);
    expect(props).toMatchObject({
      doi: null,
      keywords: [],
      otherIds: [],
      authorsComplete: true,
      notes: undefined,
    });
  });

  it('gives the merge one assignment per property, hand edits guarded', () => {
    const set = mergeAssignments((f) => `EDITED(${f})`);
    expect(set.map((s) => s.split(' = ')[0])).toEqual(names.map((n) => `p.${n}`));
    expect(set.find((s) => s.startsWith('p.year '))).toBe(
      'p.year = CASE WHEN EDITED(year) THEN p.year ELSE coalesce(row.year, p.year) END',
    );
    expect(set.find((s) => s.startsWith('p.doi '))).toBe('p.doi = coalesce(p.doi, row.doi)');
    expect(set.find((s) => s.startsWith('p.authorsComplete '))).toBe(
      'p.authorsComplete = coalesce(p.authorsComplete, false) OR row.authorsComplete',
    );
    for (const p of PAPER_PROPERTIES)
      if ('editedAs' in p)
        expect(set.find((s) => s.startsWith(`p.${p.name} `))).toContain(`EDITED(${p.editedAs})`);
  });

  it("types the bulk file's columns as neo4j-admin reads them", () => {
    expect(PAPER_CSV_COLUMNS).toContain('year:int');
    expect(PAPER_CSV_COLUMNS).toContain('keywords:string[]');
    expect(PAPER_CSV_COLUMNS).toContain('title');
    expect(PAPER_CSV_COLUMNS).toHaveLength(names.length);
  });
});
