import type { z } from 'zod';

/** A field of a JSON record that had the wrong shape and was dropped: where, and what was wrong. */
export interface FieldProblem {
  /** JSON path from the record ("authorships[0].author"); '' for the record itself. */
  path: string;
  /** "must be an object, got a number" */
  message: string;
}

/**
 * A JSON record read through a schema whose every field is optional: each value of the wrong
 * shape is dropped (an array entry, an object field), the rest kept. The schema's issues carry
 * full paths, so one parse finds every problem, and deleting the values at those paths makes the
 * record valid. `data` is null only when the record itself is not of the schema's shape.
 */
export function readShape<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { data: T | null; problems: FieldProblem[] } {
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, problems: [] };
  const issues = first.error.issues.flatMap((i) => leafIssues(i));
  const problems = issues.map((i) => ({ path: jsonPath(i.path), message: describe(i, at(value, i.path)) }));
  if (issues.some((i) => i.path.length === 0)) return { data: null, problems };
  const copy = structuredClone(value);
  // Last first, so that removing an array entry leaves the paths still to do valid.
  const paths = issues.map((i) => i.path).sort(comparePaths);
  for (const path of paths.reverse()) removeAt(copy, path);
  const second = schema.safeParse(copy);
  return { data: second.success ? second.data : null, problems };
}

type Key = PropertyKey;
type Issue = { code: string; path: Key[]; message: string } & Record<string, unknown>;

/**
 * A union's issue, as the branches the value's type matched report it ("a[0] must be a string"
 * rather than "a must be a string or an array"); other issues as they are.
 */
function leafIssues(issue: z.core.$ZodIssue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue as unknown as Issue];
  const typed = issue.errors.find((branch) => branch.length && branch.every((i) => i.path.length > 0));
  if (!typed) return [issue as unknown as Issue];
  return typed.flatMap((i) => leafIssues({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

const NOUN: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

/** "a number", "null", "an array": what a JSON value is, for a message. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return NOUN[typeof v] ?? typeof v;
}

/** "must be an object, got a number": the issue in words, with what the record held there. */
function describe(issue: Issue, got: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${NOUN[String(issue.expected)] ?? String(issue.expected)}, got ${kindOf(got)}`;
    case 'invalid_union': {
      const options = (issue.errors as z.core.$ZodIssue[][]).flatMap((b) =>
        b.flatMap((i) =>
          i.code === 'invalid_type' && !i.path.length ? [NOUN[i.expected] ?? i.expected] : [],
        ),
      );
      return `must be ${[...new Set(options)].join(' or ')}, got ${kindOf(got)}`;
    }
    case 'custom':
      return `${issue.message}, got ${kindOf(got)}`;
    default:
      return issue.message;
  }
}

/** "authorships[0].author" from ['authorships', 0, 'author']. */
export function jsonPath(path: Key[]): string {
  return path
    .map((k, i) => {
      if (typeof k === 'number') return `[${k}]`;
      const name = String(k);
      if (!/^[A-Za-z_$][\w$-]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function at(value: unknown, path: Key[]): unknown {
  let v = value;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

function removeAt(value: unknown, path: Key[]): void {
  const parent = at(value, path.slice(0, -1));
  const key = path[path.length - 1] as Key;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (parent && typeof parent === 'object') delete (parent as Record<Key, unknown>)[key];
}

/** Orders paths as the document does: by key at each depth, array positions by number, a parent first. */
function comparePaths(a: Key[], b: Key[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** The items of a parsed JSON document, or why it holds none. */
export type JsonItems = { ok: true; items: unknown[]; lines: number[] } | { ok: false; problem: string };

/**
 * What a bibliographic JSON document may be: an array of items, an API page (an object with a
 * `results` array, as OpenAlex's `{meta, results}`), or one item (an object). Anything else is
 * refused by name. `text` is the document, for the line each item starts on.
 */
export function jsonItems(value: unknown, text: string): JsonItems {
  if (Array.isArray(value)) return { ok: true, items: value, lines: itemLines(text) };
  if (!value || typeof value !== 'object')
    return {
      ok: false,
      problem: `the file must hold an array of records, one record (an object) or {"results": [...]}, got ${kindOf(value)}`,
    };
  if (!('results' in value)) return { ok: true, items: [value], lines: [1] };
  const { results } = value as { results: unknown };
  if (!Array.isArray(results))
    return { ok: false, problem: `"results" must be an array of records, got ${kindOf(results)}` };
  return { ok: true, items: results, lines: itemLines(text) };
}

/**
 * The line each top-level item of a JSON document starts on: the items of a top-level array, or
 * of the `results` array of an object (an OpenAlex API page). A small scanner rather than a
 * streaming JSON parser: JSON.parse has already checked the text, this only counts lines.
 */
export function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let arrayDepth = -1;
  // True between the items array's `[` or a `,` in it and the next value: that value is an item.
  let itemNext = false;
  let key = '';
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else lastString += c;
      continue;
    }
    if (itemNext && !/[\s\]]/.test(c)) {
      lines.push(line);
      itemNext = false;
    }
    if (c === '"') {
      inString = true;
      lastString = '';
    } else if (c === ':') key = lastString;
    else if (c === ',' && depth === arrayDepth) itemNext = true;
    else if (c === '[' || c === '{') {
      if (c === '[' && arrayDepth < 0 && (depth === 0 || (depth === 1 && key === 'results'))) {
        arrayDepth = depth + 1;
        itemNext = true;
      }
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth < arrayDepth) itemNext = false;
    }
  }
  return lines;
}
