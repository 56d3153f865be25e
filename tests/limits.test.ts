import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE } from '../src/graphql/pagination.js';
import { MAX_LIST_BYTES } from '../src/ingest/import-list.js';
import { LIMITS, limitTableMarkdown } from '../src/limits.js';

describe('the limits module', () => {
  it("is what the README's limits table shows, row for row", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(limitTableMarkdown());
  });

  it('is what the code enforces', () => {
    expect([MAX_PAGE, MAX_LIST_BYTES]).toEqual([LIMITS.pageSize, LIMITS.listBytes]);
  });
});
