import { graphql } from 'graphql';
import { createPubSub } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { Db, Params, Row } from '../../src/db/driver.js';
import { coAuthorsOf } from '../../src/db/read/co-authors.js';
import { coCitedOf } from '../../src/db/read/co-citation.js';
import type { NodeType } from '../../src/db/schema/model.js';
import { nodesByIds, paperCounts, papersOf, relatedNodesBatch } from '../../src/db/selection/nodes.js';
import {
  PAPER_SOURCES,
  type PaperSource,
  RELATIONS,
  type Relation,
} from '../../src/db/selection/relations.js';
import { createContext, type GraphPubSub } from '../../src/graphql/context.js';
import { schema } from '../../src/graphql/schema.js';
import { ParsePool } from '../../src/ingest/parse-pool.js';
import { renderCalls } from '../helpers/cypher-format.js';

// In the style of neo4j/graphql's TCK: a selection in, the exact Cypher and parameters out, with
// no database. The recorder answers every query with no rows, so each root shows the one query its
// look-ahead compiles; the loaders are called directly. Each case's queries are a file of their own
// in __cypher__/, one clause a line: a change to query generation shows there as a readable diff
// before any server starts (vitest -u rewrites them after a deliberate change).

interface Call {
  cypher: string;
  params: Params;
}

/** A Db that records what it is asked and finds nothing (a batch by ids gets one empty row per id). */
function recorder(): { db: Db; calls: Call[] } {
  const calls: Call[] = [];
  const record = async (cypher: string, params: Params = {}): Promise<Row[]> => {
    calls.push({ cypher: cypher.replace(/\s+/g, ' ').trim(), params });
    return Array.isArray(params.ids) ? params.ids.map(() => ({ n: null })) : [];
  };
  const db = {
    queryCount: 0,
    read: record,
    write: record,
    writeTransaction: async <T>(work: (run: typeof record) => Promise<T>) => work(record),
    unavailableReason: () => null,
    ping: async () => true,
  } as unknown as Db;
  return { db, calls };
}

/** Compares the case's queries with its file in __cypher__/, named after the test. */
async function matchesCypher(calls: Call[]): Promise<void> {
  const name = (expect.getState().currentTestName ?? 'query')
    .split(' > ')
    .at(-1)
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  await expect(renderCalls(calls)).toMatchFileSnapshot(`__cypher__/${name}.cypher`);
}

async function cypherOf(query: string): Promise<Call[]> {
  const { db, calls } = recorder();
  const contextValue = createContext(
    { db, pubsub: createPubSub() as GraphPubSub, writesEnabled: false, parsePool: new ParsePool() },
    { canWrite: false, requestId: 'snapshot' },
  );
  const r = await graphql({ schema, source: query, contextValue });
  expect(r.errors ?? []).toEqual([]);
  return calls;
}

const PAPER =
  'id title year venue { name kind } authors { name } sections { code } topics { name } optimizers { name }';

describe('Cypher generated for the roots that look ahead', () => {
  it.each([
    ['papers, with every relation below', `{ papers(first: 2) { totalCount edges { node { ${PAPER} } } } }`],
    [
      'papers, filtered and sorted by title',
      '{ papers(first: 5, orderBy: TITLE_ASC, filter: { venueKind: CONFERENCE, yearFrom: 2018, optimizer: "adam" }) { edges { node { title } } } }',
    ],
    [
      'papers, through Relay fragments on Node',
      '{ papers(first: 2) { edges { node { ... on Node { id ... on Paper { title authors { ...A } } } } } } } fragment A on Node { id ... on Author { name } }',
    ],
    ['paper by id, only its own fields (the loader)', '{ paper(id: "paper:x") { id title } }'],
    [
      'papers with citations both ways and sources, filtered by DOI and a cited paper',
      '{ papers(first: 2, filter: { hasDoi: true, cites: "paper:y" }) { edges { node { doi abstract sources { name format } references(first: 3) { totalCount edges { node { title } } } citedBy(first: 2) { totalCount } } } } }',
    ],
    [
      'papers with BibTeX: its authors and venue read in the same query',
      '{ papers(first: 2) { edges { node { bibtex } } } }',
    ],
    ['paper by id, with nested relations', `{ paper(id: "paper:x") { ${PAPER} } }`],
    [
      'papers of a source, and of a section of it',
      '{ a: papers(first: 3, filter: { listId: "list:x" }) { totalCount } b: papers(first: 3, filter: { listId: "list:x", sectionCode: "A.1" }) { totalCount } }',
    ],
    [
      "paper by id, with a page of each source's papers by title",
      '{ paper(id: "paper:x") { sources { name format importedAt entryCount papers(first: 2, orderBy: TITLE_ASC) { totalCount edges { node { title } } } } } }',
    ],
    [
      'author by id, with co-authors, venues and a page of papers',
      '{ author(id: "author:x") { name coAuthors(first: 3) { author { name } sharedPapers papers { title } } venues { name } papers(first: 4) { totalCount edges { node { title venue { name } } } } } }',
    ],
    [
      'paper by id, with references, citing papers and co-cited papers (Q6)',
      '{ paper(id: "paper:x") { id title references(first: 20) { totalCount edges { node { id title year } } } citedBy(first: 20) { totalCount edges { node { id title year } } } coCited(first: 10) { count paper { id title year } } } }',
    ],
    [
      'venue by id, with its papers and their authors',
      '{ venue(id: "venue:x") { name papers(first: 3) { edges { node { title authors { name } } } } } }',
    ],
    [
      'topic by id, with sections and papers',
      '{ topic(id: "topic:x") { name sections { code } papers(first: 2) { edges { node { title } } } } }',
    ],
    [
      'optimizer by id, with papers',
      '{ optimizer(id: "optimizer:x") { name papers(first: 2) { edges { node { title year } } } } }',
    ],
  ])('%s', async (_name, query) => {
    await matchesCypher(await cypherOf(query));
  });
});

describe('Cypher generated by the batch loaders', () => {
  it.each(['Paper', 'Author', 'Venue', 'Topic', 'Section', 'Optimizer', 'List'] as NodeType[])(
    'nodes by id: %s',
    async (label) => {
      const { db, calls } = recorder();
      await nodesByIds(db, label, [`${label.toLowerCase()}:a`, `${label.toLowerCase()}:b`]);
      await matchesCypher(calls);
    },
  );

  it('related nodes: every relation of the catalogue, in one round trip', async () => {
    const { db, calls } = recorder();
    const relations = Object.keys(RELATIONS) as Relation[];
    await relatedNodesBatch(
      db,
      relations.map((relation, i) => ({ relation, key: `key:${i}` })),
    );
    expect(calls).toHaveLength(1);
    await matchesCypher(calls);
  });

  it('co-authors of many authors, co-cited papers of many papers, and paper counts of many topics', async () => {
    const { db, calls } = recorder();
    await coAuthorsOf(db, ['author:a', 'author:b', 'author:a'], 5);
    await coCitedOf(db, ['paper:a', 'paper:b'], 10);
    await paperCounts(db, 'topic', ['topic:a', 'topic:b']);
    await matchesCypher(calls);
  });

  it.each(Object.keys(PAPER_SOURCES) as PaperSource[])('pages of papers: %s', async (source) => {
    const { db, calls } = recorder();
    await papersOf(db, source, ['k:1', 'k:2'], 10, 5);
    await matchesCypher(calls);
  });

  it('pages of papers in the order a connection asks: a source by title', async () => {
    const { db, calls } = recorder();
    await papersOf(db, 'list', ['list:a', 'list:b'], 0, 3, 'TITLE_ASC');
    await matchesCypher(calls);
  });

  it('paper counts of many sources', async () => {
    const { db, calls } = recorder();
    await paperCounts(db, 'list', ['list:a', 'list:b', 'list:a']);
    await matchesCypher(calls);
  });
});
