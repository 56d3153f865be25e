import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { cleanText } from '../domain/normalize.js';
import { dedupeById, type EntryPaper, type EntryResult } from './entry-record.js';
import { headingContext, paperHeadings } from './heading-entries.js';
import { isAnchor, isPaperLink } from './links.js';
import { separateArxivConflicts, separateNamesakes } from './list-identity.js';
import { readMarkdown } from './markdown-tree.js';
import { nestedParagraphs, paragraphTokens } from './mdast-text.js';
import { isStrongNameRun, readNames } from './names.js';
import { parseEntry } from './parse-entry.js';
import { readTable } from './parse-table.js';
import type { ParsedList, ParseWarning, SectionRecord } from './records.js';
import { type Token, tokenize, tokenText } from './tokens.js';
import { isKnownVenue, parseVenue } from './venue.js';
import { DECORATION, dateYear, FIELD_LABEL, fieldOfLabel, LINK_LABEL, SHORTCODES } from './vocabulary.js';

/** Section numbering as lists write it: "A.", "A.1.", "B.2", "3.", "2.1" followed by the title. */
// The code ends at a dot or a space: "2019" (a year) and "3D Vision" are titles, not codes.
const NUMBERED = /^((?:[A-Z]|\d{1,3})(?:\.\d{1,3})*)(?:\.\s*|\s+)(\S.*)$/;
/** Headings that only lead the way (a table of contents): never the parent of the sections after them. */
const NAVIGATION = /^(?:table of contents|contents|toc|index|outline|navigation)$/i;
/** Sections (or `*(Lectures)*` sub-headings) that gather resources, not papers: their items need a paper link. */
const RESOURCES =
  /\b(lectures?|tutorials?|blogs?|videos?|courses?|talks?|podcasts?|websites?|newsletters?|communit(?:y|ies)|people|researchers|youtube|twitter)\b/i;

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
  const tree = readMarkdown(markdown);
  const warnings: ParseWarning[] = [];
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
      else current.papers.push({ ...r.paper, sectionCode: '', order: 0, line });
    } else if (r.ok === 'skip') skip(r.why);
    else warnings.push({ line, message: r.reason });
  };
  const visitList = (list: List, context: EntryContext = {}) => {
    const titles = isTitleList(list);
    for (const item of list.children) readItem(item, titles ? { ...context, titles } : context);
  };
  const readItem = (item: ListItem, context: EntryContext) => {
    const line = item.position?.start.line ?? 0;
    const paras = item.children.filter((c): c is Paragraph => c.type === 'paragraph');
    const lists = item.children.filter((c): c is List => c.type === 'list');
    // "- 2018" or "- ICML 2019" over the papers of that year or venue: a heading of a kind, not an entry.
    const over = paras.length === 1 ? contextOf(paras[0] as Paragraph) : null;
    if (!paras.length || over) {
      for (const l of lists) visitList(l, { ...context, ...over });
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
      for (const l of lists) visitList(l, { ...context, ...passed });
      return;
    }
    const fieldParas = lists.filter((l) => !entryLists.includes(l)).flatMap(nestedParagraphs);
    const r = fieldParas.length ? parseEntry(paragraphTokens([...paras, ...fieldParas]), context) : own;
    take(
      r.ok === false ? { ...r, reason: `${r.reason}: ${excerpt(mdToString(paras[0] as Paragraph))}` } : r,
      line,
    );
    for (const l of entryLists) visitList(l, context);
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
  const habit: EntryContext = { linksOnFirstLine: linksOnFirstLines(nodes) };
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
      // Names or a venue, with a year or venue, are a paper's own fields, whatever its links.
      const fields = (p.authors.length > 0 || p.venue !== null) && (p.venue !== null || p.year !== null);
      const keep = !p.links.length || p.links.some(isPaperLink) || fields;
      if (!keep) skip('links to no paper');
      return keep;
    });
}

/** What a parent bullet or heading passes down to the entries under it. */
type EntryContext = {
  year?: number | null;
  venue?: string | null;
  linksOnFirstLine?: boolean;
  /** The list is one of bare titles: its items need no other sign of being papers. */
  titles?: boolean;
};

/**
 * A list of bare titles, "- Markovian Flow Matching: Accelerating MCMC with …": five or more
 * one-line items without links, four in five shaped like titles (capitalised words or a colon,
 * no sentence inside), and long enough that they are not a list of topics (median four words).
 */
function isTitleList(list: List): boolean {
  const items = list.children;
  if (items.length < 5) return false;
  const texts: string[] = [];
  for (const li of items) {
    const [p, ...rest] = li.children;
    if (p?.type !== 'paragraph' || rest.length || p.children.some((c) => c.type === 'link')) return false;
    texts.push(cleanText(mdToString(p)));
  }
  const lengths = texts.map((t) => t.split(' ').length).sort((a, b) => a - b);
  if ((lengths[Math.floor(lengths.length / 2)] ?? 0) < 4) return false;
  const titleShaped = texts.filter((t) => {
    const words = t.split(' ');
    const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    return (
      /^\p{Lu}/u.test(t) &&
      words.length <= 25 &&
      !/[.?!]\s+\p{Lu}/u.test(t) &&
      (capitals >= 0.4 * words.length || t.includes(': '))
    );
  });
  return titleShaped.length >= 0.8 * texts.length;
}

/** True when four in five list entries with links carry one on their first line (the document's habit). */
function linksOnFirstLines(nodes: RootContent[]): boolean {
  let withLinks = 0;
  let onFirst = 0;
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'listItem') {
      const p = (n.children ?? []).find((c) => (c as { type: string }).type === 'paragraph') as
        | Paragraph
        | undefined;
      const tokens = p ? tokenize(p.children) : [];
      const firstEnd = tokens.findIndex((t) => t.kind === 'newline');
      const first = firstEnd < 0 ? tokens : tokens.slice(0, firstEnd);
      if (tokens.some((t) => t.kind === 'link')) {
        withLinks++;
        if (first.some((t) => t.kind === 'link')) onFirst++;
      }
    }
    for (const c of (n.children ?? []) as Array<typeof n>) visit(c);
  };
  for (const n of nodes) visit(n as never);
  return withLinks >= 5 && onFirst >= 0.8 * withLinks;
}

/** A bullet that is only a year or a venue ("- 2018", "- ICML 2019"): the context of the bullets under it. */
function contextOf(p: Paragraph): EntryContext | null {
  const text = cleanText(mdToString(p)).replace(/[:：]$/, '');
  const year = dateYear(text);
  if (year !== null) return { year };
  if (!isKnownVenue(text) || text.split(' ').length > 4) return null;
  const v = parseVenue(text);
  return { venue: text, year: v.year };
}

/**
 * A nested list of entries: under a paper, most of its items are papers in their own right (two or
 * more); under a bullet that is no paper by itself (a topic), any of them is.
 */
function holdsEntries(list: List, underPaper: boolean): boolean {
  // A table of contents under a bullet: its items are read (and skipped) as navigation.
  if (list.children.every(isNavigationItem)) return true;
  const complete = list.children.filter((li) => {
    const paras = li.children.filter((c): c is Paragraph => c.type === 'paragraph');
    if (!paras.length || isFieldItem(li)) return false;
    const r = parseEntry(paragraphTokens(paras));
    return (
      r.ok === true &&
      (r.paper.links.some(isPaperLink) || r.paper.authors.length > 0 || r.paper.year !== null)
    );
  }).length;
  return underPaper ? complete >= 2 && complete * 2 > list.children.length : complete >= 1;
}

/** A bullet whose links all stay in the page ("- [Adaptive](#adaptive)"). */
function isNavigationItem(li: ListItem): boolean {
  const links = li.children
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .flatMap((p) => tokenize(p.children))
    .filter((t) => t.kind === 'link');
  return links.length > 0 && links.every((t) => t.kind === 'link' && isAnchor(t.url));
}

/** A bullet that is a field of its parent entry: "Authors: …", "Venue: ICLR 2019", or links to other pages only. */
function isFieldItem(li: ListItem): boolean {
  const [p, ...rest] = li.children;
  if (p?.type !== 'paragraph' || rest.length) return false;
  const tokens = tokenize(p.children);
  const text = tokens.map((t) => (t.kind === 'newline' || t.kind === 'link' ? '' : t.text)).join('');
  const links = tokens.filter((t) => t.kind === 'link');
  if (FIELD_LABEL.test(text) || styledLabel(tokens)) return true;
  // Links only ("[paper](…) | [code](…)"), unless a link's text is a title: "- [On the Number of Linear Regions …](…)" is an entry.
  const titled = links.some(
    (t) => t.kind === 'link' && !LINK_LABEL.test(t.text) && t.text.trim().split(/\s+/).length >= 3,
  );
  return (
    links.length > 0 &&
    !titled &&
    links.every((t) => t.kind === 'link' && !t.url.startsWith('#')) &&
    !/\p{L}{3,}\s+\p{L}{3,}/u.test(text)
  );
}

/** "**Cancer:** Pan-cancer", "*Data source*: TCGA": a short bold or italic label and a colon open the bullet. */
function styledLabel(tokens: Token[]): boolean {
  const [head, next] = tokens;
  if (!head || (head.kind !== 'strong' && head.kind !== 'emphasis' && head.kind !== 'both')) return false;
  const label = head.text.trim();
  const colon = /[:：]$/.test(label) || (next?.kind === 'text' && /^\s*[:：]/.test(next.text));
  return colon && label.replace(/[:：]$/, '').split(/\s+/).length <= 4;
}

/** Labels that say a bullet holds a paper's own data (not its code, tags or notes). */
const CARD_FIELDS = new Set(['authors', 'venue', 'year']);
const ownField = (text: string) => {
  const label = FIELD_LABEL.exec(text)?.[1];
  return label !== undefined && CARD_FIELDS.has(fieldOfLabel(label) ?? '');
};

/** A list that only gives fields of the heading above it, at least one of them a paper's own (authors, venue, year). */
function isCard(list: List): boolean {
  if (!list.children.every(isFieldItem)) return false;
  return list.children.some((li) => {
    const p = li.children[0];
    return p?.type === 'paragraph' && ownField(mdToString(p));
  });
}

/** A paragraph that is only a bold (or linked) title of two words or more, perhaps with emoji or an (alias). */
function titleParagraph(p: Paragraph): boolean {
  const tokens = tokenize(p.children);
  // Decoration and a curator's "[label]" may stand before the title.
  const head = tokens.find(
    (t) =>
      t.kind !== 'text' ||
      t.text
        .replace(DECORATION, '')
        .replace(/^\s*\[[^\]]{1,40}\]/, '')
        .trim(),
  );
  if (!head || (head.kind !== 'strong' && head.kind !== 'both' && head.kind !== 'link')) return false;
  const others = tokens.filter((t) => t !== head && t.kind !== 'newline');
  const rest = others
    .map((t) => (t.kind === 'link' ? '' : tokenText(t)))
    .join('')
    .replace(/\([^()]*\)/g, '');
  if (
    /\p{L}{2}/u.test(
      rest
        .replace(/\[[^\]]{1,40}\]/g, '')
        .replace(DECORATION, '')
        .replace(SHORTCODES, ''),
    )
  )
    return false;
  const text = cleanText(head.text);
  return text.split(' ').length >= 2 && !RESOURCES.test(text);
}

/** A list of two or three plain bullets: a title, then a run of names (and perhaps one more field). */
function titleAndNames(list: List): boolean {
  const items = list.children;
  if (items.length < 2 || items.length > 3) return false;
  if (items.some((li) => li.children.length !== 1 || li.children[0]?.type !== 'paragraph')) return false;
  const texts = items.map((li) => cleanText(mdToString(li.children[0] as Paragraph)));
  const names = texts.map((t) => readNames(t));
  const [title, people] = [texts[0] as string, names[1]];
  return (
    !names[0] &&
    !!people &&
    (people.names.length >= 2 || isStrongNameRun(texts[1] as string, people)) &&
    title.split(' ').length >= 3
  );
}

/** A short list that gives one entry's fields (links, names, tags), not entries of its own. */
function fieldList(list: List): boolean {
  return list.children.length <= 6 && !holdsEntries(list, true) && !list.children.every(isNavigationItem);
}

/** A paragraph that only labels what follows, like `*(Lectures)*` or `**Blogs**`; its text, else null. */
function pseudoHeading(p: Paragraph): string | null {
  const kids = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (kids.length !== 1) return null;
  const k = kids[0];
  return k && (k.type === 'emphasis' || k.type === 'strong') ? cleanText(mdToString(k)) : null;
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
    sections.push({
      code,
      title: b.written ? cleanText(b.written[2] as string) : b.text,
      parentCode,
      order,
      depth: h.depth,
      line: h.position?.start.line ?? 0,
      codeMadeUp: !b.written,
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
