/**
 * A bound on BibTeX macro expansion, checked before the parser runs. The parser expands `@string`
 * macros eagerly and then reads every expanded value as LaTeX, so twenty `@string{m = m # m}` lines
 * (543 bytes) ask it for megabytes of work. Here each value's expanded length is summed from its
 * parts with the sizes of the macros before it (memoised: one pass, linear in the file), and a
 * value that would expand past the bound is blanked in the text, with a warning naming the macro.
 */
import type { ParseWarning } from '../records.js';

/** A value part as BibTeX writes it: `{…}`, `"…"`, a number, or a macro name. */
type Part = { literal: number } | { macro: string };

/** Characters of a BibTeX key or macro name (the parser's own set, letters of any script too). */
const NAME_CHAR = /[+'\p{L}\p{N}&;_:\\./-]/u;
/** The month macros BibTeX predefines ("jan" … "dec"). */
const MONTH_SIZE = 9;

interface Value {
  /** Where the value starts and ends in the text (its `=` excluded). */
  start: number;
  end: number;
  parts: Part[];
}

/**
 * The text with every value that would expand past `max` characters blanked (spaces, so line
 * numbers stay), and one warning for each: an `@string` by its name, an entry's field by its key.
 */
export function boundMacros(source: string, max: number): { text: string; warnings: ParseWarning[] } {
  const sizes = new Map<string, number>();
  const warnings: ParseWarning[] = [];
  const blank: Array<[number, number]> = [];
  const lineAt = lineFinder(source);
  const sizeOf = (parts: Part[]) => {
    let n = 0;
    for (const p of parts)
      n +=
        'literal' in p
          ? p.literal
          : (sizes.get(p.macro) ?? (p.macro.length <= 3 ? MONTH_SIZE : p.macro.length));
    return n;
  };
  const biggest = (parts: Part[]) =>
    parts
      .flatMap((p) => ('macro' in p ? [p.macro] : []))
      .sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0))[0];
  for (const block of scanBlocks(source)) {
    for (const f of block.fields) {
      if (!f.value.parts.some((p) => 'macro' in p)) {
        if (block.type === 'string') sizes.set(f.name.toUpperCase(), sizeOf(f.value.parts));
        continue;
      }
      const size = sizeOf(f.value.parts);
      if (size <= max) {
        if (block.type === 'string') sizes.set(f.name.toUpperCase(), size);
        continue;
      }
      const what =
        block.type === 'string'
          ? `@string ${f.name}`
          : `field ${f.name} of "${block.key}" (macro ${biggest(f.value.parts)?.toLowerCase() ?? '?'})`;
      warnings.push({
        line: lineAt(f.value.start),
        message: `${what} would expand to ${size > 1e9 ? 'over a billion' : size} characters, more than ${max}: it is read as empty`,
      });
      if (block.type === 'string') sizes.set(f.name.toUpperCase(), 1);
      blank.push([f.value.start, f.value.end]);
    }
  }
  if (!blank.length) return { text: source, warnings };
  let text = '';
  let at = 0;
  for (const [s, e] of blank) {
    // "{ }", not "{}": the parser takes an empty macro for an undefined one.
    text += `${source.slice(at, s)}{ }${source.slice(s + 3, e).replace(/[^\n]/g, ' ')}`;
    at = e;
  }
  return { text: text + source.slice(at), warnings };
}

interface Block {
  type: string;
  key: string;
  fields: Array<{ name: string; value: Value }>;
}

/** The `@type{…}` blocks of a file with their fields' values, skipping what does not scan. */
function* scanBlocks(s: string): Generator<Block> {
  let i = s.indexOf('@');
  while (i >= 0 && i < s.length) {
    const r = new Reader(s, i + 1);
    let next = s.indexOf('@', i + 1);
    try {
      const type = r.name().toLowerCase();
      r.space();
      const open = s[r.pos];
      if (type && (open === '{' || open === '(') && type !== 'comment' && type !== 'preamble') {
        r.pos++;
        const block: Block = { type, key: '', fields: [] };
        if (type !== 'string') {
          r.space();
          block.key = r.name();
          r.space();
          if (s[r.pos] === ',') r.pos++;
        }
        r.fields(block, open === '{' ? '}' : ')');
        yield block;
        next = s.indexOf('@', r.pos);
      }
    } catch {
      // Not a block this check can read (the parser reports it); what it read was no block either,
      // so the scan goes on past it, and every character is read once.
      next = s.indexOf('@', Math.max(i + 1, r.pos));
    }
    i = next;
  }
}

/** A cursor over the text: names, values and fields, each read in one forward pass. */
class Reader {
  constructor(
    readonly s: string,
    public pos: number,
  ) {}
  space() {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] as string)) this.pos++;
  }
  name(): string {
    const start = this.pos;
    while (this.pos < this.s.length && NAME_CHAR.test(this.s[this.pos] as string)) this.pos++;
    return this.s.slice(start, this.pos);
  }
  fields(block: Block, close: string) {
    for (;;) {
      this.space();
      if (this.s[this.pos] === close || this.pos >= this.s.length) return;
      const name = this.name();
      this.space();
      if (!name || this.s[this.pos] !== '=') throw new Error('no field');
      this.pos++;
      block.fields.push({ name, value: this.value() });
      this.space();
      if (this.s[this.pos] === ',') this.pos++;
    }
  }
  value(): Value {
    this.space();
    const start = this.pos;
    const parts: Part[] = [];
    for (;;) {
      this.space();
      const c = this.s[this.pos];
      if (c === '{' || c === '"') parts.push({ literal: this.delimited(c) });
      else {
        const name = this.name();
        if (!name) throw new Error('no value');
        parts.push(/^\d+$/.test(name) ? { literal: name.length } : { macro: name.toUpperCase() });
      }
      const end = this.pos;
      this.space();
      if (this.s[this.pos] !== '#') return { start, end, parts };
      this.pos++;
    }
  }
  /** Skips a `{…}` or `"…"` value (braces nested, backslashes escaping); its length inside. */
  delimited(open: string): number {
    const start = ++this.pos;
    let depth = 0;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if ((open === '{' && c === '}') || (open === '"' && c === '"' && depth === 0)) {
        this.pos++;
        return this.pos - 1 - start;
      }
      this.pos++;
    }
    throw new Error('unterminated');
  }
}

/** Line numbers of offsets, from the line starts found once (a binary search per lookup). */
export function lineFinder(s: string): (offset: number) => number {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
