import type { Runner } from '../driver.js';

/** What linking citations needs of a written paper. */
export interface CitingRow {
  /** The id the paper is stored under. */
  id: string;
  /** Other ids the paper was asked for by (its title id before resolution). */
  aliases: string[];
  doi?: string | null;
  arxivId?: string | null;
  openAlexId?: string | null;
  /** Keys of the works it cites ("doi:…", "arxiv:…", "openalex:W…", "id:paper:…"). */
  references: string[];
}

const PROPERTY: Record<string, string> = { doi: 'doi', arxiv: 'arxivId', openalex: 'openAlexId', id: 'id' };

/** The keys other papers may have used to cite this one. */
const keysOf = (r: CitingRow) => [
  ...(r.doi ? [`doi:${r.doi}`] : []),
  ...(r.arxivId ? [`arxiv:${r.arxivId}`] : []),
  ...(r.openAlexId ? [`openalex:${r.openAlexId}`] : []),
  ...[r.id, ...r.aliases].map((id) => `id:${id}`),
];

/**
 * Citations in both directions, so the order of imports does not matter: each reference of
 * these papers becomes a CITES edge when the cited work is in the graph, else a (:Ref {key})
 * kept on the citing paper; and every Ref that names one of these papers becomes a CITES edge
 * now, and goes.
 */
export async function linkCitations(run: Runner, rows: readonly CitingRow[]): Promise<void> {
  // One statement per kind of key, each matching on its one indexed property (a key has one kind).
  for (const [scheme, prop] of Object.entries(PROPERTY)) {
    const refs = rows.flatMap((r) =>
      r.references
        .filter((key) => key.startsWith(`${scheme}:`))
        .map((key) => ({ p: r.id, key, value: key.slice(scheme.length + 1) })),
    );
    if (!refs.length) continue;
    await run(
      `UNWIND $refs AS r
       MATCH (p:Paper {id: r.p})
       OPTIONAL MATCH (cited:Paper {${prop}: r.value})
       CALL (p, cited) {
         WITH p, cited WHERE cited IS NOT NULL AND cited <> p
         MERGE (p)-[:CITES]->(cited)
       }
       CALL (p, r, cited) {
         WITH p, r WHERE cited IS NULL
         MERGE (ref:Ref {key: r.key})
         MERGE (p)-[:REFERS_TO]->(ref)
       }`,
      { refs },
    );
  }
  await run(
    `UNWIND $keys AS k
     MATCH (ref:Ref {key: k.key})
     MATCH (p:Paper {id: k.p})
     CALL (ref, p) {
       MATCH (ref)<-[:REFERS_TO]-(c:Paper) WHERE c <> p
       MERGE (c)-[:CITES]->(p)
     }
     WITH DISTINCT ref
     DETACH DELETE ref`,
    { keys: rows.flatMap((r) => keysOf(r).map((key) => ({ key, p: r.id }))) },
  );
}
