import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/driver.js';
import { applyConstraints } from '../../../src/db/schema/constraints.js';
import { MIGRATIONS } from '../../../src/db/schema/migrations.js';
import { clearGraph, testDb } from '../../helpers/neo4j.js';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
});
afterAll(async () => {
  await db.close();
});

const recorded = async () =>
  (await db.read('MATCH (m:Migration) RETURN m.id AS id ORDER BY id')).map((r) => r.id);

describe('data migrations', () => {
  it('run once on a graph written by an earlier version, are recorded, and are not run again', async () => {
    // What an earlier version left: papers without the newest-first key, topics without pair counters.
    await db.write(
      `CREATE (a:Topic {id: 'topic:a', name: 'A'}), (b:Topic {id: 'topic:b', name: 'B'}),
              (p:Paper {id: 'paper:old', title: 'Old', year: 2019})-[:ABOUT {via: 'section'}]->(a),
              (p)-[:ABOUT {via: 'manual'}]->(b),
              (q:Paper {id: 'paper:older', title: 'Older', year: 2015})-[:ABOUT {via: 'section'}]->(a)`,
    );
    // …and its title-only full-text index.
    await db.write(
      'CREATE FULLTEXT INDEX paperAuthorSearch IF NOT EXISTS FOR (n:Paper|Author) ON EACH [n.title, n.name]',
    );
    expect(await applyConstraints(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await recorded()).toEqual([
      '001-paper-newest-key',
      '002-topic-pair-counters',
      '003-drop-title-only-search-index',
      '004-paper-terms',
      '005-section-ids-from-heading-paths',
      '006-topic-assignment-sources',
    ]);
    const indexes = (await db.read('SHOW FULLTEXT INDEXES YIELD name RETURN name ORDER BY name')).map(
      (r) => r.name,
    );
    expect(indexes).toEqual(['paperAuthorAbstractSearch', 'paperText']);
    // The old papers got their words and the words their counts.
    expect(await db.read("MATCH (p:Paper {id: 'paper:old'}) RETURN p.terms AS t")).toEqual([{ t: ['old'] }]);
    expect(await db.read('MATCH (x:Term) RETURN x.id AS id, x.papers AS n ORDER BY id')).toEqual([
      { id: 'old', n: 1 },
      { id: 'older', n: 1 },
    ]);
    expect(
      await db.read('MATCH (p:Paper) RETURN p.id AS id, p.newest IS NOT NULL AS keyed ORDER BY id'),
    ).toEqual([
      { id: 'paper:old', keyed: true },
      { id: 'paper:older', keyed: true },
    ]);
    // Assignments got their source and confidence; the pair counters count by confidence grade.
    expect(
      await db.read(
        "MATCH (p:Paper)-[a:ABOUT]->(t:Topic) WHERE t.id IN ['topic:a', 'topic:b'] RETURN p.id AS p, t.id AS t, a.source AS source, a.confidence AS c, a.via AS via ORDER BY p, t",
      ),
    ).toEqual([
      { p: 'paper:old', t: 'topic:a', source: 'SECTION', c: 1, via: null },
      { p: 'paper:old', t: 'topic:b', source: 'MANUAL', c: 1, via: null },
      { p: 'paper:older', t: 'topic:a', source: 'SECTION', c: 1, via: null },
    ]);
    const grade10 = (n: number) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n];
    expect(
      await db.read(
        "MATCH (x:TopicPair) WHERE x.id IN ['topic:a topic:a', 'topic:a topic:b', 'topic:b topic:b'] RETURN x.id AS id, x.byGrade AS n ORDER BY id",
      ),
    ).toEqual([
      { id: 'topic:a topic:a', n: grade10(2) },
      { id: 'topic:a topic:b', n: grade10(1) },
      { id: 'topic:b topic:b', n: grade10(1) },
    ]);

    // A later start changes nothing: the key removed by hand stays removed.
    await db.write("MATCH (p:Paper {id: 'paper:old'}) REMOVE p.newest");
    expect(await applyConstraints(db)).toEqual([]);
    expect(await db.read("MATCH (p:Paper {id: 'paper:old'}) RETURN p.newest AS k")).toEqual([{ k: null }]);
    expect(await recorded()).toEqual(MIGRATIONS.map((m) => m.id));
  });
});

describe('an empty graph', () => {
  it('is still empty after its migrations are recorded, so npm start loads the seed', async () => {
    const { isGraphEmpty } = await import('../../../src/db/read/stats.js');
    await clearGraph(db);
    await applyConstraints(db);
    expect(await recorded()).toHaveLength(MIGRATIONS.length);
    expect(await isGraphEmpty(db)).toBe(true);
  });
});
