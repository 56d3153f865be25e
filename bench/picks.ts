import type { Db } from '../src/db/driver.js';
import type { Picks } from './questions.js';

/**
 * The entities the questions are asked about. The generator's author "Author k·40" is the most
 * prolific member of community k, so the same names mean the same kind of author at every corpus
 * size (their paper counts do not grow with N); papers are those authors' newest, and the
 * most cited papers for the citation question.
 */
export async function pickEntities(db: Db): Promise<Picks> {
  const rows = await db.read(
    `UNWIND range(0, 15) AS k
     MATCH (a:Author {name: 'Author ' + toString(k * 40)})
     CALL (a) { MATCH (a)-[:AUTHORED]->(p:Paper) RETURN p ORDER BY p.year DESC, p.title LIMIT 1 }
     RETURN a.id AS author, p.id AS paper`,
  );
  if (rows.length === 0) throw new Error('The corpus has none of the expected authors; was it loaded?');
  // The corpus bounds citations per paper (corpus.ts), so the most cited are alike at every size.
  const cited = await db.read(
    `MATCH (p:Paper) WITH p, COUNT { (p)<-[:CITES]-(:Paper) } AS n WHERE n > 0
     RETURN p.id AS id ORDER BY n DESC, p.id LIMIT 16`,
  );
  return {
    authorIds: rows.map((r) => r.author as string),
    paperIds: rows.map((r) => r.paper as string),
    citedPaperIds: cited.length ? cited.map((r) => r.id as string) : rows.map((r) => r.paper as string),
    topicIds: ['topic:convergence', 'topic:adaptive'],
  };
}
