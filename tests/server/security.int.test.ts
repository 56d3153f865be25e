import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/yoga.js';
import { gqlFor, type SeededApp, seededApp, TEST_KEY } from '../helpers/app.js';
import { counts } from '../helpers/graph.js';

let s: SeededApp;
beforeAll(async () => {
  s = await seededApp({ production: true });
});
afterAll(async () => {
  await s.db.close();
});

const CREATE = 'mutation ($t: String!) { createPaper(input: { title: $t }) { __typename } }';

describe('who may write', () => {
  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: 'Bearer not-the-right-key-at-all' }],
    ['the key without "Bearer"', { authorization: TEST_KEY }],
    ['the key in another header', { 'x-api-key': TEST_KEY }],
    ['the key as a Basic credential', { authorization: `Basic ${TEST_KEY}` }],
  ])('refuses a write with %s, UNAUTHENTICATED, changing nothing', async (_what, headers) => {
    const before = await counts(s.db);
    const r = await s.gql(CREATE, { t: 'Should not exist' }, headers);
    // Refused before execution: a request error, with no data and status 401.
    expect(r.status).toBe(401);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counts(s.db)).toEqual(before);
  });

  it('lets the right key write', async () => {
    const r = await s.gql(CREATE, { t: 'Written with a key' }, { authorization: `Bearer ${TEST_KEY}` });
    expect(r.data.createPaper.__typename).toBe('MutationCreatePaperSuccess');
  });

  it('keeps reads public', async () => {
    const r = await s.gql('{ stats { nodes { name count } } }');
    expect(r.errors).toBeUndefined();
  });

  it('turns writes off when no keys are configured, and says so', async () => {
    const gql = gqlFor(createApp({ db: s.db, apiKeys: [], production: true }));
    const r = await gql(CREATE, { t: 'Nope' }, { authorization: `Bearer ${TEST_KEY}` });
    expect(r.errors?.[0]).toMatchObject({
      message: 'Writes are off: the server has no API_KEYS configured.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

/** Runs a query and returns its first error code and how many Cypher queries it caused. */
async function rejected(query: string, variables: Record<string, unknown> = {}) {
  const before = s.db.queryCount;
  const r = await s.gql(query, variables);
  return {
    code: r.errors?.[0]?.extensions?.code,
    codes: r.errors?.map((e) => e.extensions?.code),
    queries: s.db.queryCount - before,
    r,
  };
}

const deep = (levels: number) => {
  let q = '{ name }';
  for (let i = 0; i < levels; i++) q = `{ papers(first: 1) { edges { node { authors ${q} } } } }`;
  return `{ author(id: "author:philipp-hennig") ${q} }`;
};

describe('limits, enforced before anything runs', () => {
  it('rejects a depth-20 query', async () => {
    const r = await rejected(deep(5));
    expect(r.code).toBe('QUERY_TOO_DEEP');
    expect(r.queries).toBe(0);
  });

  it('rejects the depth bypass through an operation named __schema (GHSA-224p-v68g-5g8f)', async () => {
    const r = await rejected(deep(5).replace(/^\{/, 'query __schema {'));
    expect(r.code).toBe('QUERY_TOO_DEEP');
    expect(r.queries).toBe(0);
  });

  it('rejects the depth bypass through a fragment named __schema (GHSA-hmfr-rx46-4jx2)', async () => {
    const inner = deep(4).slice(1, -1).replace('author(id: "author:philipp-hennig")', '');
    const r = await rejected(
      `{ author(id: "author:philipp-hennig") { ...__schema } } fragment __schema on Author ${inner}`,
    );
    expect(r.code).toBe('QUERY_TOO_DEEP');
    expect(r.queries).toBe(0);
  });

  it('rejects 1,000 aliases', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { nodes { name } }`).join(' ');
    const r = await rejected(`{ ${fields} }`);
    expect(r.codes).toContain('TOO_MANY_ALIASES');
    expect(r.queries).toBe(0);
  });

  it('rejects first: 100000', async () => {
    const r = await rejected('{ papers(first: 100000) { totalCount edges { node { title } } } }');
    expect(r.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.queries).toBe(0);
  });

  it('rejects a page over 100 even when the query is cheap', async () => {
    const r = await rejected('{ papers(first: 101) { totalCount } }');
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.r.errors?.[0]?.message).toBe('first must be between 0 and 100; got 101.');
    expect(r.queries).toBe(0);
  });

  it('rejects a graph over 2,000 nodes and a path longer than 6', async () => {
    expect((await rejected('{ graph(limit: 5000) { truncated } }')).code).toBe('BAD_USER_INPUT');
    expect(
      (await rejected('{ collaborationPath(fromAuthorId: "a", toAuthorId: "b", maxLength: 7) { length } }'))
        .code,
    ).toBe('BAD_USER_INPUT');
  });

  it('rejects a 10 MB body with 413', async () => {
    const before = s.db.queryCount;
    const res = await s.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { nodes { name } } } # ${'x'.repeat(10 * 1024 * 1024)}` }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(s.db.queryCount).toBe(before);
  });

  it('serves the README and explorer queries within the limits', async () => {
    const r = await s.gql(`{
      paper(id: "paper:a-simple-convergence-proof-of-adam-and-adagrad") {
        title authors { name coAuthors(first: 10) { author { name } sharedPapers papers { title } } }
        related(first: 20) { score reasons paper { title authors { name } } }
      }
      papers(first: 50) { totalCount edges { node { title venue { name } topics { name } authors { name } } } }
    }`);
    expect(r.errors).toBeUndefined();
  });
});

describe('production mode', () => {
  it('keeps introspection on for the playground', async () => {
    const r = await s.gql('{ __schema { queryType { name } } }');
    expect(r.data.__schema.queryType.name).toBe('Query');
  });

  it('gives no field suggestions', async () => {
    const r = await s.gql('{ paperz { id } }');
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors and echoes a request id', async () => {
    const res = await s.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: JSON.stringify({ query: '{ stats { nodes { name } } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-123');
  });
});

describe('parameterised Cypher', () => {
  const hostile = [
    "'; MATCH (n) DETACH DELETE n //",
    '"}) DETACH DELETE n //',
    '`) DETACH DELETE n //',
    "\\' OR 1=1 --",
    '$title} RETURN 1 //',
    'Robert"); DROP INDEX paperAuthorSearch; //',
  ];

  it('stores hostile text from every string argument of createPaper literally', async () => {
    for (const [i, raw] of hostile.entries()) {
      // Names that differ only in punctuation are one author, venue or optimizer; keep them apart.
      const h = `${raw} v${i}`;
      const title = `${h} title`;
      const r = await s.gql(
        `mutation ($input: PaperInput!) { createPaper(input: $input) { __typename ... on MutationCreatePaperSuccess { data { id title authors { name } venue { name } notes links { label } optimizers { name } } } } }`,
        {
          input: {
            title,
            notes: [h],
            authors: [{ name: h }],
            venue: { name: h, kind: 'OTHER' },
            links: [{ label: h, url: `https://example.org/?q=${encodeURIComponent(h)}` }],
            optimizers: [{ name: h }],
          },
        },
        { authorization: `Bearer ${TEST_KEY}` },
      );
      expect(r.data.createPaper.__typename).toBe('MutationCreatePaperSuccess');
      const p = r.data.createPaper.data;
      expect([
        p.title,
        p.authors[0].name,
        p.venue.name,
        p.notes[0],
        p.links[0].label,
        p.optimizers[0].name,
      ]).toEqual([title, h, h, h, h, h]);
    }
    expect((await counts(s.db)).Paper).toBeGreaterThan(16);
  });

  it('treats hostile text in read arguments as data', async () => {
    for (const h of hostile) {
      const r = await s.gql(
        `query ($h: String!, $id: ID!) {
          search(query: $h) { score } papers(filter: { titleContains: $h, optimizer: $h, sectionCode: $h }) { totalCount }
          authors(filter: { nameContains: $h }) { totalCount } paper(id: $id) { id } section(code: $h) { id }
        }`,
        { h, id: h },
      );
      expect(r.errors).toBeUndefined();
    }
    expect((await counts(s.db)).Paper).toBeGreaterThan(16);
  });
});
