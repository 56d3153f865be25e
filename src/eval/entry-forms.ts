/**
 * The table of entry forms (docs/entry-forms.md), rendered from the golden case file: each row
 * that names a form shows its real input and what the importer reads from it now, so the table
 * cannot claim a form the reader does not handle (tests/eval/entry-forms.test.ts keeps it current).
 */
import { parse as parseYaml } from 'yaml';
import { foldKey } from '../domain/normalize.js';
import { parseWorks } from '../ingest/formats.js';
import { parseList } from '../ingest/parse-list.js';

interface FormRow {
  file: string;
  line?: number;
  form?: string;
  format?: 'md' | 'bib' | 'csl';
  input: string;
  expect?: { title: string };
}

/** Where the golden case file lives, for the script and the test. */
export const CASES_FILE = 'tests/ingest/cases/entries.yaml';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/`/g, 'ˋ');
const code = (s: string) => `\`${cell(s)}\``;

/** The input's line `n` (1-based), else its first line that is no heading or table rule. */
function exampleLine(input: string, n: number | null): string {
  const lines = input.split('\n');
  const own = n ? lines[n - 1] : undefined;
  const line = own?.trim()
    ? own
    : lines.find((l) => l.trim() && !/^#{1,6}\s/.test(l) && !/^\|[\s:|-]+\|$/.test(l));
  const t = (line ?? '').trim();
  return t.length > 110 ? `${t.slice(0, 107)}…` : t;
}

/** The example's line and what the importer reads from the row: the paper its expectation names. */
function read(row: FormRow): { line: string; as: string } {
  const r = row.format && row.format !== 'md' ? parseWorks(row.input, row.format) : parseList(row.input);
  const want = row.expect ? foldKey(row.expect.title) : null;
  const p = r.papers.find((x) => foldKey(x.title) === want) ?? r.papers[0];
  if (!p || !row.expect) {
    const why = Object.keys(r.skipped)[0] ?? r.warnings[0]?.message ?? 'nothing';
    return { line: exampleLine(row.input, null), as: `no paper (${cell(why)})` };
  }
  const names = p.authors.map((a) => a.name);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ');
  const as = [
    `**${cell(p.title)}**`,
    authors && `${cell(authors)}${p.authorsComplete ? '' : ' et al.'}`,
    p.year !== null && String(p.year),
    p.venue && cell(p.venue.name),
  ]
    .filter(Boolean)
    .join(' · ');
  return { line: exampleLine(row.input, row.format && row.format !== 'md' ? null : p.line), as };
}

/** The markdown table: one row per form, in the case file's order. */
export function renderEntryForms(yamlText: string): string {
  const rows = (parseYaml(yamlText) as FormRow[]).filter((r) => r.form);
  return [
    '| form | as written (the entry’s line) | read as | from |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => {
      const { line, as } = read(r);
      return `| ${r.form} | ${code(line)} | ${as} | ${cell(r.file)}${r.line ? `:${r.line}` : ''} |`;
    }),
  ].join('\n');
}
