import type { Db } from '../driver.js';
import { NODE_KINDS } from './catalogue.js';
import { migrate } from './migrations.js';

/** Full-text index over paper titles and abstracts and author names, used by Query.search. */
export const SEARCH_INDEX = 'paperAuthorAbstractSearch';
/** Full-text index over a paper's words (title, abstract, keywords), BM25-scored: the related-work text signal. */
export const TEXT_INDEX = 'paperText';

// Every statement is idempotent (IF NOT EXISTS), so start-up can run them all every time.
// Index names keep the ones earlier versions created (paper_arxiv for arxivId), so no index is made twice.
const indexName = (label: string, prop: string) =>
  `${label.toLowerCase()}_${prop === 'arxivId' ? 'arxiv' : prop.toLowerCase()}`;
const STATEMENTS = [
  ...Object.entries(NODE_KINDS).flatMap(([label, kind]) => [
    `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ...kind.indexed.map(
      (prop) => `CREATE INDEX ${indexName(label, prop)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`,
    ),
  ]),
  // TopicPair holds derived counters (topic-pairs.ts); it is not part of the API's model.
  'CREATE CONSTRAINT topicpair_id IF NOT EXISTS FOR (n:TopicPair) REQUIRE n.id IS UNIQUE',
  // Migration records which data migrations this graph has had (migrations.ts).
  'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE',
  // Term holds a word's document frequency (terms.ts), for the related-work text signal.
  'CREATE CONSTRAINT term_id IF NOT EXISTS FOR (n:Term) REQUIRE n.id IS UNIQUE',
  // Ref holds a reference to a work not in the graph yet, until that work arrives (citations.ts).
  'CREATE CONSTRAINT ref_key IF NOT EXISTS FOR (n:Ref) REQUIRE n.key IS UNIQUE',
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Paper|Author) ON EACH [n.title, n.name, n.abstract]`,
  // On the folded words themselves, so the text signal's queries and the index split words alike.
  `CREATE FULLTEXT INDEX ${TEXT_INDEX} IF NOT EXISTS FOR (n:Paper) ON EACH [n.terms]`,
];

/**
 * Creates the constraints and indexes the API relies on, waits until they are online, then runs
 * the data migrations the graph has not recorded yet (migrations.ts): once each, not every start.
 */
export async function applyConstraints(db: Db, opts: { awaitSeconds?: number } = {}): Promise<string[]> {
  for (const cypher of STATEMENTS) await db.write(cypher);
  // A bulk import's million papers take minutes to index; a start on a live graph, none.
  await db.write('CALL db.awaitIndexes($seconds)', { seconds: opts.awaitSeconds ?? 60 });
  return migrate(db);
}
