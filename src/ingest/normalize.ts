/** Text normalisation and the stable ids derived from it. */

/** NFC, trimmed, inner whitespace collapsed: how names and titles are stored. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
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
export const topicId = (key: string) => `topic:${key}`;

/** The arXiv id in a text or URL ("arXiv:2003.02395", "arxiv.org/pdf/1904.03590.pdf"), without version. */
export function findArxivId(s: string): string | null {
  const m = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(s) ?? /\barXiv\s*:\s*(\d{4}\.\d{4,5})/i.exec(s);
  return m?.[1] ?? null;
}
