import type { ParsedList, SectionRecord } from '../ingest/records.js';
import type { ListDef, SectionMapping, Taxonomy } from '../ingest/taxonomy.js';
import type { TopicInput } from './features.js';

/** What a list states of a paper's topics through its section mappings (the section's and its ancestors'). */
export interface Stated {
  topics: string[];
  none: SectionMapping['none'];
}

/** A section's mapping in its list's taxonomy entry: by its key (written code or heading path). */
export const mappingOf = (def: ListDef | undefined, s: SectionRecord): SectionMapping | undefined =>
  def?.sections[s.key];

/** Each section with its ancestors, outermost first. */
export function sectionChains(parsed: Pick<ParsedList, 'sections'>): Map<string, SectionRecord[]> {
  const byCode = new Map(parsed.sections.map((s) => [s.code, s]));
  const chains = new Map<string, SectionRecord[]>();
  for (const s of parsed.sections) {
    const chain: SectionRecord[] = [];
    for (let c: SectionRecord | undefined = s; c; c = c.parentCode ? byCode.get(c.parentCode) : undefined)
      chain.unshift(c);
    chains.set(s.code, chain);
  }
  return chains;
}

/**
 * The topics a section states for its papers: its ancestors' mappings, then its own, the inner
 * one deciding a facet both speak of (a subsection may say its facet has no answer after all).
 */
export function statedBySection(
  parsed: Pick<ParsedList, 'sections'>,
  def: ListDef | undefined,
  taxonomy: Taxonomy,
): Map<string, Stated> {
  const facetOf = new Map(taxonomy.topics.map((t) => [t.id, t.facet]));
  const out = new Map<string, Stated>();
  for (const [code, chain] of sectionChains(parsed)) {
    let topics: string[] = [];
    let none: Stated['none'] = [];
    for (const s of chain) {
      const m = mappingOf(def, s);
      if (!m) continue;
      const spoken = new Set([...m.none, ...m.topics.map((t) => facetOf.get(t))]);
      topics = topics.filter((t) => !spoken.has(facetOf.get(t) as Stated['none'][number]));
      none = none.filter((f) => !spoken.has(f));
      for (const t of m.topics) if (!topics.includes(t)) topics.push(t);
      for (const f of m.none) if (!none.includes(f)) none.push(f);
    }
    out.set(code, { topics, none });
  }
  return out;
}

/** What topic inference reads of each paper of a parsed document (its title heads the section path). */
export function topicInputs(parsed: ParsedList): TopicInput[] {
  const chains = sectionChains(parsed);
  return parsed.papers.map((p) => ({
    title: p.title,
    abstract: p.abstract ?? null,
    keywords: p.keywords ?? [],
    sectionPath: [
      ...(parsed.title ? [parsed.title] : []),
      ...(p.sectionCode ? (chains.get(p.sectionCode) ?? []).map((s) => s.title) : []),
    ],
    venue: p.venue?.name ?? null,
    optimizers: p.optimizers.map((o) => o.name),
  }));
}
