/** Reading mdast nodes as entry tokens: paragraphs as lines, nested paragraphs in document order. */
import type { List, Paragraph, RootContent } from 'mdast';
import { type Token, tokenize } from './tokens.js';

/** Paragraphs (or headings) as one entry's tokens, a line end between each. */
export function paragraphTokens(
  paras: Array<Paragraph | Extract<RootContent, { type: 'heading' }>>,
): Token[] {
  return paras.flatMap((p, i) => [...(i ? [{ kind: 'newline' as const }] : []), ...tokenize(p.children)]);
}

/** Every paragraph nested in a list, at any depth, in document order. */
export function nestedParagraphs(list: List): Paragraph[] {
  return list.children.flatMap((li) =>
    li.children.flatMap((c) => (c.type === 'paragraph' ? [c] : c.type === 'list' ? nestedParagraphs(c) : [])),
  );
}

/** The paragraphs of a run of top-level nodes: their own, and those nested in their lists and quotes. */
export function bodyParagraphs(nodes: RootContent[]): Paragraph[] {
  return nodes.flatMap((n) =>
    n.type === 'paragraph'
      ? [n]
      : n.type === 'list'
        ? nestedParagraphs(n)
        : n.type === 'blockquote'
          ? bodyParagraphs(n.children)
          : [],
  );
}
