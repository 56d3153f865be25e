import type { Db } from '../src/db/driver.js';
import { rowProps } from '../src/db/write/list-writes.js';
import { planRows } from '../src/ingest/load.js';
import { loadTaxonomy } from '../src/ingest/taxonomy.js';
import { generateCorpus } from './corpus.js';
import { type LoadRate, onlineRate } from './load-corpus.js';

/**
 * The online load's floor: the same rows (papers with their properties, section, list, venue,
 * ordered authors and citations) written by hand-written UNWIND … MERGE statements, one
 * transaction per batch, with none of the importer's identity, sync or derived values. What
 * Neo4j itself accepts on this machine, as the query floor is for reads.
 */
export async function floorLoadCorpus(db: Db, papers: number, seed = 1, batchSize = 1000): Promise<LoadRate> {
  const corpus = generateCorpus(papers, seed);
  const rows = planRows(corpus, 'optimizer-papers-analysis', loadTaxonomy());
  const t0 = performance.now();
  await db.writeTransaction(async (run) => {
    await run('MERGE (l:List {id: $id}) SET l.name = $name', rows.list);
    await run('UNWIND $sections AS s MERGE (n:Section {id: s.id}) SET n.title = s.title', rows);
  });
  for (let i = 0; i < rows.papers.length; i += batchSize) {
    const batch = rows.papers.slice(i, i + batchSize).map((p) => ({
      props: rowProps(p),
      sectionId: p.sectionId,
      listId: p.listId,
      order: p.order,
      authors: p.authors.map((a) => ({ id: a.id, name: a.name, position: a.position })),
      venue: p.venue,
      cites: p.references.map((k) => k.slice('id:'.length)),
    }));
    await db.writeTransaction(async (run) => {
      await run(
        `UNWIND $batch AS row
         MERGE (p:Paper {id: row.props.id}) SET p += row.props
         WITH p, row
         CALL (p, row) { MATCH (s:Section {id: row.sectionId}) MERGE (p)-[l:LISTED_IN]->(s) SET l.order = row.order }
         CALL (p, row) { MATCH (l:List {id: row.listId}) MERGE (p)-[:STATED_IN]->(l) }
         CALL (p, row) { MERGE (v:Venue {id: row.venue.id}) ON CREATE SET v.name = row.venue.name MERGE (p)-[:PUBLISHED_IN]->(v) }`,
        { batch },
      );
      await run(
        `UNWIND $authors AS a
         MERGE (n:Author {id: a.id}) ON CREATE SET n.name = a.name
         WITH n, a MATCH (p:Paper {id: a.p}) MERGE (n)-[w:AUTHORED]->(p) SET w.position = a.position`,
        { authors: batch.flatMap((r) => r.authors.map((a) => ({ ...a, p: r.props.id }))) },
      );
      await run(
        `UNWIND $cites AS c
         MATCH (p:Paper {id: c.p}) MATCH (q:Paper {id: c.q}) MERGE (p)-[:CITES]->(q)`,
        { cites: batch.flatMap((r) => r.cites.map((q) => ({ p: r.props.id, q }))) },
      );
    });
  }
  return onlineRate(corpus, (performance.now() - t0) / 1000);
}
