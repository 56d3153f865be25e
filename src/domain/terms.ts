import { foldKey } from './normalize.js';

/**
 * The distinct words of a paper's text as the related-work text signal counts them: accents and
 * case folded, punctuation dropped, one-letter words and bare numbers left out. No stop-word list:
 * common words ("the", "learning", "deep" in a deep-learning graph) weigh little because most
 * papers have them (their document frequency), not because a list says so.
 */
export function termsOf(...texts: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const w of foldKey(t).split(' ')) if (w.length > 1 && !/^\d+$/.test(w)) out.add(w);
  }
  // Bounded: a long abstract adds its first words, enough to say what it is about.
  return [...out].slice(0, 80);
}
