/**
 * Bounds on what the markdown parser is handed, checked line by line before it runs. micromark's
 * work grows with the square of a paragraph's emphasis and bracket marks (`a*a*a*…`) and faster
 * than that with container depth (5,000 nested items), and the tree walks after it recurse by
 * depth; neither can be bounded from outside once it has started. So lines nested deeper than
 * LIMITS.listDepth are skipped, and marks past LIMITS.inlineMarks in one paragraph are escaped
 * (read as the characters they are), each with one warning. Lines are never added or removed, so
 * every line number stays true.
 */
import { LIMITS } from '../limits.js';
import type { ParseWarning } from './records.js';

/** A fence line: three or more backticks or tildes, after any indentation. */
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** Marks micromark pairs up or resolves against each other within a paragraph. */
const INLINE_MARK = /[*_`~[\]]/g;
/** Lines after which a new paragraph starts: blank, a heading, a table row, or a container marker. */
const BLOCK_START = /^[ \t]*(?:$|#|\||>|[-+*][ \t]|\d{1,9}[.)][ \t])/;

/** The container prefix of a line: its indentation in columns and how many list or quote markers open it. */
function containerPrefix(line: string): { indent: number; markers: number } {
  let i = 0;
  let col = 0;
  let indent = -1;
  let markers = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      col = line[i] === '\t' ? col + 4 - (col % 4) : col + 1;
      i++;
    }
    if (indent < 0) indent = col;
    const c = line[i];
    let width = 0;
    if (c === '>') width = 1;
    else if ((c === '-' || c === '+' || c === '*') && /[ \t]/.test(line[i + 1] ?? '')) width = 1;
    else {
      let d = 0;
      while (d < 10 && line.charCodeAt(i + d) >= 48 && line.charCodeAt(i + d) <= 57) d++;
      if (d >= 1 && d <= 9 && /[.)]/.test(line[i + d] ?? '') && /[ \t]/.test(line[i + d + 1] ?? ''))
        width = d + 1;
    }
    if (!width) return { indent, markers };
    markers++;
    i += width;
    col += width;
  }
}

/**
 * How deep a line can sit: its markers, and two columns of indentation for each level it continues
 * (a nested item's marker stands at least two columns right of its parent's). An upper bound on
 * the depth the parser will give it, from the line alone.
 */
export function lineDepth(line: string): number {
  const { indent, markers } = containerPrefix(line);
  return markers ? markers + Math.floor(indent / 2) : 0;
}

/** The markdown with over-deep lines blanked and excess inline marks escaped, and what was done. */
export function boundMarkdown(
  markdown: string,
  limits: { depth: number; marks: number } = { depth: LIMITS.listDepth, marks: LIMITS.inlineMarks },
): { text: string; warnings: ParseWarning[] } {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let marks = 0;
  const deep: number[] = [];
  const escaped: number[] = [];
  for (const [n, line] of lines.entries()) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && (f[1] as string)[0] === fence[0] && (f[1] as string).length >= fence.length) fence = null;
      continue;
    }
    if (lineDepth(line) > limits.depth) {
      lines[n] = '';
      deep.push(n + 1);
      marks = 0;
      continue;
    }
    if (f) {
      fence = f[1] as string;
      continue;
    }
    if (BLOCK_START.test(line)) marks = 0;
    const before = marks;
    marks += (line.match(INLINE_MARK) ?? []).length;
    if (marks > limits.marks) {
      lines[n] = escapeMarks(line, Math.max(0, limits.marks - before));
      escaped.push(n + 1);
    }
  }
  const warnings: ParseWarning[] = [];
  if (deep.length)
    warnings.push({
      line: deep[0] as number,
      message: `${deep.length} line(s) nested deeper than ${limits.depth} levels of lists or quotes were skipped`,
    });
  if (escaped.length)
    warnings.push({
      line: escaped[0] as number,
      message: `a paragraph holds more than ${limits.marks} emphasis, code or bracket marks; ${escaped.length} line(s) past that were read as plain text`,
    });
  return { text: warnings.length ? lines.join('\n') : markdown, warnings };
}

/** The line with every inline mark after the first `keep` backslash-escaped (one already escaped stays). */
function escapeMarks(line: string, keep: number): string {
  let seen = 0;
  return line.replace(INLINE_MARK, (c, at: number) => {
    seen++;
    return seen <= keep || line[at - 1] === '\\' ? c : `\\${c}`;
  });
}
