import { isPersonName } from '../names.js';
import type { ParsedList, VenueKind } from '../records.js';
import { referenceKey } from './references.js';
import { WorkCollector } from './work-record.js';

/** A CSL-JSON item as Zotero, Mendeley and citation.js export it (the fields we read). */
interface CslItem {
  id?: string | number;
  type?: string;
  title?: string;
  author?: Array<{
    family?: string;
    given?: string;
    literal?: string;
    'non-dropping-particle'?: string;
    suffix?: string;
  }>;
  issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string };
  'container-title'?: string | string[];
  'collection-title'?: string;
  'event-title'?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  number?: string;
  references?: string | string[];
  note?: string;
}

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
    const line = lines[i] ?? 0;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      out.warn(line, `skipped item ${i + 1}: not a CSL-JSON object`);
      return;
    }
    const it = raw as CslItem;
    const authors = (Array.isArray(it.author) ? it.author : []).flatMap((a) => {
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
    out.add({
      title: typeof it.title === 'string' ? it.title : null,
      authors,
      authorsComplete: true,
      year: Number.isFinite(year) ? year : null,
      venueName: venue,
      venueKind: (it.type && KIND[it.type]) || null,
      doi: it.DOI ?? null,
      arxivId: [it.number, it.note, container].find((t) => t && /arxiv/i.test(t)) ?? null,
      urls: it.URL ? [it.URL] : [],
      abstract: it.abstract ?? null,
      keywords: (it.keyword ?? '').split(/[,;]\s*/).filter(Boolean),
      references: refs,
      line,
    });
  });
  return out.result();
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
