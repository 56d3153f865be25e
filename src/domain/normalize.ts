/** Text normalisation and the stable ids derived from it. */

/** NFC, trimmed, inner whitespace collapsed: how names and titles are stored. */
export function cleanText(s: string): string {
  // Object-replacement and zero-width characters are copy-and-paste debris, never content.
  return s
    .normalize('NFC')
    .replace(/[\uFFFC\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A comparison key: accents folded, case folded, punctuation dropped ("Défossez" and "Defossez" meet). */
export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable, stable slug from a key; long keys keep a prefix and a short hash so they stay unique. */
export function slug(s: string, max = 80): string {
  const k = foldKey(s).replace(/ /g, '-');
  if (k.length <= max) return k;
  return `${k.slice(0, max - 9).replace(/-+$/, '')}-${fnv1a(k)}`;
}

/** 32-bit FNV-1a as 8 hex digits: enough to keep long slugs apart, and the same on every run. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const paperId = (title: string) => `paper:${slug(title)}`;
export const authorId = (name: string) => `author:${slug(name)}`;
export const venueId = (name: string) => `venue:${slug(name)}`;
export const optimizerId = (name: string) => `optimizer:${slug(name)}`;
export const listId = (name: string) => `list:${slug(name)}`;
export const sectionId = (list: string, code: string) => `section:${slug(list)}/${code}`;
/** One heading's part of a section's path key ("Adam and its variants" → "adam-and-its-variants"). */
export const headingSlug = (title: string) => slug(title, 40) || '-';
export const topicId = (key: string) => `topic:${key}`;

/** The arXiv id in a text or URL ("arXiv:2003.02395", "arxiv.org/pdf/1904.03590.pdf"), without version. */
export function findArxivId(s: string): string | null {
  const m =
    /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/i.exec(s) ??
    /\barXiv\s*[:.]?\s*(\d{4}\.\d{4,5})/i.exec(s) ??
    /\b(\d{4}\.\d{4,5})arXiv\b/.exec(s);
  return m?.[1] ?? null;
}

/** The year an arXiv id was issued: "2003.02395" → 2020 (ids are YYMM.NNNNN since 2007). */
export function arxivYear(id: string): number | null {
  const m = /^(\d{2})(\d{2})\./.exec(id);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return 2000 + Number(m[1]);
}

/** The DOI in a doi.org link or a "doi:" text, lower-cased as DOIs compare case-insensitively. */
export function findDoi(s: string): string | null {
  const m = /(?:doi\.org\/|\bdoi:\s*)(10\.\d{4,9}\/[^\s"<>]+)/i.exec(s);
  return m
    ? decodeURIComponent(m[1] as string)
        .replace(/[.,;)\]]+$/, '')
        .toLowerCase()
    : null;
}

/** The OpenReview id in a forum or pdf link ("openreview.net/forum?id=Bkg3g2R9FX"). */
export function findOpenReviewId(s: string): string | null {
  return /openreview\.net\/(?:forum|pdf)\?id=([\w-]+)/i.exec(s)?.[1] ?? null;
}

/** A DOI as stored: lower case, without "https://doi.org/" or "doi:" ("10.48550/arxiv.1412.6980"). */
export function normalizeDoi(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (!/^10\.\d{4,9}\/\S+$/.test(t)) return findDoi(s);
  let out = t;
  try {
    out = decodeURIComponent(t);
  } catch {
    // A DOI may hold a literal "%": keep it as written.
  }
  return out.replace(/[.,;]+$/, '').toLowerCase();
}

/** An arXiv id without version from an id, "arXiv:…" text or URL; old-style ids ("math/0601001") too. */
export function normalizeArxivId(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const modern = /^(?:arxiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?$/i.exec(t);
  if (modern) return modern[1] as string;
  const old = /^(?:arxiv:\s*)?([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i.exec(t);
  if (old) return (old[1] as string).toLowerCase();
  return findArxivId(t) ?? /arxiv\.org\/(?:abs|pdf)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i.exec(t)?.[1] ?? null;
}

/** An OpenAlex id in its short form ("W2963446712", "A5023888391") from a URL or the id itself. */
export function normalizeOpenAlexId(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /(?:^|openalex\.org\/)([WASIC]\d+)$/i.exec(s.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

/** An ORCID iD as "0000-0002-1825-0097", from the id or its https://orcid.org/ URL. */
export function normalizeOrcid(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i.exec(s.trim());
  return m ? (m[1] as string).toUpperCase() : null;
}

/** The keys a paper is known by across sources ("doi:…", "arxiv:…", "openalex:W…"): references point at these. */
export function paperKeys(p: { doi?: string | null; arxivId?: string | null; openAlexId?: string | null }) {
  return [
    ...(p.doi ? [`doi:${p.doi}`] : []),
    ...(p.arxivId ? [`arxiv:${p.arxivId}`] : []),
    ...(p.openAlexId ? [`openalex:${p.openAlexId}`] : []),
  ];
}
