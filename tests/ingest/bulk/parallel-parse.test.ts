import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { plannedBatches } from '../../../src/ingest/bulk/parallel-parse.js';
import type { PlannedBatch } from '../../../src/ingest/bulk/plan-lines.js';
import { loadTaxonomy } from '../../../src/ingest/taxonomy.js';

const dir = mkdtempSync(join(tmpdir(), 'parallel-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const works = readFileSync(new URL('../../fixtures/works/openalex-works.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
// 41 lines: the fixture's four lines (one not JSON, one without a title) ten times over, and one more
// line that is not JSON at line 22.
const lines = Array.from({ length: 10 }, (_, k) =>
  // Each copy its own works (ids, DOIs, titles), so none is one work read twice.
  works.map((l) =>
    l
      .replace(/openalex\.org\/W(\d+)/g, `openalex.org/W$1${k}`)
      .replace(/doi\.org\/10\./g, `doi.org/10.${k}`)
      .replace(/"title": "/g, `"title": "${k} `),
  ),
).flat();
lines.splice(21, 0, '{not json');
const file = join(dir, 'works.jsonl.gz');
writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));

async function collect(path: string, threads: number): Promise<PlannedBatch[]> {
  const out: PlannedBatch[] = [];
  for await (const b of plannedBatches(path, 'works.jsonl.gz', loadTaxonomy(), { threads, batch: 3 }))
    out.push(b);
  return out;
}

describe('plannedBatches', () => {
  it('plans the same rows, terms and warnings in file order on worker threads as on this one', async () => {
    const here = await collect(file, 0);
    const threaded = await collect(file, 2);
    expect(threaded.map((b) => b.id)).toEqual(Array.from({ length: 14 }, (_, i) => i));
    expect(threaded).toEqual(here);
    expect(here.reduce((n, b) => n + b.entries, 0)).toBe(41);
    const titled = lines.flatMap((l) => {
      try {
        const work = JSON.parse(l) as { title?: unknown; display_name?: unknown };
        const title = work.title ?? work.display_name;
        return typeof title === 'string' ? [title] : [];
      } catch {
        return [];
      }
    });
    expect(here.flatMap((b) => b.rows.map((r) => r.title))).toEqual(titled);
    // Warnings keep the file's line numbers, not the batch's: the broken line 2 of each copy (39 is the last's), and line 22.
    const warned = new Set(here.flatMap((b) => b.warnings.map((w) => w.line)));
    expect(warned).toContain(22);
    expect(warned).toContain(2);
    expect(warned).toContain(39);
    expect(here.some((b) => b.rows.some((r) => r.inferred.length > 0))).toBe(true);
  });

  it('names the line it reached when the file cannot be read further', async () => {
    const cut = join(dir, 'cut.jsonl.gz');
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, whole.length - 40));
    await expect(collect(cut, 2)).rejects.toThrow(/^near line \d+: /);
  });
});
