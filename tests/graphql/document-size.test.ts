import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureDocument } from '../../src/graphql/document-size.js';

describe('measureDocument', () => {
  it('counts fields, aliases and spreads as if fragments were expanded', () => {
    const doc = parse(
      '{ a: papers { ...P ...P } t: __typename } fragment P on Paper { title x: title authors { name } }',
    );
    // papers + __typename, then twice P's four fields; aliases a, t and twice x.
    expect(measureDocument(doc)).toEqual({ fields: 2 + 2 * 4, aliases: 2 + 2, spreads: 2 });
  });

  it('measures 60 levels of doubling fragments without expanding them', () => {
    const defs = ['fragment L60 on Paper { title }'];
    for (let i = 59; i >= 1; i--) defs.push(`fragment L${i} on Paper { ...L${i + 1} ...L${i + 1} }`);
    const t0 = performance.now();
    const size = measureDocument(parse(`{ papers { ...L1 } } ${defs.join(' ')}`));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(size.fields).toBe(1 + 2 ** 59);
    expect(size.spreads).toBe(2 ** 60 - 1);
  });

  it('counts a cycle or an unknown fragment as nothing (graphql names those)', () => {
    const doc = parse(
      '{ papers { ...A ...Missing } } fragment A on Paper { title ...B } fragment B on Paper { ...A }',
    );
    expect(measureDocument(doc)).toEqual({ fields: 2, aliases: 0, spreads: 4 });
  });
});
