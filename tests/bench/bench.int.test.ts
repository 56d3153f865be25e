import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAND_WRITTEN, QUESTIONS, runBench, SYSTEMS } from '../../bench/bench.js';
import type { SystemId } from '../../bench/systems.js';
import { neo4jTarget } from '../helpers/neo4j.js';

describe('npm run bench (smoke, N = 200)', () => {
  it('asks every question of all three systems, without errors, and writes the results', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    // A previous run's file: its generated part is replaced, its hand-written sections kept.
    writeFileSync(
      join(outDir, 'RESULTS.md'),
      `# Old table\n\n${HAND_WRITTEN}\n\n## Why a target was missed\n`,
    );
    const systems = Object.keys(SYSTEMS) as SystemId[];
    const r = await runBench({
      sizes: [200],
      seconds: 0.5,
      warmup: 0.2,
      connections: 2,
      checks: 2,
      seed: 5,
      systems,
      questions: QUESTIONS,
      outDir,
      command: 'smoke test',
      neo4j: neo4jTarget(),
    });
    const [size] = r.sizes;
    expect(size?.load.papers).toBe(200);
    expect(size?.floor?.papers).toBe(200);
    expect(size?.runs).toHaveLength(QUESTIONS.length * systems.length);
    for (const run of size?.runs ?? []) {
      expect(run.errors, `${run.system} ${run.question}`).toBe(0);
      expect(run.requests, `${run.system} ${run.question}`).toBeGreaterThan(0);
      expect(run.p50).toBeGreaterThan(0);
    }
    // This API keeps to one Cypher round trip per level of nesting, whatever the question.
    for (const q of QUESTIONS) {
      const api = size?.runs.find((x) => x.system === 'api' && x.question === q.id);
      expect(api?.roundTrips, q.id).toBeGreaterThan(0);
      expect(api?.roundTrips, q.id).toBeLessThanOrEqual(q.nesting);
    }
    for (const id of systems) expect(size?.peakRssMb[id]).toBeGreaterThan(20);
    expect(JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8'))).toEqual(r);
    const md = readFileSync(join(outDir, 'RESULTS.md'), 'utf8');
    expect(md).toContain('| target | result | numbers |');
    expect(md).toMatch(/hand-written UNWIND … MERGE floor for the same rows: [\d.]+ s, \d+ papers\/s/);
    expect(md).not.toContain('# Old table');
    expect(md).toMatch(/\| target \| result[\s\S]*## Why a target was missed\n$/);
    for (const q of QUESTIONS)
      for (const id of systems) expect(md).toContain(`| ${q.id} | ${SYSTEMS[id].name} |`);
  }, 180_000);
});

describe('npm run bench through the bulk path (smoke, N = 2,000)', () => {
  it('bulk-loads the corpus into its own managed Neo4j and answers Q1–Q6 on all three systems without errors', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-bulk-'));
    const systems = Object.keys(SYSTEMS) as SystemId[];
    const r = await runBench({
      sizes: [2000],
      bulkFrom: 2000,
      dataDir: join(outDir, 'neo4j'),
      seconds: 0.5,
      warmup: 0.2,
      connections: 2,
      checks: 2,
      seed: 3,
      systems,
      questions: QUESTIONS,
      outDir,
      command: 'smoke test (bulk)',
    });
    const [size] = r.sizes;
    expect(size?.load.path).toBe('bulk');
    expect(size?.load.papers).toBe(2000);
    expect(size?.load.citations).toBeGreaterThan(10_000);
    expect(size?.runs).toHaveLength(QUESTIONS.length * systems.length);
    for (const run of size?.runs ?? []) {
      expect(run.errors, `${run.system} ${run.question}`).toBe(0);
      expect(run.requests, `${run.system} ${run.question}`).toBeGreaterThan(0);
    }
    expect(readFileSync(join(outDir, 'RESULTS.md'), 'utf8')).toContain(
      'Bulk load (neo4j-admin import, end to end)',
    );
  }, 300_000);
});
