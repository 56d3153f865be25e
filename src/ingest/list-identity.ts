/** Which entries of one list are one paper and which only look alike: same titles, shared arXiv links. */
import { foldKey, paperId } from '../domain/normalize.js';
import type { ParsedList, ParseWarning } from './records.js';

/**
 * Two entries of one list with the same title but no author in common and years apart ("Deep
 * learning (2015), Y. LeCun…" and "Deep learning (Book, 2016), Goodfellow et al.") are two works:
 * the later one's id gets its year (or its line), so neither the parser nor the loader merges them.
 */
export function separateNamesakes(entries: ParsedList['papers']): void {
  const first = new Map<string, ParsedList['papers'][number]>();
  const surnames = (p: ParsedList['papers'][number]) =>
    new Set(p.authors.map((a) => foldKey(a.name).split(' ').pop() as string));
  for (const p of entries) {
    const owner = first.get(p.id);
    if (!owner) {
      first.set(p.id, p);
      continue;
    }
    const theirs = surnames(owner);
    const shareAuthor =
      p.authors.length === 0 || theirs.size === 0 || [...surnames(p)].some((s) => theirs.has(s));
    if (!shareAuthor) p.id = paperId(`${p.title} ${p.year ?? `line ${p.line}`}`);
  }
}

/**
 * Two entries of one list with the same arXiv id but unrelated titles ("MARS: …" and "No More
 * Adam: …") are two papers with one wrong link, not one paper: the later loses the id (the loader
 * would merge them by it) and a notice says so. Titles that share most words stay one paper.
 */
export function separateArxivConflicts(papers: ParsedList['papers']): ParseWarning[] {
  const notices: ParseWarning[] = [];
  const first = new Map<string, ParsedList['papers'][number]>();
  for (const p of papers) {
    if (!p.arxivId) continue;
    const owner = first.get(p.arxivId);
    if (!owner) first.set(p.arxivId, p);
    else if (owner.id !== p.id && !sameTitleAndPeople(owner, p)) {
      notices.push({
        line: p.line,
        message: `arXiv ${p.arxivId} is also the link of "${owner.title}" (line ${owner.line}); the titles differ, so they stay two papers and this one keeps no arXiv id`,
      });
      p.arxivId = null;
    }
  }
  return notices;
}

/**
 * Two entries sharing an arXiv id are one paper when one title holds most of the other's words
 * (a short and a full title) and they have an author in common (or one lists none).
 */
function sameTitleAndPeople(a: ParsedList['papers'][number], b: ParsedList['papers'][number]): boolean {
  const surnames = (p: ParsedList['papers'][number]) =>
    new Set(p.authors.map((x) => foldKey(x.name).split(' ').pop() as string));
  const [x, y] = [surnames(a), surnames(b)];
  const people = !x.size || !y.size || [...x].some((s) => y.has(s));
  return people && overlap(a.title, b.title) >= 0.8;
}

/** Shared words over the shorter title's words (0–1). */
function overlap(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      foldKey(s)
        .split(' ')
        .filter((w) => w.length > 2),
    );
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.min(x.size, y.size));
}
