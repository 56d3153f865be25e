import { normalizeArxivId, normalizeDoi, normalizeOpenAlexId } from '../../domain/normalize.js';

/**
 * The key of a cited work as a source names it: a DOI, an arXiv id or an OpenAlex work id, in
 * any of their written forms; null for anything else. Keys match paperKeys() of the cited paper.
 */
export function referenceKey(ref: string): string | null {
  const oa = normalizeOpenAlexId(ref);
  if (oa?.startsWith('W')) return `openalex:${oa}`;
  const arxiv = /^(?:arxiv:|https?:\/\/arxiv\.org\/)/i.test(ref) || /^\d{4}\.\d{4,5}(v\d+)?$/.test(ref);
  if (arxiv) {
    const id = normalizeArxivId(ref);
    if (id) return `arxiv:${id}`;
  }
  const doi = normalizeDoi(ref);
  return doi ? `doi:${doi}` : null;
}
