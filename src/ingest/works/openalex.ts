import { z } from 'zod';
import { normalizeArxivId, normalizeOpenAlexId } from '../../domain/normalize.js';
import type { VenueKind } from '../records.js';
import { type FieldProblem, jsonPath, kindOf, readShape } from './json-items.js';
import { referenceKey } from './references.js';
import { unreadableWork, type WorkFields } from './work-record.js';

// The parts of an OpenAlex Work object we read (see docs.openalex.org, "Work object"). Every
// field is optional and may be null, as in OpenAlex's own output; a value of another type is
// dropped with a warning (readShape).
const text = z.string().nullish();
const Source = z.object({ id: text, display_name: text, type: text });
const Location = z.object({ landing_page_url: text, pdf_url: text, source: Source.nullish() });
const Named = z.object({ display_name: text });
/** The identifiers OpenAlex documents; MAG ids were numbers in older snapshots. */
const id = z.union([z.string(), z.number()]).nullish();
const Ids = z.object({ openalex: id, doi: id, mag: id, pmid: id, pmcid: id });
/** The last position an abstract_inverted_index may give a word: 100,000 words. */
const MAX_POSITION = 99_999;
const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);

const Work = z.object({
  id: text,
  doi: text,
  title: text,
  display_name: text,
  publication_year: z.number().int().nullish(),
  type: text,
  ids: Ids.nullish(),
  primary_location: Location.nullish(),
  /** The shape before primary_location (deprecated, still in older snapshots and saved files). */
  host_venue: Source.extend({ url: text }).nullish(),
  locations: z.array(Location).nullish(),
  authorships: z
    .array(
      z.object({
        author: z.object({ id: text, display_name: text, orcid: text }).nullish(),
        raw_author_name: text,
      }),
    )
    .nullish(),
  // Its words and positions are checked by rebuildAbstract, which visits each of them anyway:
  // through the schema, an abstract's hundreds of entries would cost more than the rest of the work.
  abstract_inverted_index: z
    .custom<Record<string, unknown>>(isObject, { error: 'must be an object' })
    .nullish(),
  referenced_works: z.array(z.string()).nullish(),
  concepts: z.array(Named).nullish(),
  topics: z.array(Named).nullish(),
  keywords: z.array(Named.extend({ keyword: text })).nullish(),
  cited_by_count: z.number().nullish(),
});

export type OpenAlexWork = z.infer<typeof Work>;
type OpenAlexSource = z.infer<typeof Source>;

/**
 * The text of an abstract_inverted_index: every word put back at each of its positions. A word
 * whose positions are not a list of whole numbers from 0 to MAX_POSITION is left out, and said in
 * `problems`.
 */
export function rebuildAbstract(
  index: Record<string, unknown> | null | undefined,
  problems: FieldProblem[] = [],
): string | null {
  if (!index || typeof index !== 'object') return null;
  const words: string[] = [];
  const problem = (path: PropertyKey[], message: string) =>
    problems.push({ path: jsonPath(['abstract_inverted_index', ...path]), message });
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) {
      problem([word], `must be an array, got ${kindOf(positions)}`);
      continue;
    }
    positions.forEach((p: unknown, i) => {
      if (Number.isInteger(p) && (p as number) >= 0 && (p as number) <= MAX_POSITION)
        words[p as number] = word;
      else
        problem(
          [word, i],
          `must be a position (a whole number from 0 to ${MAX_POSITION}), got ${typeof p === 'number' ? p : kindOf(p)}`,
        );
    });
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || null;
}

const KIND: Record<string, VenueKind> = {
  journal: 'JOURNAL',
  conference: 'CONFERENCE',
  repository: 'PREPRINT',
};

/** OpenAlex names arXiv's repository "arXiv (Cornell University)": the series is arXiv. */
const venueName = (s: OpenAlexSource | null | undefined) =>
  s?.display_name && /^arxiv\b/i.test(s.display_name) ? 'arXiv' : (s?.display_name ?? null);

/**
 * A work's fields from one OpenAlex Work object (the current shape and the older host_venue one);
 * `index` numbers it in its file for warnings (the collector counts when it is not given).
 */
export function openAlexWork(raw: unknown, line: number, index?: number): WorkFields {
  const { data, problems } = readShape(Work, raw);
  if (!data) return unreadableWork(line, problems, index);
  const w = data;
  const source = w.primary_location?.source ?? w.host_venue ?? null;
  const locations = [w.primary_location, ...(w.locations ?? [])].filter((l) => !!l);
  const urls = locations.flatMap((l) => [l.landing_page_url, l.pdf_url]).filter((u): u is string => !!u);
  // An arXiv landing page (or pdf) among the locations gives the arXiv id.
  const arxivId =
    urls.map((u) => (/arxiv\.org\//i.test(u) ? normalizeArxivId(u) : null)).find(Boolean) ?? null;
  const authorships = w.authorships ?? [];
  const otherIds = Object.entries(w.ids ?? {}).flatMap(([k, v]) =>
    ['openalex', 'doi'].includes(k) || v === null || v === undefined
      ? []
      : // "https://pubmed.ncbi.nlm.nih.gov/29456894" → "pmid:29456894"
        [`${k}:${String(v).split('/').filter(Boolean).pop()}`],
  );
  const keywords = [
    ...(w.keywords ?? []).map((k) => k.display_name ?? k.keyword),
    ...(w.topics ?? []).map((t) => t.display_name),
    ...(w.concepts ?? []).map((c) => c.display_name),
  ].filter((k): k is string => !!k);
  const openAlexId = w.id ?? (w.ids?.openalex ? String(w.ids.openalex) : null);
  return {
    title: w.title ?? w.display_name ?? null,
    authors: authorships.flatMap((a) => {
      const name = a.author?.display_name ?? a.raw_author_name;
      return name ? [{ name, orcid: a.author?.orcid ?? null, openAlexId: a.author?.id ?? null }] : [];
    }),
    // OpenAlex lists at most the first 100 authors of a work.
    authorsComplete: authorships.length < 100,
    year: w.publication_year ?? null,
    venueName: venueName(source),
    venueKind: (source?.type && KIND[source.type]) || (w.type === 'preprint' ? 'PREPRINT' : null),
    doi: w.doi ?? (w.ids?.doi ? String(w.ids.doi) : null),
    arxivId,
    openAlexId,
    urls,
    abstract: rebuildAbstract(w.abstract_inverted_index, problems),
    keywords,
    globalCitationCount: w.cited_by_count ?? null,
    otherIds,
    references: (w.referenced_works ?? []).map((r) => referenceKey(r)).filter((k): k is string => !!k),
    line,
    index,
    key: normalizeOpenAlexId(openAlexId) ?? openAlexId,
    problems,
  };
}
