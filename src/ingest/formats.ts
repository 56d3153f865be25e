import { extname } from 'node:path';
import type { ParsedList } from './records.js';
import { parseBibtex } from './works/bibtex.js';
import { parseCslJson } from './works/csl-json.js';
import { jsonItems } from './works/json-items.js';
import { openAlexWork } from './works/openalex.js';
import { WorkCollector } from './works/work-record.js';

export const FORMATS = ['md', 'bib', 'csl', 'openalex'] as const;
export type Format = (typeof FORMATS)[number];

/** What each format is called in messages and on the List node that records a file. */
export const FORMAT_NAMES: Record<Format, string> = {
  md: 'markdown list',
  bib: 'BibTeX',
  csl: 'CSL-JSON',
  openalex: 'OpenAlex works',
};

/** A JSON value that looks like OpenAlex works rather than CSL-JSON items. */
const isOpenAlex = (v: unknown): boolean => {
  const first = Array.isArray(v) ? v[0] : v;
  if (!first || typeof first !== 'object') return false;
  const o = first as Record<string, unknown>;
  return (
    (typeof o.id === 'string' && /openalex\.org\/W\d+/i.test(o.id)) ||
    'authorships' in o ||
    'abstract_inverted_index' in o ||
    'publication_year' in o
  );
};

/**
 * The format of a file, from its extension, then its content: a `.bib` or text whose first
 * non-comment line opens an `@entry{`; JSON Lines (one object per line); JSON whose items carry
 * OpenAlex fields (authorships, publication_year, an openalex.org id) or CSL ones; else markdown.
 */
export function detectFormat(name: string, text: string): Format {
  const ext = extname(name.replace(/\.gz$/i, '')).toLowerCase();
  if (ext === '.bib' || ext === '.bibtex') return 'bib';
  if (ext === '.jsonl' || ext === '.ndjson') return 'openalex';
  if (ext === '.md' || ext === '.markdown') return 'md';
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(?:%[^\n]*\n\s*)*@\s*[a-z]+\s*[{(]/i.test(head)) return 'bib';
  if (head.startsWith('{') || head.startsWith('[')) {
    const firstLine = head.split('\n', 1)[0] as string;
    if (head.startsWith('{') && looksLikeJson(firstLine) && head.includes('\n{')) return 'openalex';
    try {
      const v = JSON.parse(head) as unknown;
      const items = v && typeof v === 'object' && 'results' in v ? (v as { results: unknown }).results : v;
      return isOpenAlex(items) ? 'openalex' : 'csl';
    } catch {
      return ext === '.json' ? 'csl' : 'md';
    }
  }
  return 'md';
}

const looksLikeJson = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

/** Reads a whole bibliographic document (not markdown) into the parsed shape the loader takes. */
export function parseWorks(text: string, format: Exclude<Format, 'md'>): ParsedList {
  if (format === 'bib') return parseBibtex(text);
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (format === 'openalex' && trimmed.startsWith('{') && !isSingleJson(trimmed)) return parseJsonLines(body);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const out = new WorkCollector();
    out.warn(jsonErrorLine(body, err as Error), `not valid JSON: ${(err as Error).message}`);
    return out.result();
  }
  const found = jsonItems(value, body);
  if (!found.ok) {
    const out = new WorkCollector();
    out.warn(1, found.problem);
    return out.result();
  }
  if (format === 'csl') return parseCslJson(found.items, found.lines);
  const out = new WorkCollector();
  found.items.forEach((w, i) => {
    addOpenAlex(out, w, found.lines[i] ?? 1);
  });
  return out.result();
}

/** One OpenAlex work (or a line of a JSON Lines file) into the collector; what is not a work is a warning. */
export function addOpenAlex(out: WorkCollector, w: unknown, line: number): void {
  out.add(openAlexWork(w, line));
}

const isSingleJson = (s: string) => looksLikeJson(s);

/** JSON Lines: one work per line; a line that is not JSON is a warning with its number. */
export function parseJsonLines(text: string): ParsedList {
  const out = new WorkCollector();
  text.split('\n').forEach((raw, i) => {
    readJsonLine(out, raw, i + 1);
  });
  return out.result();
}

export function readJsonLine(out: WorkCollector, raw: string, line: number): void {
  const s = raw.trim();
  if (!s) return;
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (err) {
    out.entries++;
    out.warn(line, `skipped: not valid JSON (${(err as Error).message})`);
    return;
  }
  addOpenAlex(out, v, line);
}

function jsonErrorLine(text: string, err: Error): number {
  const pos = Number(/position (\d+)/.exec(err.message)?.[1]);
  return Number.isFinite(pos) ? text.slice(0, pos).split('\n').length : 1;
}
