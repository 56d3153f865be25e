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
];

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
    await db.write('MERGE (m:Migration {id: $id}) SET m.description = $description, m.at = datetime()', {
      id: m.id,
      description: m.description,
    });
    ran.push(m.id);
  }
  return ran;
}
