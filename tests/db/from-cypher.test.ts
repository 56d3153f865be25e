import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromCypher } from '../../src/db/driver.js';

describe('values leaving the driver', () => {
  it('turns temporals into ISO 8601 strings, however deep in a row, and leaves the rest alone', () => {
    const at = new neo4j.types.DateTime(2024, 5, 1, 12, 34, 56, 789_000_000, 0);
    const day = new neo4j.types.Date(2024, 5, 1);
    const row = {
      n: {
        id: 'list:x',
        importedAt: at,
        '@papers': { totalCount: 1, nodes: [{ id: 'paper:y', seen: [day] }] },
      },
      count: 3,
      name: null,
    };
    expect(fromCypher(row)).toEqual({
      n: {
        id: 'list:x',
        importedAt: '2024-05-01T12:34:56.789Z',
        '@papers': { totalCount: 1, nodes: [{ id: 'paper:y', seen: ['2024-05-01'] }] },
      },
      count: 3,
      name: null,
    });
  });

  it('writes a DateTime with a zone offset in UTC', () => {
    const at = new neo4j.types.DateTime(2024, 5, 1, 14, 0, 0, 0, 7200);
    expect(fromCypher(at)).toBe('2024-05-01T12:00:00.000Z');
  });
});
