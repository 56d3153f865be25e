/** A markdown document as one mdast tree, with the HTML written inside it read into the same tree. */
import type { Html, ListItem, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** HTML that carries structure or styling of entries (not comments, images or bare badges). */
const STRUCTURAL_HTML =
  /<(?:details|summary|h[1-6]|table|tr|td|th|ul|ol|li|p|div|b|strong|i|em|br|sup|sub|span|blockquote)\b/i;

type State = {
  all: (node: unknown) => RootContent[];
  toFlow: (nodes: RootContent[]) => RootContent[];
  patch: (from: unknown, to: unknown) => void;
};

/**
 * `<details>` holds one entry: its `<summary>` is the entry's head and everything else in it is
 * the entry's own text, as a list item with everything nested in it is.
 */
function details(state: State, node: unknown) {
  // A collapsed section ("Click to expand" over a table, headings or entries of their own) is no
  // entry: its content is read as if it were open.
  if (holdsSections(node)) {
    const children = state.toFlow(state.all(node));
    return children.filter(
      (c) => !(c.type === 'paragraph' && /^click|^expand|^show/i.test(mdToString(c).trim())),
    );
  }
  const item: ListItem = {
    type: 'listItem',
    spread: false,
    children: state.toFlow(state.all(node)) as ListItem['children'],
  };
  state.patch(node, item);
  const list = { type: 'list' as const, ordered: false, spread: false, children: [item] };
  state.patch(node, list);
  return list;
}

/**
 * A `<details>` that is a section: its summary is a short label ("Click to Expand", "2021
 * papers"), not an entry's head, and it holds a table, a heading or two `<details>` of its own.
 */
function holdsSections(node: unknown): boolean {
  type El = { type: string; tagName?: string; value?: string; children?: El[] };
  const text = (n: El): string => n.value ?? (n.children ?? []).map(text).join('');
  const kids = (node as El).children ?? [];
  const summary = kids.find((c) => c.type === 'element' && c.tagName === 'summary');
  if (summary && text(summary).trim().split(/\s+/).length > 5) return false;
  let nested = 0;
  let found = false;
  const visit = (n: El, top: boolean) => {
    if (found) return;
    if (n.type === 'element' && (n.tagName === 'table' || /^h[1-6]$/.test(n.tagName ?? ''))) found = true;
    if (!top && n.type === 'element' && n.tagName === 'details') nested++;
    for (const c of n.children ?? []) visit(c, false);
  };
  visit(node as El, true);
  return found || nested >= 2;
}

function hasStructuralHtml(tree: Root): boolean {
  let found = false;
  const visit = (n: { type: string; value?: string; children?: unknown[] }) => {
    if (found) return;
    if (n.type === 'html' && STRUCTURAL_HTML.test((n as Html).value)) found = true;
    for (const c of (n.children ?? []) as (typeof n)[]) visit(c);
  };
  visit(tree as never);
  return found;
}

/**
 * Parses markdown (GFM). When the document writes entries in HTML (`<details>`, `<h2>`, `<b>`,
 * `<br>`, tables…), the HTML and the markdown around it are read as one tree (remark → rehype-raw
 * → back to mdast), keeping line endings and source positions, so entries are found by the same
 * rules whichever way they are written. Pure.
 */
export function readMarkdown(markdown: string): Root {
  const tree = parseGfm(markdown);
  tree.children = tree.children.flatMap((n) => (n.type === 'html' ? unswallow(n) : [n]));
  if (!hasStructuralHtml(tree)) return tree;
  const hast = unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .runSync(tree as never);
  return unified()
    .use(rehypeRemark, { newlines: true, handlers: { details } } as never)
    .runSync(hast as never) as unknown as Root;
}

const parseGfm = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

/** A line that is only `<br>` tags: spacing. */
const BREAK_LINE = /^\s*(?:<br\s*\/?>\s*)+$/i;

/**
 * An HTML block opened by a `<br/>` line runs to the next blank line and swallows the markdown
 * after it ("<br/>\n[Title](…)\n<br/>\n[Title](…)"): such a block with markdown links in it is
 * markdown between spacers. Its leading `<br>` lines are dropped (they would open the block again)
 * and the rest is parsed as markdown, lines kept where they were.
 */
function unswallow(node: Html): RootContent[] {
  const lines = node.value.split('\n');
  if (!BREAK_LINE.test(lines[0] ?? '') || !/\]\([^)]*\)/.test(node.value)) return [node];
  let k = 0;
  while (k < lines.length && BREAK_LINE.test(lines[k] as string)) k++;
  const offset = (node.position?.start.line ?? 1) - 1;
  const inner = parseGfm(`${'\n'.repeat(k)}${lines.slice(k).join('\n')}`);
  shiftLines(inner, offset);
  return inner.children;
}

function shiftLines(n: { position?: Html['position']; children?: unknown[] }, by: number): void {
  if (n.position) {
    n.position = {
      start: { ...n.position.start, line: n.position.start.line + by },
      end: { ...n.position.end, line: n.position.end.line + by },
    };
  }
  for (const c of (n.children ?? []) as Array<typeof n>) shiftLines(c, by);
}
