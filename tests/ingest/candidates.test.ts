import { describe, expect, it } from 'vitest';
import {
  AUTHOR_SOURCES,
  bestAuthors,
  bestYear,
  noCandidates,
  proposeAuthors,
  proposeYear,
} from '../../src/ingest/candidates.js';
import { parseList } from '../../src/ingest/parse-list.js';

describe('the one resolve step for an entry’s authors and year', () => {
  it('takes the source with the highest precedence, whatever the order they were found in', () => {
    const c = noCandidates();
    proposeAuthors(c, { names: ['Some Run'], complete: true }, 'names-run');
    proposeAuthors(c, { names: ['A. Label'], complete: true }, 'label');
    proposeAuthors(c, { names: ['Next Line'], complete: true }, 'next-line');
    expect(bestAuthors(c)?.value.names).toEqual(['A. Label']);
    proposeYear(c, 2018, 'parent');
    proposeYear(c, 2015, 'paren');
    proposeYear(c, 2016, 'paren');
    expect(bestYear(c)).toBe(2015);
  });

  it('proposes nothing for an empty reading, and names before the title outrank all', () => {
    const c = noCandidates();
    proposeAuthors(c, { names: [], complete: true }, 'italic');
    proposeYear(c, null, 'label');
    expect(bestAuthors(c)).toBeNull();
    expect(bestYear(c)).toBeNull();
    expect(AUTHOR_SOURCES[0]).toBe('before-title');
  });

  it('reads a labelled Authors line over a run of names on the first line', () => {
    const r = parseList(
      ['- **A Paper Title Here**, Some Person, 2019', '  - Authors: Ann Author, Bob Builder'].join('\n'),
    );
    expect(r.papers[0]?.authors.map((a) => a.name)).toEqual(['Ann Author', 'Bob Builder']);
  });

  it('takes a year stated by the entry over the year of the heading above it', () => {
    const r = parseList(['## 2019', '', '- **A Paper Title Here** (2017), A. Author'].join('\n'));
    expect(r.papers[0]?.year).toBe(2017);
  });
});
