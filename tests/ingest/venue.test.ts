import { describe, expect, it } from 'vitest';
import { parseVenue } from '../../src/ingest/venue.js';

describe('parseVenue', () => {
  it.each([
    ['ICLR 2019', 'ICLR', 'CONFERENCE', 2019, null, []],
    ['NeurIPS 2020', 'NeurIPS', 'CONFERENCE', 2020, null, []],
    ['ICML 2018 (Best Paper)', 'ICML', 'CONFERENCE', 2018, null, ['Best Paper']],
    ['IEEE Access', 'IEEE Access', 'JOURNAL', null, null, []],
    ['JMLR', 'JMLR', 'JOURNAL', null, null, []],
    ['arXiv preprint arXiv:2003.02395', 'arXiv', 'PREPRINT', null, '2003.02395', []],
    ['arXiv 2017', 'arXiv', 'PREPRINT', 2017, null, []],
    ['ICDMW 2019', 'ICDMW', 'WORKSHOP', 2019, null, []],
    ['Some Workshop on Optimization 2021', 'Some Workshop on Optimization', 'WORKSHOP', 2021, null, []],
    ['Gazette of Things', 'Gazette of Things', 'OTHER', null, null, []],
  ])('reads %s', (text, name, kind, year, arxivId, notes) => {
    const v = parseVenue(text);
    expect(v.venue).toMatchObject({ name, kind });
    expect(v.year).toBe(year);
    expect(v.arxivId).toBe(arxivId);
    expect(v.notes).toEqual(notes);
  });
});
