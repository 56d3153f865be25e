import { termsOf } from '../../domain/terms.js';
import type { Runner } from '../driver.js';

/**
 * Each paper's distinct words (Paper.terms, from title, abstract and keywords) and, per word, how
 * many papers have it ((:Term {id, papers})): the document frequencies that make a word
 * distinctive or common for the related-work text signal. Kept by the paper write path
 * (write/derived.ts): a paper's old words leave before a write, its new ones arrive after.
 */
export async function uncountTerms(run: Runner, paperIds: readonly string[]): Promise<void> {
  await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     UNWIND coalesce(p.terms, []) AS t
     WITH t, count(*) AS n
     MATCH (x:Term {id: t})
     SET x.papers = x.papers - n`,
    { ids: [...paperIds] },
  );
}

export async function countTerms(run: Runner, paperIds: readonly string[]): Promise<void> {
  const rows = await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.keywords AS keywords`,
    { ids: [...paperIds] },
  );
  const papers = rows.map((r) => ({
    id: r.id as string,
    terms: termsOf(
      r.title as string,
      r.abstract as string | null,
      ...((r.keywords as string[] | null) ?? []),
    ),
  }));
  const counts = new Map<string, number>();
  for (const p of papers) for (const t of p.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  // One round trip for both: a write's latency is mostly its round trips under load.
  await run(
    `CALL () { UNWIND $papers AS r MATCH (p:Paper {id: r.id}) SET p.terms = r.terms }
     UNWIND $counts AS c
     MERGE (x:Term {id: c[0]})
     SET x.papers = coalesce(x.papers, 0) + c[1]`,
    // In one order in every write, so concurrent writes queue on shared terms instead of deadlocking.
    { papers, counts: [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)) },
  );
}
