import { describe, expect, it } from 'vitest';
import { batchIdentity } from '../../../src/db/write/identity.js';

const row = (year: number | null, doi: string | null = null, arxivId: string | null = null) => ({
  id: 'paper:orthogonal-polynomials',
  year,
  doi,
  arxivId,
});

describe('identity within one batch', () => {
  it('keeps works with one title and years far apart apart', () => {
    expect(batchIdentity([row(1939), row(1978), row(1991), row(2004)])).toEqual([0, 1, 2, 3]);
  });

  it('takes the same title with years within one, or one year unknown, as one work', () => {
    expect(batchIdentity([row(2014), row(2015), row(null)])).toEqual([0, 0, 0]);
  });

  it('keeps the same title with two different DOIs apart, and joins rows that share one', () => {
    expect(batchIdentity([row(2020, '10.1/a'), row(2020, '10.1/b'), row(2020, '10.1/b'), row(1939)])).toEqual(
      [0, 1, 1, 2],
    );
  });

  it('finds a later namesake of a namesake by its own year', () => {
    expect(batchIdentity([row(1939), row(1978), row(1978), row(1939)])).toEqual([0, 1, 1, 0]);
  });

  it('joins rows by an identifier before their titles', () => {
    expect(
      batchIdentity([row(2014, null, '1412.6980'), { ...row(2017, null, '1412.6980'), id: 'paper:adam' }]),
    ).toEqual([0, 0]);
  });
});
