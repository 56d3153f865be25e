import { headingSlug } from '../../domain/normalize.js';
import { projectTaxonomy } from '../../ingest/taxonomy.js';
import { reinferAll } from '../../topics/reinfer.js';
import type { Db } from '../driver.js';
import { newestKey } from './sort-keys.js';
import { countTerms } from './terms.js';
import { recountTopicPairs, topicPairsMissing } from './topic-pairs.js';

/** A change to the data of graphs written by earlier versions: named, run once, recorded in the graph. */
export interface Migration {
  id: string;
  description: string;
  run(db: Db): Promise<void>;
}

/** In order; an id never changes once released (it is what the graph records). */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001-paper-newest-key',
    description: 'Paper.newest, the newest-first sort key, for papers written before it existed',
    run: async (db) => {
      // In bounded batches, so a large graph never needs one huge transaction.
      for (;;) {
        const [row] = await db.write(
          `MATCH (p:Paper) WHERE p.newest IS NULL WITH p LIMIT 10000 SET p.newest = ${newestKey('p')} RETURN count(*) AS n`,
        );
        if (!row || (row.n as number) === 0) break;
      }
    },
  },
  {
    id: '002-topic-pair-counters',
    description: 'TopicPair counters for graphs whose papers had topics before the counters existed',
    run: async (db) => {
      if (await topicPairsMissing(db)) await recountTopicPairs(db);
    },
  },
  {
    id: '003-drop-title-only-search-index',
    description:
      'The full-text index without abstracts (paperAuthorSearch), replaced by paperAuthorAbstractSearch',
    run: async (db) => {
      await db.write('DROP INDEX paperAuthorSearch IF EXISTS');
    },
  },
  {
    id: '004-paper-terms',
    description: 'Paper.terms and Term document frequencies, for papers written before they existed',
    run: async (db) => {
      for (;;) {
        const ids = (await db.read('MATCH (p:Paper) WHERE p.terms IS NULL RETURN p.id AS id LIMIT 5000')).map(
          (r) => r.id as string,
        );
        if (!ids.length) break;
        await db.writeTransaction((run) => countTerms(run, ids));
      }
    },
  },
  {
    id: '005-section-ids-from-heading-paths',
    description:
      'Sections whose code was made up from position get ids from their heading path, as imports now give them',
    run: async (db) => {
      const rows = await db.read(
        `MATCH (s:Section) OPTIONAL MATCH (s)-[:SUBSECTION_OF]->(parent:Section)
         RETURN s.id AS id, s.code AS code, s.title AS title, s.listId AS listId, parent.id AS parentId`,
      );
      const changes = sectionIdsFromPaths(rows as unknown as SectionFacts[]);
      for (let i = 0; i < changes.length; i += 5000)
        await db.write(
          `UNWIND $changes AS c
           MATCH (s:Section {id: c.from}) WHERE NOT EXISTS { MATCH (:Section {id: c.to}) }
           SET s.id = c.to`,
          { changes: changes.slice(i, i + 5000) },
        );
    },
  },
  {
    id: '006-topic-assignment-sources',
    description:
      'ABOUT relationships carry a source (SECTION, MANUAL) and confidence 1 in place of via; TopicPair counters count by confidence grade; every paper gets its inferred topics',
    run: async (db) => {
      for (;;) {
        const [row] = await db.write(
          `MATCH ()-[a:ABOUT]->() WHERE a.source IS NULL WITH a LIMIT 10000
           SET a.source = CASE a.via WHEN 'manual' THEN 'MANUAL' ELSE 'SECTION' END, a.confidence = 1.0
           REMOVE a.via RETURN count(*) AS n`,
        );
        if (!row || (row.n as number) === 0) break;
      }
      await recountTopicPairs(db);
      await reinferAll(db, projectTaxonomy());
    },
  },
];

/** What migration 005 reads of a section. */
export interface SectionFacts {
  id: string;
  code: string;
  title: string;
  listId: string;
  parentId: string | null;
}

/**
 * New ids for the sections whose code the importer made up from position, as the parser now keys
 * them (parse-list.ts): the list and the slugs of the heading titles from the top. A made-up code
 * is one with an `x` segment or a list whose codes are all plain numbers (a written numbering
 * reads the same; the next import of such a list puts its sections back under their codes).
 */
export function sectionIdsFromPaths(sections: readonly SectionFacts[]): Array<{ from: string; to: string }> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const plainOnly = new Map<string, boolean>();
  for (const s of sections)
    plainOnly.set(s.listId, (plainOnly.get(s.listId) ?? true) && /^\d+(?:\.\d+)*$/.test(s.code));
  const madeUp = (s: SectionFacts) => /(?:^|\.)x\d+$/.test(s.code) || plainOnly.get(s.listId) === true;
  const path = (s: SectionFacts, seen = new Set<string>()): string => {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    seen.add(s.id);
    const own = headingSlug(s.title);
    return parent && !seen.has(parent.id) ? `${path(parent, seen)}/${own}` : own;
  };
  return sections
    .filter((s) => s.listId?.startsWith('list:') && madeUp(s))
    .map((s) => ({ from: s.id, to: `section:${s.listId.slice('list:'.length)}/~${path(s)}` }))
    .filter((c) => c.from !== c.to);
}

/**
 * Runs the migrations this graph has not recorded yet, in order, and records each as a
 * (:Migration {id, description, at}) node; returns the ids it ran. A start on an up-to-date
 * graph reads one list of ids and changes nothing.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const done = new Set((await db.read('MATCH (m:Migration) RETURN m.id AS id')).map((r) => r.id as string));
  const ran: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await m.run(db);
    await markMigrated(db, [m]);
    ran.push(m.id);
  }
  return ran;
}

/**
 * Records migrations as had, running none; with no list, every one: for a graph just written
 * whole in the current model (the bulk path), where each would only redo what the writer did
 * (migration 006 alone re-infers every paper's topics: minutes at a million papers).
 */
export async function markMigrated(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await db.write(
    'UNWIND $ms AS m MERGE (n:Migration {id: m.id}) SET n.description = m.description, n.at = datetime()',
    { ms: migrations.map(({ id, description }) => ({ id, description })) },
  );
}
