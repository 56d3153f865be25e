import { cleanText, findArxivId, findDoi, findOpenReviewId } from '../domain/normalize.js';
import type { LinkRecord } from './records.js';
import { PAPER_LINK_LABEL, rx } from './vocabulary.js';

/** Hosts and paths that serve papers (not code, not a homepage): a link there is evidence of a paper entry. */
const PAPER_URL =
  /arxiv\.org|doi\.org|openreview\.net|\.pdf\b|proceedings\.|papers\.nips\.cc|aclanthology|aclweb\.org|dl\.acm\.org|ieeexplore|springer|sciencedirect|jmlr\.org|mlr\.press|thecvf\.com|cv-foundation|semanticscholar|researchgate|nature\.com|science\.org|biorxiv|ssrn\.com|citeseerx|ojs\.aaai|ijcai\.org|\/doi\/|\/ojs\/|\/article\/|\/download\/|isca-speech|openaccess|\/abs\/|\/paper/i;
/** Hosts that serve code and models. */
const CODE_URL = /github\.com|gitlab\.com|bitbucket\.org|huggingface\.co/i;
/** Hosts and paths that serve posts, videos, forums, notebooks and courses: writing about work, not papers. */
const POST_URL =
  /medium\.com|substack\.com|blogspot\.|wordpress\.com|googleblog\.com|\/blog\/|\/posts?\/|qiita\.com|zenn\.dev|note\.com|hatena|youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com\/|reddit\.com|zhihu\.com|coursera\.org|udemy\.com|kaggle\.com/i;
/** Code, posts, videos and courses: never the paper itself. */
const NON_PAPER_URL = rx('i')`${CODE_URL}|${POST_URL}`;

/** Hosts and files of videos and slides. */
const VIDEO_URL = /youtube\.com|youtu\.be|vimeo\.com|videolectures|bilibili\.com|slideslive\.com/i;
const SLIDES_URL = /slides|speakerdeck|slideshare|\.pptx?(?:$|[?#])/i;

/** What a link is for when its text does not say: "arxiv", "openreview", "doi", "code", "pdf" or "link". */
export function labelFromUrl(url: string): string {
  if (/arxiv\.org/i.test(url)) return 'arxiv';
  if (/openreview\.net/i.test(url)) return 'openreview';
  if (/doi\.org\//i.test(url)) return 'doi';
  if (CODE_URL.test(url)) return 'code';
  if (/\.pdf(?:$|[?#])/i.test(url)) return 'pdf';
  if (VIDEO_URL.test(url)) return 'video';
  if (SLIDES_URL.test(url)) return 'slides';
  return 'link';
}

/** What a stored link points at, as the API names it. */
export type LinkKind = 'PDF' | 'CODE' | 'SLIDES' | 'VIDEO' | 'NOTES' | 'OTHER';

/**
 * The one classification of a paper's links, for the importer and the API alike: where the link
 * points decides first (a repository is code, a video host a video), then its label.
 */
export function linkKind(link: LinkRecord): LinkKind {
  const label = link.label.toLowerCase();
  if (VIDEO_URL.test(link.url) || /\b(?:video|talk|recording)\b/.test(label)) return 'VIDEO';
  if (SLIDES_URL.test(link.url) || /\b(?:slides?|powerpoint)\b/.test(label)) return 'SLIDES';
  if (CODE_URL.test(link.url) || /\b(?:code|implementation|github)\b/.test(label)) return 'CODE';
  if (isPaperLink(link)) return 'PDF';
  if (POST_URL.test(link.url) || /\b(?:notes?|blog|post)\b/.test(label)) return 'NOTES';
  return 'OTHER';
}

/**
 * A link as the entry's record keeps it, or null for links that are not about the entry: empty
 * targets (`[:computer:]()`), anchors inside the page and script URLs. The label is the link's
 * text without its brackets ("[pdf]" → "pdf"); a text that is only the URL, an emoji shortcode
 * or nothing takes a label from the URL instead.
 */
export function readLink(text: string, url: string, fallbackLabel?: string): LinkRecord | null {
  const target = url.trim();
  // "[Paper](...)": a placeholder, not a target.
  if (!target || target.startsWith('#') || /^javascript:/i.test(target) || !/[\p{L}\p{N}]/u.test(target))
    return null;
  const label = cleanText(text.replace(/^\[+|\]+$/g, ''));
  const meaningless =
    !label || label === target || /^<?https?:\/\//i.test(label) || /^(:[\w+-]+:\s*)+$/.test(label);
  return { label: meaningless ? (fallbackLabel ?? labelFromUrl(target)) : label, url: target };
}

/** True when a link points at a paper (a pdf, arXiv, a DOI, proceedings…), not at code or a homepage. */
export function isPaperLink(link: LinkRecord): boolean {
  // Where it points decides first; a label ("paper", a Link column) speaks only for a neutral host.
  return PAPER_URL.test(link.url) || (!NON_PAPER_URL.test(link.url) && PAPER_LINK_LABEL.test(link.label));
}

/** True when a link points at a post, a video, a forum thread or a course: writing about a work. */
export function isPostLink(link: LinkRecord): boolean {
  return POST_URL.test(link.url) && !PAPER_URL.test(link.url);
}

/** True for URLs that only move within the page: a table of contents is made of these. */
export function isAnchor(url: string): boolean {
  const u = url.trim();
  // "2022-04-18-7": an anchor written without its "#" (no scheme, no path, no file name).
  return u.startsWith('#') || /^[\w-]+$/.test(u);
}

/** The identifiers a paper's links carry: its arXiv id, DOI and OpenReview id, first found of each. */
export function idsFromLinks(links: LinkRecord[]) {
  const first = <T>(f: (u: string) => T | null) =>
    links.map((l) => f(l.url)).find((x): x is T => x !== null) ?? null;
  return { arxivId: first(findArxivId), doi: first(findDoi), openreviewId: first(findOpenReviewId) };
}
