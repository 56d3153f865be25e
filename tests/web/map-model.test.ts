import { describe, expect, it } from 'vitest';
import type { SimilarityData } from '../../web/src/api.js';
import {
  buildMap,
  MAX_SIZE,
  MIN_SIZE,
  NEW_COLOR,
  NO_YEAR_COLOR,
  OLD_COLOR,
} from '../../web/src/map-model.js';

const paper = (id: string, year: number | null, citedBy = 0, score: number | null = 1) => ({
  id,
  title: id,
  year,
  citedBy,
  score,
});

describe('the similarity map model', () => {
  it('sizes by citations when any paper is cited, colours by year over the range, keeps the order and reasons', () => {
    const data: SimilarityData = {
      relatedGraph: {
        nodes: [paper('o', 2018, 2, null), paper('a', 2014, 8), paper('b', 2022, 0), paper('c', null, 2)],
        edges: [{ source: 'o', target: 'a', weight: 1 }],
        priorWorks: [],
        derivativeWorks: [{ id: 'd', title: 'd', year: 2023, count: 2 }],
      },
      relatedWork: [{ reasons: ['shares terms: adam (+1.2)'], crossSection: true, paper: { id: 'a' } }],
    };
    const m = buildMap(data);
    expect(m?.sizeBy).toBe('citations');
    expect(m?.origin.id).toBe('o');
    expect(m?.related.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(m?.related[0]).toMatchObject({ size: MAX_SIZE, color: OLD_COLOR, crossSection: true });
    expect(m?.related[0]?.reasons).toEqual(['shares terms: adam (+1.2)']);
    expect(m?.related[1]).toMatchObject({ size: MIN_SIZE, color: NEW_COLOR });
    expect(m?.related[2]?.color).toBe(NO_YEAR_COLOR);
    expect(m?.years).toEqual({ min: 2014, max: 2022 });
  });

  it('sizes by links on the map when no paper is cited, and has nothing to draw for an unknown paper', () => {
    const m = buildMap({
      relatedGraph: {
        nodes: [paper('o', 2020, 0, null), paper('a', 2020), paper('b', 2020)],
        edges: [
          { source: 'o', target: 'a', weight: 1 },
          { source: 'o', target: 'b', weight: 1 },
        ],
        priorWorks: [],
        derivativeWorks: [],
      },
      relatedWork: [],
    });
    expect(m?.sizeBy).toBe('links');
    expect(m?.origin.size).toBe(MAX_SIZE);
    expect(m?.related.map((p) => p.size)).toEqual([MIN_SIZE, MIN_SIZE]);
    expect(
      buildMap({
        relatedGraph: { nodes: [], edges: [], priorWorks: [], derivativeWorks: [] },
        relatedWork: [],
      }),
    ).toBeNull();
  });
});
