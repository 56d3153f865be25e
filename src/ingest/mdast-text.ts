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
  return blockParagraphs([list]);
}

/** The paragraphs of a run of top-level nodes: their own, and those nested in their lists and quotes. */
export function bodyParagraphs(nodes: RootContent[]): Paragraph[] {
  return blockParagraphs(nodes);
}

/**
 * Paragraphs in document order, walked with a stack of its own (a deep tree overflows no call
 * stack): lists and their items' lists are entered, quotes only outside lists, as lists write them.
 */
function blockParagraphs(nodes: RootContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: Array<{ n: RootContent; inList: boolean }> = nodes
    .map((n) => ({ n, inList: false }))
    .reverse();
  const push = (kids: RootContent[], inList: boolean) => {
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i] as RootContent, inList });
  };
  while (stack.length) {
    const { n, inList } = stack.pop() as { n: RootContent; inList: boolean };
    if (n.type === 'paragraph') out.push(n);
    else if (n.type === 'list') push(n.children, true);
    else if (n.type === 'listItem')
      push(
        n.children.filter((c) => c.type === 'paragraph' || c.type === 'list'),
        true,
      );
    else if (n.type === 'blockquote' && !inList) push(n.children, false);
  }
  return out;
}
