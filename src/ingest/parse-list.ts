import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { cleanText } from './normalize.js';
import { parseEntry, tokenize } from './parse-entry.js';
import type { ParsedList, ParseWarning, SectionRecord } from './records.js';

/** Section numbering as lists write it: "A.", "A.1.", "B.2", "3.", "2.1" followed by the title. */
const NUMBERED = /^((?:[A-Z]|\d{1,3})(?:\.\d{1,3})*)\.?\s*(.*)$/;

/**
 * Parses a markdown paper list into sections, papers and line-numbered warnings. Pure: text in,
 * records out. Headings of any depth become sections (numbering read when present, made up from
 * position otherwise); list items become papers; prose paragraphs are skipped.
 */
export function parseList(markdown: string): ParsedList {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const sections: SectionRecord[] = [];
  const papers: ParsedList['papers'] = [];
  const warnings: ParseWarning[] = [];
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const firstHeading = headings[0];
  const title =
    firstHeading && headings.length > 1 && !numbering(mdToString(firstHeading))
      ? cleanText(mdToString(firstHeading))
      : null;

  const stack: SectionRecord[] = [];
  const codes = new Set<string>();
  let current: SectionRecord | null = null;
  const orderIn = new Map<string, number>();

  const visitList = (list: List) => {
    for (const item of list.children) readItem(item);
  };
  const readItem = (item: ListItem) => {
    const line = item.position?.start.line ?? 0;
    const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
    if (para) {
      const r = parseEntry(tokenize(para.children));
      if (r.ok === true) {
        if (!current)
          warnings.push({ line, message: 'paper entry before any heading; it belongs to no section' });
        else {
          const order = orderIn.get(current.code) ?? 0;
          orderIn.set(current.code, order + 1);
          papers.push({ ...r.paper, sectionCode: current.code, order, line });
        }
      } else if (r.ok === false)
        warnings.push({ line, message: `${r.reason}: ${excerpt(mdToString(para))}` });
    }
    for (const child of item.children) if (child.type === 'list') visitList(child);
  };

  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') {
      if (node === firstHeading && title) continue;
      const s = section(node, stack, codes, sections);
      sections.push(s);
      codes.add(s.code);
      current = s;
    } else if (node.type === 'list') visitList(node);
  }
  return { title, sections, papers, warnings };
}

function numbering(text: string): RegExpExecArray | null {
  const m = NUMBERED.exec(cleanText(text));
  // A lone capital is a code only when a dot or the title follows it ("A.Convergence", "A. Title").
  if (!m || !(m[2] as string).length) return null;
  if (/^[A-Z]$/.test(m[1] as string) && !/^[A-Z]\./.test(cleanText(text))) return null;
  return m;
}

/** Turns a heading into a section, placing it under the nearest shallower heading. */
function section(
  h: Heading,
  stack: SectionRecord[],
  codes: Set<string>,
  all: SectionRecord[],
): SectionRecord {
  while (stack.length && (stack[stack.length - 1] as SectionRecord).depth >= h.depth) stack.pop();
  const parent = stack[stack.length - 1] ?? null;
  const siblings = all.filter((s) => s.parentCode === (parent?.code ?? null)).length;
  const text = cleanText(mdToString(h));
  const m = numbering(text);
  let code = m ? (m[1] as string) : parent ? `${parent.code}.${siblings + 1}` : String(siblings + 1);
  const codeMadeUp = !m;
  // Codes are unique within a list; a repeated one gets a suffix rather than merging two sections.
  for (let n = 2; codes.has(code); n++) code = `${m ? m[1] : code.replace(/~\d+$/, '')}~${n}`;
  const s: SectionRecord = {
    code,
    title: m ? cleanText(m[2] as string) : text,
    parentCode: parent?.code ?? null,
    order: siblings,
    depth: h.depth,
    line: h.position?.start.line ?? 0,
    codeMadeUp,
  };
  stack.push(s);
  return s;
}

function excerpt(s: string): string {
  const t = cleanText(s);
  return t.length > 80 ? `"${t.slice(0, 77)}…"` : `"${t}"`;
}
