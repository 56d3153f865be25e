import { describe, expect, it } from 'vitest';
import { StatementLog, sampleOf } from '../../src/db/statement-log.js';

describe('StatementLog', () => {
  it('keeps each statement once, with lists cut to their first element', () => {
    const log = new StatementLog();
    log.record('WRITE', 'UNWIND $rows AS r MERGE (p:Paper {id: r.id})', {
      rows: [{ id: 'a', tags: ['x', 'y'] }, { id: 'b' }],
    });
    log.record('WRITE', 'UNWIND $rows AS r MERGE (p:Paper {id: r.id})', { rows: [{ id: 'c' }] });
    expect(log.list()).toEqual([
      {
        mode: 'WRITE',
        cypher: 'UNWIND $rows AS r MERGE (p:Paper {id: r.id})',
        params: { rows: [{ id: 'a', tags: ['x'] }] },
      },
    ]);
  });

  it('forgets the least recently run statement first', () => {
    const log = new StatementLog(2);
    log.record('READ', 'RETURN 1', {});
    log.record('READ', 'RETURN 2', {});
    log.record('READ', 'RETURN 1', {});
    log.record('READ', 'RETURN 3', {});
    expect(log.list().map((s) => s.cypher)).toEqual(['RETURN 1', 'RETURN 3']);
  });

  it('never keeps what a rolled-back transaction cannot run', () => {
    const log = new StatementLog();
    for (const cypher of [
      'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
      'CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title]',
      'DROP INDEX old',
      'SHOW INDEXES',
      'MATCH (p:Paper) CALL (p) { SET p.x = 1 } IN TRANSACTIONS OF 100 ROWS',
    ])
      log.record('WRITE', cypher, {});
    expect(log.list()).toEqual([]);
  });

  it('samples nested values without sharing them with the caller', () => {
    const params = { a: [[1, 2], [3]], b: { c: [] } };
    expect(sampleOf(params)).toEqual({ a: [[1]], b: { c: [] } });
    expect(params.a).toHaveLength(2);
  });
});
