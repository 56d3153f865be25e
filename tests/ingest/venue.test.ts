import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVenues, parseVenue } from '../../src/ingest/venue.js';

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

describe('parseVenue with the venue catalogue', () => {
  it.each([
    ["neurips'23", 'NeurIPS', 'CONFERENCE', 2023],
    ["icml'23", 'ICML', 'CONFERENCE', 2023],
    ["acl'23", 'ACL', 'CONFERENCE', 2023],
    ["kdd'23", 'KDD', 'CONFERENCE', 2023],
    ["iclr-W'23", 'ICLR Workshop', 'WORKSHOP', 2023],
    ['NIPS 2018', 'NeurIPS', 'CONFERENCE', 2018],
    ['CVPR 18', 'CVPR', 'CONFERENCE', 2018],
    ['COLT 2016', 'COLT', 'CONFERENCE', 2016],
    ['Proceedings of the 36th International Conference on Machine Learning', 'ICML', 'CONFERENCE', null],
    ['Advances in Neural Information Processing Systems 32', 'NeurIPS', 'CONFERENCE', null],
    [
      'Journal of Optimization Theory and Applications',
      'Journal of Optimization Theory and Applications',
      'JOURNAL',
      null,
    ],
    ['ICML 2020 Workshop on Beyond First Order Methods', 'ICML Workshop', 'WORKSHOP', 2020],
  ])('reads %s', (text, name, kind, year) => {
    const v = parseVenue(text);
    expect(v.venue).toMatchObject({ name, kind });
    expect(v.year).toBe(year);
  });

  it('refuses a malformed catalogue, naming the problem', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'venues-')), 'venues.yaml');
    writeFileSync(file, 'series:\n  - { name: X, kind: FESTIVAL }\n');
    expect(() => loadVenues(file)).toThrow(/is not a valid venue catalogue: series\.0\.kind: /);
  });
});
