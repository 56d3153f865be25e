import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { createApp } from '../../src/server/yoga.js';
import { TEST_KEY } from '../helpers/app.js';
import { post, serve } from '../helpers/http.js';
import { clearGraph, testDb } from '../helpers/neo4j.js';

// Each signal of related work on a small graph built here, all through HTTP.
let db: Db;
let http: Awaited<ReturnType<typeof serve>>;
const auth = { authorization: `Bearer ${TEST_KEY}` };
// biome-ignore lint/suspicious/noExplicitAny: answers are compared as plain JSON
const gql = async (query: string, variables: Record<string, unknown> = {}, headers = {}): Promise<any> => {
  const { body } = await post(http.url, query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data;
};

const W = (n: number) => `https://openalex.org/W${n}`;
const work = (n: number, title: string, refs: number[] = [], authors: string[] = [`Solo Author ${n}`]) => ({
  id: W(n),
  title,
  publication_year: 2020,
  authorships: authors.map((a) => ({ author: { display_name: a } })),
  referenced_works: refs.map(W),
});
const HUB = 99;
// The origin is 1. Every paper cites the hub 99; only the named links below say anything.
const works = [
  work(1, 'Adaptive regret bounds for online convex optimization', [10, 30, 31, HUB]),
  work(2, 'Regret bounds of adaptive online methods', [HUB]), // text
  work(3, 'Sharp minima of deep networks', [HUB]), // nothing in common
  work(10, 'A paper the origin cites', [HUB]), // cited by the origin
  work(11, 'A paper that cites the origin', [1, HUB]), // cites the origin
  work(20, 'Co-cited twice with the origin', [HUB]), // co-citation: 21 and 22 cite both 1 and 20
  work(21, 'First co-citing paper', [1, 20, HUB]),
  work(22, 'Second co-citing paper', [1, 20, HUB]),
  work(40, 'Coupled with the origin', [30, 31, HUB]), // coupling: cites 30 and 31 as the origin does
  work(30, 'First shared reference', [HUB]),
  work(31, 'Second shared reference', [HUB]),
  work(HUB, 'The classic everybody cites'),
];

const relatedOf = async (id: string, first = 20) =>
  (
    await gql(
      'query ($id: ID!, $first: Int) { relatedWork(paperId: $id, first: $first) { paper { id title } score reasons crossSection } }',
      { id, first },
    )
  ).relatedWork as Array<{ paper: { id: string; title: string }; score: number; reasons: string[] }>;
const idOf = async (n: number) =>
  (await db.read('MATCH (p:Paper {openAlexId: $oa}) RETURN p.id AS id', { oa: `W${n}` }))[0]?.id as string;

beforeAll(async () => {
  db = testDb();
  await clearGraph(db);
  await applyConstraints(db);
  http = await serve(createApp({ db, apiKeys: [TEST_KEY] }));
  const r = await gql(
    'mutation ($c: String!) { importPapers(content: $c, source: "signals", format: OPENALEX) { __typename } }',
    { c: JSON.stringify(works) },
    auth,
  );
  expect(r.importPapers.__typename).toBe('MutationImportPapersSuccess');
});
afterAll(async () => {
  await http.close();
  await db.close();
});

describe('related work signals', () => {
  it('finds each kind of relation with its reason and number', async () => {
    const rel = await relatedOf(await idOf(1));
    const reasonsOf = (title: string) => rel.find((r) => r.paper.title === title)?.reasons.join(' | ') ?? '';
    expect(reasonsOf('Regret bounds of adaptive online methods')).toMatch(
      /shares terms: .*(regret|adaptive|bounds).* \(\+\d/,
    );
    expect(reasonsOf('A paper the origin cites')).toMatch(/cited by this paper \(\+\d/);
    expect(reasonsOf('A paper that cites the origin')).toMatch(/cites this paper \(\+\d/);
    expect(reasonsOf('Co-cited twice with the origin')).toMatch(/co-cited by 2 paper\(s\) \(\+\d/);
    expect(reasonsOf('Coupled with the origin')).toMatch(/cites 3 of the same papers \(\+\d/);
    // The order follows the evidence: the same rare words first; two co-citations above one
    // coupling; sharing only the classic everybody cites last.
    const at = (title: string) => rel.findIndex((r) => r.paper.title === title);
    expect(at('Regret bounds of adaptive online methods')).toBe(0);
    expect(at('Co-cited twice with the origin')).toBeLessThan(at('Coupled with the origin'));
    expect(at('A paper the origin cites')).toBeLessThan(at('Coupled with the origin'));
    // Sharing only the classic everybody cites puts a paper last, and says why.
    expect(rel.at(-1)?.paper.title).toBe('Sharp minima of deep networks');
    expect(reasonsOf('Sharp minima of deep networks')).toMatch(/^cites 1 of the same papers \(\+0\.\d+\)$/);
  });

  it('ranks two shared reasons above one, and the scores are the sums of the reasons', async () => {
    const rel = await relatedOf(await idOf(1));
    for (const r of rel) {
      const sum = r.reasons.reduce((s, x) => s + Number(/\(\+([\d.]+)\)$/.exec(x)?.[1] ?? 0), 0);
      expect(sum).toBeCloseTo(r.score, 1);
    }
    const scores = rel.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('does not put a hub everybody cites at the top of every list', async () => {
    let hubFirst = 0;
    let lists = 0;
    for (const w of works.filter((x) => x.id !== W(HUB))) {
      const rel = await relatedOf(await idOf(Number(w.id.slice(22))), 5);
      if (!rel.length) continue;
      lists++;
      if (rel[0]?.paper.title === 'The classic everybody cites') hubFirst++;
    }
    expect(lists).toBeGreaterThan(8);
    expect(hubFirst).toBeLessThan(lists / 2);
  });

  it('draws a similarity map: edges only among its nodes, weighted; prior and derivative works', async () => {
    const g = (
      await gql(
        `query ($id: ID!) { relatedGraph(paperId: $id, size: 6) {
           nodes { id title year citedBy score } edges { source target weight }
           priorWorks { title count } derivativeWorks { title count } } }`,
        { id: await idOf(1) },
      )
    ).relatedGraph;
    expect(g.nodes.length).toBe(7);
    expect(g.nodes[0].score).toBeNull();
    const ids = new Set(g.nodes.map((n: { id: string }) => n.id));
    expect(g.edges.length).toBeGreaterThan(0);
    for (const e of g.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.weight).toBeGreaterThan(0);
    }
    const hub = g.nodes.find((n: { title: string }) => n.title === 'The classic everybody cites');
    if (!hub) expect(g.priorWorks[0]).toMatchObject({ title: 'The classic everybody cites' });
    else expect(hub.citedBy).toBe(works.length - 1);
  });
});

describe('crossSectionOnly', () => {
  it('never returns a paper of the same section', async () => {
    const md = `## A. Adaptive methods

- **Adaptive regret bounds for online learning**, *Ann Shared*, COLT 2015.
- **Adaptive step sizes with regret guarantees**, *Ann Shared*, COLT 2016.

## B. Dynamics

- **Regret bounds and the dynamics of adaptive methods**, *Ann Shared*, ICML 2019.
- **Edge of stability in adaptive optimizers**, *Bo Other*, ICML 2021.
`;
    await gql(
      'mutation ($c: String!) { importPapers(content: $c, source: "sections", format: MD) { __typename } }',
      { c: md },
      auth,
    );
    const [origin] = await db.read(
      "MATCH (p:Paper {title: 'Adaptive regret bounds for online learning'}) RETURN p.id AS id",
    );
    const all = await relatedOf(origin?.id as string);
    expect(all.map((r) => r.paper.title)).toContain('Adaptive step sizes with regret guarantees');
    const cross = (
      await gql(
        'query ($id: ID!) { relatedWork(paperId: $id, crossSectionOnly: true) { paper { title } crossSection reasons } }',
        {
          id: origin?.id,
        },
      )
    ).relatedWork;
    expect(cross.length).toBeGreaterThan(0);
    for (const r of cross) {
      expect(r.crossSection).toBe(true);
      expect(r.paper.title).not.toBe('Adaptive step sizes with regret guarantees');
    }
  });
});
