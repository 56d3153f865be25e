import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { cleanText, headingSlug } from '../domain/normalize.js';
import { LIMITS } from '../limits.js';
import {
  contextOf,
  type EntryContext,
  fieldList,
  holdsEntries,
  isCard,
  isNavigationItem,
  isTitleList,
  linkLines,
  linksOnFirstLines,
  namesFirstHabit,
  pseudoHeading,
  RESOURCES,
  titleAndNames,
  titleParagraph,
} from './block-shapes.js';

import { dedupeById, type EntryPaper, type EntryResult } from './entry-record.js';
import { headingContext, paperHeadings } from './heading-entries.js';
import { isPaperLink, isPostLink } from './links.js';
import { separateArxivConflicts, separateNamesakes } from './list-identity.js';
import { boundMarkdown } from './markdown-bounds.js';
import { readMarkdown } from './markdown-tree.js';
import { nestedParagraphs, paragraphTokens } from './mdast-text.js';
import { parseEntry } from './parse-entry.js';
import { readTable } from './parse-table.js';
import type { ParsedList, ParseWarning, SectionRecord } from './records.js';
import { tokenize } from './tokens.js';
import { isKnownVenue } from './venue.js';
import { dateYear } from './vocabulary.js';

/** Section numbering as lists write it: "A.", "A.1.", "B.2", "3.", "2.1" followed by the title. */
// The code ends at a dot or a space: "2019" (a year) and "3D Vision" are titles, not codes.
const NUMBERED = /^((?:[A-Z]|\d{1,3})(?:\.\d{1,3})*)(?:\.\s*|\s+)(\S.*)$/;
/** Headings that only lead the way (a table of contents): never the parent of the sections after them. */
const NAVIGATION = /^(?:table of contents|contents|toc|index|outline|navigation)$/i;
export interface ParseOptions {
  /** Written section codes to keep even when no entry sits under them (the taxonomy's empty A.1, B.1). */
  keepCodes?: ReadonlySet<string>;
}

/** One heading (or the part before the first heading) and what was read under it. */
interface Block {
  heading: Heading | null;
  text: string;
  written: RegExpExecArray | null;
  papers: ParsedList['papers'];
  resources: boolean;
  /** Paragraphs that read as references, taken only when two or more stand in the block. */
  paragraphs: Array<{ paper: EntryPaper; line: number }>;
  /** A year or venue its heading (or a heading above it) gives the papers under it. */
  context: EntryContext;
}

/**
 * Parses a markdown paper list into sections, papers, skipped items and line-numbered warnings.
 * Pure: text in, records out. Entries are list items and rows of paper tables, read by their
 * fields (parse-entry.ts, parse-table.ts); headings become sections when a paper sits under them,
 * directly or in a subsection, or when `keepCodes` names them.
 */
export function parseList(markdown: string, opts: ParseOptions = {}): ParsedList {
  // Depth and inline marks are bounded before the parser runs: its cost past them is not linear.
  const bounded = boundMarkdown(markdown);
  const tree = readMarkdown(bounded.text);
  const warnings: ParseWarning[] = [...bounded.warnings];
  const skipped: Record<string, number> = {};
  const skip = (why: string, n = 1) => {
    skipped[why] = (skipped[why] ?? 0) + n;
  };
  const blocks: Block[] = [
    { heading: null, text: '', written: null, papers: [], resources: false, paragraphs: [], context: {} },
  ];
  let current = blocks[0] as Block;
  let pseudoResources = false;
  const cards = new Set<RootContent>();

  const take = (r: EntryResult, line: number) => {
    if (r.ok === true) {
      if ((current.resources || pseudoResources) && !r.paper.links.some(isPaperLink)) skip('not a paper');
      else {
        current.papers.push({ ...r.paper, sectionCode: '', order: 0, line });
        if (r.warning) warnings.push({ line, message: r.warning });
      }
    } else if (r.ok === 'skip') skip(r.why);
    else warnings.push({ line, message: r.reason });
  };
  // Recursion follows list nesting, which boundMarkdown (and readMarkdown for HTML) keep to
  // LIMITS.listDepth; past it (a tree built some other way) nested lists are the item's own text.
  const visitList = (list: List, context: EntryContext = {}, depth = 1) => {
    const titles = isTitleList(list);
    for (const item of list.children) readItem(item, titles ? { ...context, titles } : context, depth);
  };
  const readItem = (item: ListItem, context: EntryContext, depth: number) => {
    const line = item.position?.start.line ?? 0;
    const paras = item.children.filter((c): c is Paragraph => c.type === 'paragraph');
    const deeper = depth < LIMITS.listDepth;
    const lists = deeper ? item.children.filter((c): c is List => c.type === 'list') : [];
    const visitChild = (l: List, c: EntryContext) => visitList(l, c, depth + 1);
    // "- 2018" or "- ICML 2019" over the papers of that year or venue: a heading of a kind, not an entry.
    const over = paras.length === 1 ? contextOf(paras[0] as Paragraph) : null;
    if (!paras.length || over) {
      for (const l of lists) visitChild(l, { ...context, ...over });
      return;
    }
    const ownTokens = paragraphTokens(paras);
    const own = parseEntry(ownTokens, context);
    // An entry's nested lines are its fields (authors, venue, dates, notes), unless most nested
    // items are complete entries of their own (a paper with the papers that followed it). A bullet
    // with no link of its own over linked papers is a topic: "* Loss surface arguments" / "  - [Title](…)".
    const linked = ownTokens.some((t) => t.kind === 'link');
    const entryLists = lists.filter((l) => holdsEntries(l, own.ok === true && linked));
    if (!linked && entryLists.some((l) => !l.children.every(isNavigationItem))) {
      // The topic's venue or year ("… (ICLR 2017 Best Paper)") goes down to its papers.
      const passed = own.ok === true ? { venue: own.paper.venueText, year: own.paper.year } : {};
      skip('topics over papers');
      for (const l of lists) visitChild(l, { ...context, ...passed });
      return;
    }
    const fieldParas = lists.filter((l) => !entryLists.includes(l)).flatMap(nestedParagraphs);
    const r = fieldParas.length ? parseEntry(paragraphTokens([...paras, ...fieldParas]), context) : own;
    take(
      r.ok === false ? { ...r, reason: `${r.reason}: ${excerpt(mdToString(paras[0] as Paragraph))}` } : r,
      line,
    );
    for (const l of entryLists) visitChild(l, context);
  };

  let headingDepth = 1;
  const openSection = (node: Heading) => {
    const text = cleanText(mdToString(node));
    // A year or venue heading ("## 2019", "### Papers at ICML 2018") is context for what sits under it.
    while ((contexts.at(-1)?.depth ?? 0) >= node.depth) contexts.pop();
    contexts.push({ depth: node.depth, context: headingContext(text) });
    current = {
      heading: node,
      text,
      written: numbering(text),
      papers: [],
      resources: RESOURCES.test(text),
      paragraphs: [],
      context: Object.assign({}, habit, ...contexts.map((c) => c.context)),
    };
    pseudoResources = false;
    blocks.push(current);
  };

  const nodes = tree.children as RootContent[];
  const headingEntries = paperHeadings(nodes);
  const habit: EntryContext = {
    linksOnFirstLine: linksOnFirstLines(nodes),
    namesFirst: namesFirstHabit(nodes),
  };
  // A document that writes lists as linked lines writes a one-paper list so too.
  const linkLists = nodes.some((n) => n.type === 'paragraph' && linkLines(n));
  current.context = habit;
  const contexts: Array<{ depth: number; context: EntryContext }> = [];
  let bodyEnd = -1;
  for (const [i, node] of nodes.entries()) {
    const next = nodes[i + 1];
    const entry = headingEntries.get(i);
    if (i < bodyEnd) continue;
    if (entry) {
      take(parseEntry(entry.tokens, current.context), node.position?.start.line ?? 0);
      bodyEnd = entry.end;
    } else if (node.type === 'heading' && next?.type === 'list' && isCard(next)) {
      // A "card": the heading is the paper's title, the bullets under it its fields.
      const fields = next.children.flatMap((li) =>
        li.children.filter((c): c is Paragraph => c.type === 'paragraph'),
      );
      const tokens = [
        ...tokenize(node.children),
        ...fields.flatMap((p) => [{ kind: 'newline' as const }, ...tokenize(p.children)]),
      ];
      take(parseEntry(tokens, current.context), node.position?.start.line ?? 0);
      cards.add(next);
    } else if (
      node.type === 'paragraph' &&
      next?.type === 'list' &&
      titleParagraph(node) &&
      fieldList(next)
    ) {
      // "**Title**" alone on its line, its links, names and tags in the bullets under it: one entry.
      take(
        parseEntry(paragraphTokens([node, ...nestedParagraphs(next)]), current.context),
        node.position?.start.line ?? 0,
      );
      cards.add(next);
    } else if (cards.has(node)) continue;
    else if (node.type === 'heading') {
      headingDepth = node.depth;
      openSection(node);
    } else if (node.type === 'list' && titleAndNames(node)) {
      // "- Title" / "- Ann Author and Bob Builder": one entry in two bullets; a paragraph just above
      // it with only a venue and links ("Mimic. *CVPR 2017*." / "[[CVF](…)]") gives its other fields.
      const prev = nodes[i - 1];
      const above = prev?.type === 'paragraph' ? [prev] : [];
      const line = node.position?.start.line ?? 0;
      if (above.length)
        current.paragraphs = current.paragraphs.filter((p) => p.line !== prev?.position?.start.line);
      take(parseEntry(paragraphTokens([...nestedParagraphs(node), ...above]), current.context), line);
    } else if (node.type === 'list') visitList(node, current.context);
    else if (node.type === 'table') {
      const t = readTable(node, current.context);
      if (!t.papers) skip(t.navigation ? 'navigation' : 'tables that are not about papers');
      for (const row of t.rows) take(row.result, row.line);
    } else if (node.type === 'paragraph' && linkLines(node, linkLists ? 1 : 2)) {
      visitList(linkLines(node, linkLists ? 1 : 2) as List, current.context);
    } else if (node.type === 'paragraph') {
      const pseudo = pseudoHeading(node);
      // "**2019**" alone on its line over that year's papers: a section heading of a kind, one level down.
      if (pseudo !== null && dateYear(pseudo) !== null)
        openSection({
          type: 'heading',
          depth: Math.min(6, headingDepth + 1) as Heading['depth'],
          children: node.children,
          position: node.position,
        });
      else if (pseudo !== null) pseudoResources = RESOURCES.test(pseudo);
      else if (
        node.children.every(
          (c) =>
            c.type === 'image' ||
            (c.type === 'link' && c.children.every((x) => x.type === 'image')) ||
            (c.type === 'text' && !c.value.trim()),
        )
      )
        skip('badges and images');
      else {
        // A list written as paragraphs, one reference each ("Title. Authors. ICLR 2015."): a paragraph
        // counts only with names and a venue or year, and only beside another such paragraph.
        const r = parseEntry(tokenize(node.children), current.context);
        // Or a styled title with its paper link and a venue or year: "[SIGIR'17] **Title**" / "[[paper](…)]".
        const styled = node.children.some((c) => c.type === 'strong' || c.type === 'link');
        const cited =
          r.ok === true &&
          styled &&
          r.paper.links.some(isPaperLink) &&
          (r.paper.venue !== null || r.paper.year !== null);
        if (cited)
          current.paragraphs.push({
            paper: (r as { paper: EntryPaper }).paper,
            line: node.position?.start.line ?? 0,
          });
        else if (
          r.ok === true &&
          r.paper.authors.length > 0 &&
          // Names as people write them (capitalised, given and family), not italic words of prose.
          r.paper.authors.every((a) => /^\p{Lu}/u.test(a.name)) &&
          (r.paper.venue || r.paper.year || r.paper.links.some(isPaperLink))
        )
          current.paragraphs.push({ paper: r.paper, line: node.position?.start.line ?? 0 });
        if (r.ok === true && r.warning && current.paragraphs.at(-1)?.paper === r.paper)
          warnings.push({ line: node.position?.start.line ?? 0, message: r.warning });
      }
    } else if (node.type === 'blockquote') {
      for (const c of node.children) if (c.type === 'list') visitList(c, current.context);
    } else if (node.type === 'code') skip('code blocks');
    else if (node.type === 'html') skip('HTML and comments');
    else if (node.type === 'thematicBreak') skip('rules');
  }
  // References written as paragraphs count when the document has two or more of them (one is prose).
  if (blocks.reduce((n, b) => n + b.paragraphs.length, 0) >= 2)
    for (const b of blocks) {
      for (const { paper, line } of b.paragraphs)
        b.papers.push({ ...paper, sectionCode: '', order: 0, line });
      b.papers.sort((x, y) => x.line - y.line);
    }
  dropLinkedNonPapers(blocks, skip);
  return assemble(blocks, warnings, skipped, opts);
}

/**
 * Where most entries of a document link to their paper (three in four or more), an entry whose
 * links all point elsewhere — a code repository, a blog, a video, a course page — is not a paper.
 * Entries without links are judged by their fields alone.
 */
function dropLinkedNonPapers(blocks: Block[], skip: (why: string) => void): void {
  const all = blocks.flatMap((b) => b.papers);
  const paperLinked = all.filter((p) => p.links.some(isPaperLink)).length;
  if (all.length < 4 || paperLinked < 0.75 * all.length) return;
  for (const b of blocks)
    b.papers = b.papers.filter((p) => {
      // Names or a venue, with a year or venue, are a paper's own fields, whatever its links —
      // except that posts and videos have names, dates and publishers too: only a known venue
      // says one is a paper.
      const fields = p.links.every(isPostLink)
        ? isKnownVenue(p.venueText ?? '')
        : p.venue !== null || (p.authors.length > 0 && p.year !== null);
      const keep = !p.links.length || p.links.some(isPaperLink) || fields;
      if (!keep) skip('links to no paper');
      return keep;
    });
}

/** Second pass: the title, the section tree, codes for the kept sections, and the papers' places. */
function assemble(
  blocks: Block[],
  warnings: ParseWarning[],
  skipped: Record<string, number>,
  opts: ParseOptions,
): ParsedList {
  const headed = blocks.slice(1);
  const first = headed[0];
  // The first heading is the document's title when it is unnumbered, no shallower heading follows,
  // and no entry sits directly under it.
  const title =
    first &&
    headed.length > 1 &&
    !first.written &&
    first.papers.length === 0 &&
    headed.every((b) => (b.heading as Heading).depth >= (first.heading as Heading).depth)
      ? first.text
      : null;
  const preamble = blocks[0] as Block;
  if (title && first) preamble.papers.push(...first.papers);
  const sectionBlocks = title ? headed.slice(1) : headed;

  // Parents by depth; a block is kept when it or a descendant holds papers, or keepCodes names it.
  const parent = new Map<Block, Block | null>();
  const stack: Block[] = [];
  for (const b of sectionBlocks) {
    const depth = (b.heading as Heading).depth;
    while (stack.length && ((stack[stack.length - 1] as Block).heading as Heading).depth >= depth)
      stack.pop();
    parent.set(b, stack[stack.length - 1] ?? null);
    if (!NAVIGATION.test(b.text) || b.papers.length) stack.push(b);
  }
  const kept = new Set<Block>();
  for (const b of sectionBlocks) {
    const named = b.written && opts.keepCodes?.has(b.written[1] as string);
    if (b.papers.length || named)
      for (let x: Block | null = b; x && !kept.has(x); x = parent.get(x) ?? null) kept.add(x);
  }
  const anyWritten = sectionBlocks.some((b) => b.written);
  const sections: SectionRecord[] = [];
  const codeOf = new Map<Block, string>();
  const codes = new Set<string>();
  const childCount = new Map<string, number>();
  const madeUp = (parentCode: string | null, n: number) => {
    const seg = anyWritten ? `x${n}` : String(n);
    return parentCode ? `${parentCode}.${seg}` : seg;
  };
  // A made-up code is positional; identity is the heading path, so a section inserted, emptied or
  // deleted elsewhere leaves the others as they were. Two sections on one path take a suffix.
  const keys = new Set<string>();
  const pathOf = new Map<Block | null, string>();
  const keyFor = (path: string, written: string | null) => {
    const base = written ?? `~${path}`;
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}~${n}`;
    keys.add(key);
    return key;
  };
  const papers: ParsedList['papers'] = [];
  separateNamesakes(blocks.flatMap((b) => b.papers));
  const place = (block: Block, code: string) => {
    const inSection = new Map<string, ParsedList['papers'][number]>();
    for (const p of block.papers) {
      const same = inSection.get(p.id);
      // The same paper twice in one section (one table row per optimizer it introduces) is one entry.
      if (same) {
        same.optimizers = dedupeById([...same.optimizers, ...p.optimizers]);
        same.links = [...same.links, ...p.links.filter((l) => !same.links.some((s) => s.url === l.url))];
        continue;
      }
      const rec = { ...p, sectionCode: code, order: inSection.size };
      inSection.set(p.id, rec);
      papers.push(rec);
    }
  };
  if (preamble.papers.length) {
    const code = anyWritten ? 'x0' : '0';
    sections.push({
      code,
      title: title ?? 'Papers',
      parentCode: null,
      order: 0,
      depth: 1,
      line: 1,
      codeMadeUp: true,
      key: keyFor(headingSlug(title ?? 'Papers'), null),
    });
    codes.add(code);
    place(preamble, code);
  }
  for (const b of sectionBlocks) {
    if (!kept.has(b)) continue;
    const p = parent.get(b) ?? null;
    const parentCode = p ? (codeOf.get(p) as string) : null;
    const order = childCount.get(parentCode ?? '') ?? 0;
    childCount.set(parentCode ?? '', order + 1);
    let code = b.written ? (b.written[1] as string) : madeUp(parentCode, order + 1);
    // Codes are unique within a list; a repeated one gets a suffix rather than merging two sections.
    const base = code;
    for (let n = 2; codes.has(code); n++) code = `${base}~${n}`;
    codes.add(code);
    codeOf.set(b, code);
    const h = b.heading as Heading;
    const sectionTitle = b.written ? cleanText(b.written[2] as string) : b.text;
    const path = [pathOf.get(p), headingSlug(sectionTitle)].filter(Boolean).join('/');
    pathOf.set(b, path);
    sections.push({
      code,
      title: sectionTitle,
      parentCode,
      order,
      depth: h.depth,
      line: h.position?.start.line ?? 0,
      codeMadeUp: !b.written,
      key: keyFor(path, b.written && code),
    });
    place(b, code);
  }
  const notices = separateArxivConflicts(papers);
  const entries = blocks.reduce((n, b) => n + b.papers.length, 0);
  return { title, sections, papers, warnings, notices, skipped, entries };
}

function numbering(text: string): RegExpExecArray | null {
  const m = NUMBERED.exec(cleanText(text));
  // A lone capital is a code only when a dot or the title follows it ("A.Convergence", "A. Title").
  if (!m || !(m[2] as string).length) return null;
  if (/^[A-Z]$/.test(m[1] as string) && !/^[A-Z]\./.test(cleanText(text))) return null;
  return m;
}

function excerpt(s: string): string {
  const t = cleanText(s);
  return t.length > 80 ? `"${t.slice(0, 77)}…"` : `"${t}"`;
}
