import { foldKey, slug } from '../../domain/normalize.js';
import type { Runner } from '../driver.js';

/** What identity resolution needs of an incoming paper. */
export interface PaperIdentity {
  id: string;
  year: number | null;
  doi?: string | null;
  arxivId?: string | null;
  openAlexId?: string | null;
}

export interface Resolved {
  /** The id each row is stored under. */
  ids: string[];
  /** Whether that paper was in the graph before this batch. */
  known: boolean[];
}

/** The identifiers a paper is matched by, as "scheme:value" keys. */
export const keysOf = (p: PaperIdentity) => [
  ...(p.doi ? [`doi:${p.doi}`] : []),
  ...(p.arxivId ? [`arxiv:${p.arxivId}`] : []),
  ...(p.openAlexId ? [`openalex:${p.openAlexId}`] : []),
];
/** Same title, years within one (or one unknown): the same work. */
export const yearsAgree = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || Math.abs(a - b) <= 1;

/**
 * Which paper each row is: matched by DOI, then arXiv id, then OpenAlex id, then normalised title
 * (the id) when the years are within one of each other (or one is unknown). The same title with
 * years further apart is another work (a book and its later edition, a namesake): it is stored
 * under the title id suffixed with its year. Rows of one batch that share an identifier are one paper.
 */
export async function resolvePapers(run: Runner, rows: readonly PaperIdentity[]): Promise<Resolved> {
  const found = await run(
    `UNWIND range(0, size($rows) - 1) AS i
     WITH i, $rows[i] AS row
     CALL (row) {
       OPTIONAL MATCH (a:Paper {doi: row.doi})
       WITH row, head(collect(a.id)) AS byDoi
       OPTIONAL MATCH (b:Paper {arxivId: row.arxivId})
       WITH row, byDoi, head(collect(b.id)) AS byArxiv
       OPTIONAL MATCH (c:Paper {openAlexId: row.openAlexId})
       WITH row, byDoi, byArxiv, head(collect(c.id)) AS byOpenAlex
       WITH row, coalesce(byDoi, byArxiv, byOpenAlex) AS byKey
       OPTIONAL MATCH (t:Paper {id: row.id})
       OPTIONAL MATCH (y:Paper {id: row.id + '-' + toString(row.year)})
       RETURN byKey, t.id AS byTitle, t.year AS titleYear, t.doi AS titleDoi, y.id AS byTitleYear
     }
     RETURN i, byKey, byTitle, titleYear, byTitleYear`,
    {
      rows: rows.map((r) => ({
        id: r.id,
        year: r.year,
        doi: r.doi ?? null,
        arxivId: r.arxivId ?? null,
        openAlexId: r.openAlexId ?? null,
      })),
    },
  );
  const ids: string[] = [];
  const known: boolean[] = [];
  const inBatch = new Map<string, Claim>();
  for (const r of found) {
    const i = r.i as number;
    const { id, isKnown } = resolveRow(rows[i] as PaperIdentity, r as unknown as StoredMatch, inBatch);
    ids[i] = id;
    known[i] = isKnown;
  }
  return { ids, known };
}

/** What the graph already holds for a row: a paper with one of its keys, its title id, and that id with the row's year. */
interface StoredMatch {
  byKey: string | null;
  byTitle: string | null;
  titleYear: number | null;
  titleDoi?: string | null;
  byTitleYear: string | null;
}

const NOTHING_STORED: StoredMatch = { byKey: null, byTitle: null, titleYear: null, byTitleYear: null };

/** A paper a title id already names, in the graph or earlier in the batch. */
interface Claim {
  id: string;
  year: number | null;
  doi: string | null;
}

/** Same title: one work when the years are within one and the DOIs (where both have one) agree. */
const sameWork = (
  a: { year?: number | null; doi?: string | null },
  b: { year?: number | null; doi?: string | null },
) => yearsAgree(a.year, b.year) && !(a.doi && b.doi && a.doi !== b.doi);

/** The id of a namesake: the title id with its year, or its DOI when the years agree. */
const namesakeId = (row: PaperIdentity, other: { year?: number | null }) =>
  yearsAgree(other.year, row.year) && row.doi ? `${row.id}-${slug(row.doi)}` : `${row.id}-${row.year}`;

/** The one identity rule for a row, given what the graph holds and the papers earlier rows of the batch took. */
function resolveRow(
  row: PaperIdentity,
  stored: StoredMatch,
  inBatch: Map<string, Claim>,
): { id: string; isKnown: boolean } {
  const keys = keysOf(row);
  let id = stored.byKey ?? keys.map((k) => inBatch.get(k)?.id).find(Boolean) ?? null;
  let isKnown = stored.byKey !== null;
  if (!id && stored.byTitle) {
    if (sameWork({ year: stored.titleYear, doi: stored.titleDoi }, row)) {
      id = stored.byTitle;
      isKnown = true;
    } else {
      id = namesakeId(row, { year: stored.titleYear });
      isKnown = stored.byTitleYear !== null && id === `${row.id}-${row.year}`;
    }
  }
  if (!id) {
    // Earlier rows of the batch with this title: the same work, or a namesake's own id.
    let candidate = row.id;
    for (let claim = inBatch.get(`id:${candidate}`); claim; claim = inBatch.get(`id:${candidate}`)) {
      if (sameWork(claim, row)) break;
      const next = namesakeId(row, claim);
      if (next === candidate) break;
      candidate = next;
    }
    id = inBatch.get(`id:${candidate}`)?.id ?? candidate;
  }
  const claim = { id, year: row.year, doi: row.doi ?? null };
  for (const k of [...keys, `id:${id}`, `id:${row.id}`]) if (!inBatch.has(k)) inBatch.set(k, claim);
  return { id, isKnown };
}

/** Which rows of one batch into an empty graph are one work (a work number per row): what eval:import counts. */
export function batchIdentity(rows: readonly PaperIdentity[]): number[] {
  const inBatch = new Map<string, Claim>();
  const numbers = new Map<string, number>();
  return rows.map((row) => {
    const { id } = resolveRow(row, NOTHING_STORED, inBatch);
    if (!numbers.has(id)) numbers.set(id, numbers.size);
    return numbers.get(id) as number;
  });
}

/** An author as a row names them, at a position on a paper. */
export interface AuthorIdentity {
  id: string;
  name: string;
  orcid?: string | null;
  openAlexId?: string | null;
}

/** A name split for comparison: given-name tokens and the surname (last token), folded. */
function nameParts(name: string): { given: string[]; surname: string } {
  const tokens = foldKey(name.replace(/,\s*(jr|sr|ii|iii|iv)\.?$/i, ''))
    .split(' ')
    .filter(Boolean);
  return { given: tokens.slice(0, -1), surname: tokens.at(-1) ?? '' };
}

/**
 * True when `short` is an abbreviated form of `full` ("D. P. Kingma" or "Kingma" of "Diederik P. Kingma"):
 * same surname, every given name of `short` an initial of (or equal to) the matching given name of
 * `full`, and at least one of them really shortened. Two full names never match.
 */
export function abbreviates(short: string, full: string): boolean {
  const s = nameParts(short);
  const f = nameParts(full);
  if (!s.surname || s.surname !== f.surname || s.given.length > f.given.length) return false;
  // "Kingma" of "Diederik P. Kingma": lists that give surnames only ("Kingma & Ba") shorten most.
  if (s.given.length === 0) return f.given.length > 0;
  // "John Duchi" of "John C. Duchi": a name without the middle initial is shorter too.
  let shortened = s.given.length < f.given.length;
  for (let j = 0; j < s.given.length; j++) {
    const a = s.given[j] as string;
    const b = f.given[j] as string;
    if (a === b) continue;
    if (a.length === 1 && b.startsWith(a)) shortened = true;
    else return false;
  }
  return shortened;
}

export interface ResolvedAuthors {
  /** Per row, the id of each author in order. */
  ids: string[][];
  /** Authorships an abbreviated name held on a paper, now held by the full name: to remove. */
  replaced: Array<{ a: string; p: string }>;
}

/**
 * Which person each author is: by ORCID, then OpenAlex author id, then the same position on the
 * same paper under an abbreviated or fuller form of the name, then the normalised full name (id).
 * An abbreviated name gives way to the full one on that paper only; two different full names,
 * or the same initials on different papers, are never merged.
 */
export async function resolveAuthors(
  run: Runner,
  rows: ReadonlyArray<{ authors: readonly AuthorIdentity[] }>,
  paperIds: readonly string[],
): Promise<ResolvedAuthors> {
  const orcids = [...new Set(rows.flatMap((r) => r.authors.flatMap((a) => (a.orcid ? [a.orcid] : []))))];
  const oaIds = [
    ...new Set(rows.flatMap((r) => r.authors.flatMap((a) => (a.openAlexId ? [a.openAlexId] : [])))),
  ];
  const [byId = {}] = await run(
    `CALL () { UNWIND $orcids AS o MATCH (a:Author {orcid: o}) RETURN collect([o, a.id]) AS byOrcid }
     CALL () { UNWIND $oaIds AS o MATCH (a:Author {openAlexId: o}) RETURN collect([o, a.id]) AS byOpenAlex }
     CALL () {
       UNWIND $paperIds AS pid MATCH (:Paper {id: pid})<-[w:AUTHORED]-(a:Author)
       RETURN collect([pid, w.position, a.id, a.name]) AS existing
     }
     RETURN byOrcid, byOpenAlex, existing`,
    { orcids, oaIds, paperIds: [...new Set(paperIds)] },
  );
  const byOrcid = new Map((byId.byOrcid as [string, string][] | undefined) ?? []);
  const byOpenAlex = new Map((byId.byOpenAlex as [string, string][] | undefined) ?? []);
  const existing = new Map<string, { id: string; name: string }>();
  for (const [pid, pos, id, name] of (byId.existing as [string, number, string, string][] | undefined) ?? [])
    existing.set(`${pid}#${pos}`, { id, name });
  const replaced: ResolvedAuthors['replaced'] = [];
  const ids = rows.map((row, i) =>
    row.authors.map((a, pos) => {
      const pid = paperIds[i] as string;
      let id = (a.orcid && byOrcid.get(a.orcid)) || (a.openAlexId && byOpenAlex.get(a.openAlexId)) || null;
      const there = existing.get(`${pid}#${pos}`);
      if (!id && there && there.id !== a.id) {
        if (abbreviates(a.name, there.name)) id = there.id;
        else if (abbreviates(there.name, a.name)) replaced.push({ a: there.id, p: pid });
      }
      id ??= a.id;
      // Later rows of the batch find this person by the same identifiers.
      if (a.orcid && !byOrcid.has(a.orcid)) byOrcid.set(a.orcid, id);
      if (a.openAlexId && !byOpenAlex.has(a.openAlexId)) byOpenAlex.set(a.openAlexId, id);
      return id;
    }),
  );
  return { ids, replaced };
}
