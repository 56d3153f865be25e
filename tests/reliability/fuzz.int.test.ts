import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { createApp } from '../../src/server/yoga.js';
import { gqlFor, type SeededApp, seededApp, TEST_KEY } from '../helpers/app.js';
import { counts } from '../helpers/graph.js';

let s: SeededApp;
let gql: ReturnType<typeof gqlFor>;
const auth = { authorization: `Bearer ${TEST_KEY}` };
beforeAll(async () => {
  s = await seededApp();
  gql = gqlFor(
    createApp({ db: s.db, apiKeys: [TEST_KEY], production: true, logger: createLogger('silent') }),
  );
});
afterAll(async () => {
  await s.db.close();
});

const hostile = fc.constantFrom(
  "'; MATCH (n) DETACH DELETE n //",
  '"}) DETACH DELETE n //',
  '\u0000\u0001',
  '\uFFFF\uD800',
  '   ',
  '$param',
  '{{}}',
  'x'.repeat(600),
  'javascript:alert(1)',
  'http://',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), hostile);

const paperInput = fc.record(
  {
    title: text,
    year: fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.constant(null)),
    arxivId: fc.oneof(text, fc.constant('2003.02395'), fc.constant(null)),
    notes: fc.array(text, { maxLength: 3 }),
    links: fc.array(fc.record({ label: text, url: fc.oneof(fc.webUrl(), text) }), { maxLength: 3 }),
    venue: fc.oneof(
      fc.constant(null),
      fc.record({ name: text, kind: fc.constantFrom('CONFERENCE', 'JOURNAL', 'OTHER') }),
    ),
    authors: fc.array(fc.record({ name: text }), { maxLength: 110 }),
    optimizers: fc.array(fc.record({ name: text }), { maxLength: 3 }),
    sectionIds: fc.array(fc.oneof(text, fc.constant('section:optimizer-papers-analysis/A.2')), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ['title'] },
);

const CREATE = `mutation ($input: PaperInput!) { createPaper(input: $input) {
  __typename ... on MutationCreatePaperSuccess { data { id authors { name } } } ... on Error { message } } }`;

describe('random and hostile input', () => {
  it('never gives a 500 or an unexpected error from createPaper, and a refused write writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(paperInput, async (input) => {
        const before = await counts(s.db);
        const r = await gql(CREATE, { input }, auth);
        expect(r.status).toBe(200);
        expect(r.errors).toBeUndefined();
        const result = r.data.createPaper;
        if (result.__typename === 'MutationCreatePaperSuccess') {
          const [row] = await s.db.read(
            'MATCH (p:Paper {id: $id}) RETURN COUNT { (p)<-[:AUTHORED]-() } AS authors',
            {
              id: result.data.id,
            },
          );
          expect(row?.authors).toBe(result.data.authors.length);
        } else {
          expect(['ValidationError', 'ConflictError']).toContain(result.__typename);
          expect(await counts(s.db)).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  }, 120_000);

  it('never gives a 500 from the importer, and a refused import writes nothing', async () => {
    const line = fc.oneof(
      text,
      text.map((t) => `## ${t}`),
      fc.tuple(text, text, text).map(([a, b, c]) => `* **${a}**，*${b}*，${c}`),
      fc.tuple(text, text).map(([a, b]) => `- ${a}. In *${b}*.`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), async (lines, strict) => {
        const before = await counts(s.db);
        const r = await gql(
          `mutation ($md: String!, $strict: Boolean) { importPaperList(markdown: $md, source: "fuzz", strict: $strict) {
            __typename ... on ValidationError { field } } }`,
          { md: lines.join('\n'), strict },
          auth,
        );
        expect(r.status).toBe(200);
        expect(r.errors).toBeUndefined();
        if (r.data.importPaperList.__typename === 'ValidationError')
          expect(await counts(s.db)).toEqual(before);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  }, 120_000);
});
