import type { CountedPaper, SimilarityData } from './api.js';

/** Pure "relatedGraph answer → similarity map": sizes, colours and the ranked rows; no DOM. */

export interface MapPaper {
  id: string;
  title: string;
  year: number | null;
  citedBy: number;
  /** Similarity edges it has on the map: the size measure when the graph has no citations. */
  links: number;
  score: number | null;
  reasons: string[];
  crossSection: boolean;
  origin: boolean;
  /** Node diameter in model units. */
  size: number;
  color: string;
}

export interface SimilarityMapModel {
  origin: MapPaper;
  /** The related papers, in relatedGraph's order (best first). */
  related: MapPaper[];
  edges: Array<{ source: string; target: string; weight: number }>;
  /** What node size shows: in-graph citations, or map links when no paper of the map is cited. */
  sizeBy: 'citations' | 'links';
  years: { min: number; max: number } | null;
  priorWorks: CountedPaper[];
  derivativeWorks: CountedPaper[];
}

export const MIN_SIZE = 18;
export const MAX_SIZE = 56;
/** Oldest to newest, light to dark (the Connected Papers convention); no year is grey. */
const OLD: [number, number, number] = [191, 219, 254];
const NEW: [number, number, number] = [30, 58, 138];
export const NO_YEAR_COLOR = '#9ca3af';

const hex = (c: number[]) => `#${c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;
export const OLD_COLOR = hex(OLD);
export const NEW_COLOR = hex(NEW);

/** A year's colour on the map's range; one year alone is the newest colour. */
export function yearColor(year: number | null, range: { min: number; max: number } | null): string {
  if (year === null || !range) return NO_YEAR_COLOR;
  const t = range.max === range.min ? 1 : (year - range.min) / (range.max - range.min);
  return hex(OLD.map((o, i) => o + ((NEW[i] as number) - o) * t));
}

/**
 * Diameter from the map's smallest to its largest measure, by area (√), so the differences within
 * one map show; every node the same when all measures are equal.
 */
export function nodeSize(measure: number, range: { min: number; max: number }): number {
  if (range.max <= range.min) return (MIN_SIZE + MAX_SIZE) / 2;
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((measure - range.min) / (range.max - range.min));
}

/** Builds the map from one similarityMap answer; the origin is relatedGraph's first node. */
export function buildMap(data: SimilarityData): SimilarityMapModel | null {
  const g = data.relatedGraph;
  if (!g.nodes.length) return null;
  const why = new Map(data.relatedWork.map((r) => [r.paper.id, r]));
  const links = new Map<string, number>();
  for (const e of g.edges) {
    links.set(e.source, (links.get(e.source) ?? 0) + 1);
    links.set(e.target, (links.get(e.target) ?? 0) + 1);
  }
  const sizeBy = g.nodes.some((n) => n.citedBy > 0) ? 'citations' : 'links';
  const measure = (n: { id: string; citedBy: number }) =>
    sizeBy === 'citations' ? n.citedBy : (links.get(n.id) ?? 0);
  const measures = g.nodes.map(measure);
  const spread = { min: Math.min(...measures), max: Math.max(...measures) };
  const years = g.nodes.map((n) => n.year).filter((y): y is number => y !== null);
  const range = years.length ? { min: Math.min(...years), max: Math.max(...years) } : null;
  const papers = g.nodes.map(
    (n, i): MapPaper => ({
      ...n,
      links: links.get(n.id) ?? 0,
      reasons: why.get(n.id)?.reasons ?? [],
      crossSection: why.get(n.id)?.crossSection ?? false,
      origin: i === 0,
      size: nodeSize(measure(n), spread),
      color: yearColor(n.year, range),
    }),
  );
  const [origin, ...related] = papers;
  return {
    origin: origin as MapPaper,
    related,
    edges: g.edges,
    sizeBy,
    years: range,
    priorWorks: g.priorWorks,
    derivativeWorks: g.derivativeWorks,
  };
}
