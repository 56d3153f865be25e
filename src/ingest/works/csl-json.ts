import { z } from 'zod';
import { isPersonName } from '../names.js';
import type { ParsedList, VenueKind } from '../records.js';
import { readShape } from './json-items.js';
import { referenceKey } from './references.js';
import { unreadableWork, WorkCollector, type WorkFields } from './work-record.js';

// A CSL-JSON item as Zotero, Mendeley and citation.js export it (the fields we read). Every field
// is optional; a value of another type is dropped with a warning (readShape).
const text = z.string().nullish();
/** CSL's number variables may be written as numbers ("number": 5). */
const textOrNumber = z.union([z.string(), z.number()]).nullish();
const texts = z.union([z.string(), z.array(z.string())]).nullish();
const Name = z.object({
  family: text,
  given: text,
  literal: text,
  'non-dropping-particle': text,
  suffix: text,
});
const CslItem = z.object({
  id: textOrNumber,
  type: text,
  title: text,
  author: z.array(Name).nullish(),
  issued: z
    .object({
      'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).nullish(),
      raw: text,
      literal: text,
    })
    .nullish(),
  'container-title': texts,
  'collection-title': text,
  'event-title': text,
  publisher: text,
  DOI: text,
  URL: text,
  abstract: text,
  keyword: text,
  number: textOrNumber,
  references: texts,
  note: text,
});

const KIND: Record<string, VenueKind> = {
  'article-journal': 'JOURNAL',
  'paper-conference': 'CONFERENCE',
  article: 'PREPRINT',
  manuscript: 'PREPRINT',
};

/** Items of a CSL-JSON export: an array of items (or one item). `lines` maps item index → line. */
export function parseCslJson(items: unknown[], lines: number[] = []): ParsedList {
  const out = new WorkCollector();
  items.forEach((raw, i) => {
    out.add(cslWork(raw, lines[i] ?? 0, i + 1));
  });
  return out.result();
}

/** A work's fields from one CSL-JSON item, the `index`th of its file. */
function cslWork(raw: unknown, line: number, index: number): WorkFields {
  const { data: it, problems } = readShape(CslItem, raw);
  if (!it) return unreadableWork(line, problems, index);
  const authors = (it.author ?? []).flatMap((a) => {
    const name =
      (a.literal && personLiteral(a.literal)) ??
      [a.given, a['non-dropping-particle'], a.family].filter(Boolean).join(' ') +
        (a.suffix ? `, ${a.suffix}` : '');
    return name.trim() ? [{ name }] : [];
  });
  const year = Number.parseInt(
    String(
      it.issued?.['date-parts']?.[0]?.[0] ??
        /\b(1[89]|20)\d{2}\b/.exec(it.issued?.raw ?? it.issued?.literal ?? '')?.[0] ??
        '',
    ),
    10,
  );
  const container = Array.isArray(it['container-title']) ? it['container-title'][0] : it['container-title'];
  const venue =
    container ||
    it['event-title'] ||
    it['collection-title'] ||
    (it.type === 'book' ? it.publisher : undefined) ||
    null;
  const refs = (Array.isArray(it.references) ? it.references : (it.references ?? '').split(/[\s,;]+/))
    .map((r) => referenceKey(r))
    .filter((k): k is string => !!k);
  const number = it.number === null || it.number === undefined ? null : String(it.number);
  return {
    title: it.title ?? null,
    authors,
    authorsComplete: true,
    year: Number.isFinite(year) ? year : null,
    venueName: venue,
    venueKind: (it.type && KIND[it.type]) || null,
    doi: it.DOI ?? null,
    arxivId: [number, it.note, container].find((t) => t && /arxiv/i.test(t)) ?? null,
    urls: it.URL ? [it.URL] : [],
    abstract: it.abstract ?? null,
    keywords: (it.keyword ?? '').split(/[,;]\s*/).filter(Boolean),
    references: refs,
    line,
    index,
    key: it.id === null || it.id === undefined ? null : String(it.id),
    problems,
  };
}

/**
 * A literal is a name kept whole (an institution); some exporters put a person there as
 * "Family, Given" ("LeCun, Yann"), which reads as a person turned round.
 */
function personLiteral(literal: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(literal.trim());
  const turned = m ? `${m[2]} ${m[1]}` : null;
  return turned && isPersonName(turned) ? turned : literal;
}
