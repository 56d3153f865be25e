import type { Db } from '../driver.js';
import { newestKey } from './sort-keys.js';
import { recountTopicPairs, topicPairsMissing } from './topic-pairs.js';

/** Full-text index over paper titles and author names, used by Query.search. */
export const SEARCH_INDEX = 'paperAuthorSearch';

// Every statement is idempotent (IF NOT EXISTS), so start-up can run them all every time.
const STATEMENTS = [
  ...['Paper', 'Author', 'Venue', 'Topic', 'Section', 'Optimizer', 'List'].map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE INDEX paper_arxiv IF NOT EXISTS FOR (n:Paper) ON (n.arxivId)',
  'CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year)',
  'CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title)',
  'CREATE INDEX paper_newest IF NOT EXISTS FOR (n:Paper) ON (n.newest)',
  'CREATE CONSTRAINT topicpair_id IF NOT EXISTS FOR (n:TopicPair) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX author_name IF NOT EXISTS FOR (n:Author) ON (n.name)',
  'CREATE INDEX venue_kind IF NOT EXISTS FOR (n:Venue) ON (n.kind)',
  'CREATE INDEX section_code IF NOT EXISTS FOR (n:Section) ON (n.code)',
  'CREATE INDEX optimizer_name IF NOT EXISTS FOR (n:Optimizer) ON (n.name)',
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Paper|Author) ON EACH [n.title, n.name]`,
];

/** Creates the constraints and indexes the API relies on, then waits until they are online. */
export async function applyConstraints(db: Db): Promise<void> {
  for (const cypher of STATEMENTS) await db.write(cypher);
  await db.write('CALL db.awaitIndexes(60)');
  // Graphs written before the newest-first key existed get it now, in bounded batches.
  for (;;) {
    const [row] = await db.write(
      `MATCH (p:Paper) WHERE p.newest IS NULL WITH p LIMIT 10000 SET p.newest = ${newestKey('p')} RETURN count(*) AS n`,
    );
    if (!row || (row.n as number) === 0) break;
  }
  if (await topicPairsMissing(db)) await recountTopicPairs(db);
}
