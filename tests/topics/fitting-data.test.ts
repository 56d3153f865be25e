import { describe, expect, it } from 'vitest';
import type { SectionRecord } from '../../src/ingest/records.js';
import { type ListDef, loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { statedBySection } from '../../src/topics/document-inputs.js';
import { labelsOf } from '../../src/topics/fitting-data.js';

const taxonomy = loadTaxonomy();
const section = (code: string, parentCode: string | null, key = code): SectionRecord => ({
  code,
  parentCode,
  key,
  title: code,
  order: 0,
  depth: parentCode ? 2 : 1,
  line: 1,
  codeMadeUp: false,
});
const def: ListDef = {
  aliases: [],
  sections: {
    A: { topics: ['new-optimizers'], none: [] },
    'A.1': { topics: ['adaptive'], none: [] },
    'A.2': { topics: [], none: ['CONTRIBUTION'] },
  },
};
const parsed = {
  sections: [section('A', null), section('A.1', 'A'), section('A.2', 'A'), section('B', null)],
};

describe('what a list states of its papers', () => {
  it('takes a section mapping with its ancestors, the inner one deciding a facet both speak of', () => {
    const stated = statedBySection(parsed, def, taxonomy);
    expect(stated.get('A.1')).toEqual({ topics: ['new-optimizers', 'adaptive'], none: [] });
    expect(stated.get('A.2')).toEqual({ topics: [], none: ['CONTRIBUTION'] });
    expect(stated.get('B')).toEqual({ topics: [], none: [] });
  });

  it('labels only the facets a mapping speaks of; a list about something else has no family', () => {
    const labels = labelsOf(taxonomy, { topics: ['adaptive'], none: [] }, 'optimization');
    expect(Object.fromEntries(labels)).toEqual({ 'gd-sgd-momentum': 0, adaptive: 1, 'second-order': 0 });
    const denied = labelsOf(taxonomy, { topics: [], none: ['ANALYSIS_LENS'] }, undefined);
    expect([...denied.values()]).toEqual([0, 0, 0]);
    const other = labelsOf(taxonomy, undefined, 'other');
    expect(other.get('adaptive')).toBe(0);
    expect(other.get('new-optimizers')).toBe(0);
    expect(other.has('dynamics')).toBe(false);
    expect(labelsOf(taxonomy, undefined, 'optimization').size).toBe(0);
  });
});
