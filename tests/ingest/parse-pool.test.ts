import { afterEach, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/ingest/parse-pool.js';

const LIST =
  '## A. Adaptive methods\n\n* **Adam: A Method for Stochastic Optimization**, *Diederik P. Kingma, Jimmy Ba*, ICLR 2015\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
});

describe('the import worker pool', () => {
  it('reads a document on its thread, ends the thread once idle, and starts another for the next import', async () => {
    pool = new ParsePool(10_000, 200);
    const first = await pool.parse({ text: LIST, source: 'pool-test' });
    expect(first.doc.parsed.papers.map((p) => p.title)).toEqual([
      'Adam: A Method for Stochastic Optimization',
    ]);
    expect(pool.running).toBe(true);
    await sleep(600);
    expect(pool.running).toBe(false);
    const again = await pool.parse({ text: LIST, source: 'pool-test' });
    expect(again.rows.papers).toHaveLength(1);
  }, 30_000);

  it('keeps the thread while imports follow each other within the idle time', async () => {
    pool = new ParsePool(10_000, 1_000);
    await pool.parse({ text: LIST, source: 'pool-test' });
    await sleep(300);
    await pool.parse({ text: LIST, source: 'pool-test' });
    await sleep(800);
    // 1.1 s after the first import, but 0.8 s after the second: still running.
    expect(pool.running).toBe(true);
  }, 30_000);

  it('starts no thread until the first import, and none after a close that came while one was starting', async () => {
    pool = new ParsePool(10_000, 1_000);
    expect(pool.running).toBe(false);
    const starting = pool.warm();
    await pool.close();
    await expect(starting).rejects.toThrow(/closed|ended/);
    await sleep(300);
    expect(pool.running).toBe(false);
    // A closed pool still serves a later job with a fresh thread.
    const again = await pool.parse({ text: LIST, source: 'pool-test' });
    expect(again.rows.papers).toHaveLength(1);
  }, 30_000);
});
