import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { foldKey } from '../../src/domain/normalize.js';
import { parseWorks } from '../../src/ingest/formats.js';
import { parseList } from '../../src/ingest/parse-list.js';
import type { ParsedList } from '../../src/ingest/records.js';

// The golden case file: entries copied from real files (each row names its file and line), with
// the fields a person reads in them, or why they are no paper. Every row is checked and every
// failing row is reported, so one failure never hides the rest. A new style is a new row.
const rowSchema = z.object({
  file: z.string(),
  /** The form of entry this row shows, for the table of forms (docs/entry-forms.md). */
  form: z.string().optional(),
  line: z.number().int().optional(),
  format: z.enum(['md', 'bib', 'csl']).default('md'),
  input: z.string().min(1),
  expect: z
    .object({
      title: z.string(),
      authors: z.array(z.string()).optional(),
      etAl: z.boolean().optional(),
      year: z.number().int().optional(),
      venue: z.string().optional(),
    })
    .optional(),
  /** No paper: the reason the parser gives for skipping it ("navigation", "not a paper", …), or any. */
  skip: z.string().optional(),
});
type Row = z.infer<typeof rowSchema>;

const ROWS = z
  .array(rowSchema)
  .parse(parseYaml(readFileSync('tests/ingest/cases/entries.yaml', 'utf8'))) as Row[];

const surname = (n: string) => foldKey(n).split(' ').at(-1) ?? '';

function parse(row: Row): ParsedList {
  if (row.format === 'md') return parseList(row.input);
  return parseWorks(row.input, row.format);
}

/** What is wrong with one row's parse, or null. */
function check(row: Row): string | null {
  const r = parse(row);
  if (row.skip !== undefined) {
    if (r.papers.length) return `expected no paper, read "${r.papers[0]?.title}"`;
    if (row.skip && !(r.skipped[row.skip] ?? 0))
      return `expected skip "${row.skip}", got ${JSON.stringify(r.skipped)}`;
    return null;
  }
  const want = row.expect;
  if (!want) return 'a row needs expect or skip';
  const p = r.papers.find((x) => foldKey(x.title) === foldKey(want.title)) ?? r.papers[0];
  if (!p)
    return `no paper read (skipped ${JSON.stringify(r.skipped)}, warnings ${r.warnings.map((w) => w.message).join('; ')})`;
  const problems: string[] = [];
  if (foldKey(p.title) !== foldKey(want.title)) problems.push(`title "${p.title}"`);
  if (want.authors) {
    const read = p.authors.map((a) => a.name);
    if (
      read.length !== want.authors.length ||
      want.authors.some((n, i) => surname(n) !== surname(read[i] ?? ''))
    )
      problems.push(`authors ${JSON.stringify(read)}`);
  }
  if (want.etAl !== undefined && p.authorsComplete === want.etAl)
    problems.push(`authorsComplete ${p.authorsComplete}`);
  if (want.year !== undefined && (p.year === null || Math.abs(p.year - want.year) > 1))
    problems.push(`year ${p.year}`);
  if (want.venue !== undefined && !foldKey(p.venueText ?? p.venue?.name ?? '').includes(foldKey(want.venue)))
    problems.push(`venue "${p.venueText}"`);
  return problems.length ? problems.join(', ') : null;
}

describe('the golden case file', () => {
  it('has at least 150 rows from at least 20 real files, negatives among them', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ROWS.map((r) => r.file)).size).toBeGreaterThanOrEqual(20);
    expect(ROWS.filter((r) => r.skip !== undefined).length).toBeGreaterThanOrEqual(10);
  });

  // Every row through the parser in one test: a few seconds on a loaded machine, so a longer timeout.
  it('reads every row as its expectation says (all failing rows listed)', { timeout: 60_000 }, () => {
    const failures = ROWS.flatMap((row) => {
      const why = check(row);
      return why
        ? [`${row.file}:${row.line ?? '?'} ${row.expect?.title ?? `(skip ${row.skip})`}: ${why}`]
        : [];
    });
    expect(failures).toEqual([]);
  });
});
