import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { runCli, startCli } from '../helpers/cli.js';
import { counts } from '../helpers/graph.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
});
afterAll(async () => {
  await db.close();
});

const SEEDED = [
  'seed/lists/analysis-section.md',
  'seed/lists/optimizer-papers-analysis.md',
  'seed/lists/optimizer-papers-optimizers.md',
];
const REAL = [
  'tests/fixtures/lists/real/awesome-deep-learning-papers.md',
  'tests/fixtures/lists/real/pytorch-optimizer-readme.md',
];
const ORDER = [...SEEDED, ...REAL].map((f) => basename(f));

/** Runs `npm run import -- …` against the test server through NEO4J_URI. */
const runImport = (...args: string[]) => runCli('src/cli/import.ts', args);

describe('npm run import', () => {
  it('imports the seed list in strict mode and prints a summary', async () => {
    const r = await runImport(
      'seed/lists/analysis-section.md',
      '--strict',
      '--source',
      'optimizer-papers-analysis',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'list "optimizer-papers-analysis", 6 sections',
        '  papers: 5 created · 0 updated · 0 moved · 0 removed · skipped: 4 (not a paper 4) · warnings: 0',
        '  entries:    5 read',
        // Every topic of the taxonomy is written: inference may name any of them.
        '  new nodes:  20 authors, 5 venues, 4 optimizers, 7 topics, 6 sections',
        '  warnings:   0',
        '',
      ].join('\n'),
    );
  });

  it('imports the fuller lists with zero warnings in strict mode', async () => {
    for (const f of [
      'seed/lists/optimizer-papers-analysis.md',
      'seed/lists/optimizer-papers-optimizers.md',
    ]) {
      const r = await runImport(f, '--strict');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('  warnings:   0\n');
    }
    expect((await counts(db)).Paper).toBe(16);
  });

  it('prints, on a dry run, entry by entry what a re-import would remove, and writes nothing', async () => {
    const before = await counts(db);
    // The seed's section file under the fuller list's own name: the list would then be that file.
    const r = await runImport(
      'seed/lists/analysis-section.md',
      '--dry-run',
      '--source',
      'optimizer-papers-analysis',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^DRY RUN \(nothing written\): list "optimizer-papers-analysis"/);
    expect(r.stdout).toContain('0 created · 5 updated · 0 moved · 4 removed (4 left the graph)');
    const removed = r.stdout.split('\n').filter((l) => l.startsWith('    - '));
    expect(removed).toHaveLength(4);
    expect(removed.every((l) => l.endsWith('(leaves the graph)'))).toBe(true);
    expect(await counts(db)).toEqual(before);
    // Only adding, nothing would go.
    const kept = await runImport(
      'seed/lists/analysis-section.md',
      '--dry-run',
      '--keep',
      '--source',
      'optimizer-papers-analysis',
    );
    expect(kept.stdout).toContain('0 created · 5 updated · 0 moved · 0 removed (--keep)');
  });

  it('reports line-numbered warnings for a style it has never seen, and fails in strict mode', async () => {
    const lenient = await runImport('tests/fixtures/lists/unreadable.md', '--dry-run');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(
      /warnings: {3}2\n {4}line 5: looks like a paper entry.*\n {4}line 6: looks like a paper entry/,
    );
    const before = await counts(db);
    const strict = await runImport('tests/fixtures/lists/unreadable.md', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'import: 2 line(s) could not be read (strict mode, nothing written):\n  line 5:',
    );
    expect(await counts(db)).toEqual(before);
  });

  it('imports every real list in strict mode with no warning, and a second import changes no counts', async () => {
    await clearGraph(db);
    // The files CI lays beside the clone, when there; the copies in the fixtures otherwise.
    const shared = ['../shared/seeds', '../shared/lists'].flatMap((d) =>
      existsSync(d)
        ? readdirSync(d)
            .filter((f) => f.endsWith('.md'))
            .map((f) => join(d, f))
        : [],
    );
    const files = shared.length ? shared : [...SEEDED, ...REAL];
    // Papers each known file creates and updates when imported in this order into an empty graph.
    const expected: Record<string, string> = {
      'analysis-section.md': '5 created · 0 updated',
      'awesome-deep-learning-papers.md': '221 created · 1 updated',
      'optimizer-papers-analysis.md': '4 created · 5 updated',
      'optimizer-papers-optimizers.md': '7 created · 0 updated',
      'pytorch-optimizer-readme.md': '119 created · 7 updated', // 126 papers: six rows that link only to code or a post are not papers
    };
    const ordered = files.sort((a, b) => ORDER.indexOf(basename(a)) - ORDER.indexOf(basename(b)));
    for (const f of ordered) {
      const r = await runImport(f, '--strict');
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stdout, f).toMatch(/· warnings: 0\n/);
      const papers = /papers: (\d+ created · \d+ updated)/.exec(r.stdout)?.[1];
      if (expected[basename(f)]) expect(papers, f).toBe(expected[basename(f)]);
      else expect(Number(papers?.split(' ')[0]), f).toBeGreaterThan(0);
    }
    const once = await counts(db);
    for (const f of ordered) expect((await runImport(f, '--strict')).code).toBe(0);
    expect(await counts(db)).toEqual(once);
  });

  it('with --watch, imports a file again when it changes, until interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'));
    const file = join(dir, 'watched.md');
    const entries = [
      '- **Adam: A Method for Stochastic Optimization**, Diederik P. Kingma, Jimmy Ba, ICLR 2015',
      '- **Decoupled Weight Decay Regularization**, Ilya Loshchilov, Frank Hutter, ICLR 2019',
    ];
    writeFileSync(file, `## Adaptive\n\n${entries.join('\n')}\n`);
    const run = startCli('src/cli/import.ts', [file, '--watch']);
    const { out } = run;
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(ok(), `stdout: ${out.stdout}\nstderr: ${out.stderr}`).toBe(true);
    };
    try {
      await until(() => out.stderr.includes('Watching'));
      expect(out.stdout).toContain('list "watched", 1 sections');
      const stated = async () =>
        (
          await db.read(
            "MATCH (:List {id: 'list:watched'})<-[:STATED_IN]-(p:Paper) RETURN p.title AS t ORDER BY t",
          )
        ).map((r) => r.t);
      expect(await stated()).toEqual([
        'Adam: A Method for Stochastic Optimization',
        'Decoupled Weight Decay Regularization',
      ]);
      writeFileSync(file, `## Adaptive\n\n${entries[0]}\n`);
      await until(() => out.stdout.includes('· 1 removed'));
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(await stated()).toEqual(['Adam: A Method for Stochastic Optimization']);
    } finally {
      run.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so, and fails, when nothing in a file looks like a paper entry', async () => {
    const before = await counts(db);
    const r = await runImport('tests/fixtures/lists/no-papers.md', '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^import: Nothing in this file looks like a paper entry, so nothing was written\. .*; it skipped \d+ \(/,
    );
    expect(await counts(db)).toEqual(before);
  });

  it('imports several files of different formats in one command, gzipped JSON Lines included', async () => {
    const r = await runImport(
      'tests/fixtures/works/library.bib',
      'tests/fixtures/works/openalex-works.jsonl.gz',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('source "library"\n  papers: ');
    expect(r.stdout).toContain('source "openalex-works"\n  papers: ');
    expect(r.stdout).toContain('line 2: skipped: not valid JSON');
    const forced = await runImport('tests/fixtures/works/zotero.json', '--format', 'bib', '--dry-run');
    // Forced to read CSL-JSON as BibTeX, it finds no entry and says so.
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain(
      'import: No BibTeX record with a title was found, so nothing was written',
    );
  });

  it('says a transaction outlasted QUERY_TIMEOUT_MS, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-timeout-'));
    try {
      const file = join(dir, 'library.bib');
      const entry = (i: number) =>
        `@article{k${i},\n  title = {Adaptive step sizes number ${i} for training deep networks},\n  author = {Ada Writer${i % 37} and Ben Coauthor${i}},\n  journal = {Journal of Machine Learning Research},\n  year = {${2000 + (i % 25)}}\n}\n`;
      writeFileSync(file, Array.from({ length: 600 }, (_, i) => entry(i)).join(''));
      const before = await counts(db);
      const r = await runCli('src/cli/import.ts', [file], { QUERY_TIMEOUT_MS: '100' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'import: a transaction ran past the 0.1 s transaction timeout and was rolled back, so it wrote nothing; QUERY_TIMEOUT_MS raises the timeout.',
      );
      expect(await counts(db)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a missing file and bad arguments', async () => {
    const missing = await runImport('no/such/file.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('import: cannot read no/such/file.md: ENOENT');
    const noFile = await runImport('--strict');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('import: expected at least one file\nusage: npm run import');
    const badFormat = await runImport('x.bib', '--format', 'ris');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('import: --format must be one of md, bib, csl, openalex, not "ris"');
  });
});
