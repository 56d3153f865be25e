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
  const refs = rows.flatMap((r) =>
    r.references.flatMap((key) => {
      const at = key.indexOf(':');
      const prop = PROPERTY[key.slice(0, at)];
      return prop ? [{ p: r.id, key, [prop]: key.slice(at + 1) }] : [];
    }),
  );
  if (refs.length) {
    await run(
      `UNWIND $refs AS r
       MATCH (p:Paper {id: r.p})
       OPTIONAL MATCH (a:Paper {doi: r.doi})
       OPTIONAL MATCH (b:Paper {arxivId: r.arxivId})
       OPTIONAL MATCH (c:Paper {openAlexId: r.openAlexId})
       OPTIONAL MATCH (d:Paper {id: r.id})
       WITH p, r, coalesce(a, b, c, d) AS cited
       CALL (p, cited) {
         WITH p, cited WHERE cited IS NOT NULL AND cited <> p
         MERGE (p)-[:CITES]->(cited)
       }
       CALL (p, r, cited) {
         WITH p, r WHERE cited IS NULL
         MERGE (ref:Ref {key: r.key})
         MERGE (p)-[:REFERS_TO]->(ref)
       }`,
      { refs: refs.map((r) => ({ doi: null, arxivId: null, openAlexId: null, id: null, ...r })) },
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
