/**
 * The six benchmark questions, each asked three ways: a GraphQL document for this API, the
 * closest honest GraphQL document for @neo4j/graphql (type definitions in
 * systems/neo4j-graphql.graphql), and one hand-written Cypher query (the floor). Every way
 * returns the same fields: ids, names, titles and years.
 */
import { RELATED_WORK_CYPHER, relatedWorkParams } from '../src/db/read/related-work.js';

export type QuestionId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6';

/** Entities the questions are asked about, chosen from the loaded corpus (see picks.ts). */
export interface Picks {
  authorIds: string[];
  paperIds: string[];
  /** Papers cited by others (Q6), at every size the same kind: among the most cited. */
  citedPaperIds: string[];
  topicIds: [string, string];
}

export interface Question {
  id: QuestionId;
  title: string;
  /** Levels of related data the question reads (the round-trip budget for this API). */
  nesting: number;
  ours: { query: string; variables: (p: Picks, i: number) => Record<string, unknown> };
  neo4jGraphql: {
    query: string;
    variables: (p: Picks, i: number) => Record<string, unknown>;
    /** How the @neo4j/graphql version differs, when it is not a plain generated query. */
    note?: string;
  };
  cypher: { statement: string; params: (p: Picks, i: number) => Record<string, unknown> };
}

const at = <T>(xs: T[], i: number): T => xs[i % xs.length] as T;

export const QUESTIONS: Question[] = [
  {
    id: 'Q1',
    title: 'a page of 50 papers (newest first) with ordered authors, venue and topics',
    nesting: 2,
    ours: {
      query: `query Q1 { papers(first: 50) { edges { node {
        id title year venue { id name } topics { id name } authors { id name } } } } }`,
      variables: () => ({}),
    },
    neo4jGraphql: {
      query: `query Q1 { papers(limit: 50, sort: [{ year: DESC }, { title: ASC }]) {
        id title year venue { id name } topics { id name }
        authorsConnection(sort: [{ edge: { position: ASC } }]) { edges { node { id name } } } } }`,
      variables: () => ({}),
    },
    cypher: {
      // Newest first through the paper_newest index (year descending, then title), as the API reads it.
      statement: `MATCH (p:Paper) WHERE p.newest IS NOT NULL WITH p ORDER BY p.newest LIMIT 50
        RETURN p {.id, .title, .year,
          venue: head([(p)-[:PUBLISHED_IN]->(v:Venue) | v {.id, .name}]),
          topics: [(p)-[:ABOUT]->(t:Topic) | t {.id, .name}],
          authors: COLLECT { MATCH (p)<-[r:AUTHORED]-(a:Author) WITH a, r ORDER BY r.position RETURN a {.id, .name} }
        } AS paper`,
      params: () => ({}),
    },
  },
  {
    id: 'Q2',
    title:
      "an author, their 10 strongest co-authors (shared-paper counts) and each co-author's 10 newest papers",
    nesting: 3,
    ours: {
      query: `query Q2($id: ID!) { author(id: $id) { id name coAuthors(first: 10) {
        sharedPapers author { id name papers(first: 10) { edges { node { id title year } } } } } } }`,
      variables: (p, i) => ({ id: at(p.authorIds, i) }),
    },
    neo4jGraphql: {
      query: `query Q2($id: ID!) { authors(where: { id: { eq: $id } }) { id name coAuthors(first: 10) {
        id name sharedPapersWith(authorId: $id) papers(limit: 10, sort: [{ year: DESC }, { title: ASC }]) { id title year } } } }`,
      variables: (p, i) => ({ id: at(p.authorIds, i) }),
      note: 'co-authors and shared counts are @cypher fields (the generated API has no aggregation across two hops)',
    },
    cypher: {
      statement: `MATCH (a:Author {id: $id})
        CALL (a) {
          MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author) WHERE c <> a
          WITH c, count(p) AS shared ORDER BY shared DESC, c.name LIMIT 10
          RETURN collect(c {.id, .name, sharedPapers: shared,
            papers: COLLECT { MATCH (c)-[:AUTHORED]->(q:Paper) WITH q ORDER BY q.newest LIMIT 10 RETURN q {.id, .title, .year} }
          }) AS coAuthors
        }
        RETURN a {.id, .name, coAuthors: coAuthors} AS author`,
      params: (p, i) => ({ id: at(p.authorIds, i) }),
    },
  },
  {
    id: 'Q3',
    title: 'the overlap of two topics: both counts, and the 20 newest papers about both',
    nesting: 2,
    ours: {
      query: `query Q3($a: ID!, $b: ID!) { topicOverlap(topicIds: [$a, $b], first: 20) {
        paperCount unionCount jaccard papers { id title year } } }`,
      variables: (p) => ({ a: p.topicIds[0], b: p.topicIds[1] }),
    },
    neo4jGraphql: {
      query: `query Q3($a: ID!, $b: ID!) {
        both: papersConnection(first: 20, sort: [{ year: DESC }, { title: ASC }],
          where: { AND: [{ topics: { some: { id: { eq: $a } } } }, { topics: { some: { id: { eq: $b } } } }] }) {
          totalCount edges { node { id title year } } }
        either: papersConnection(
          where: { OR: [{ topics: { some: { id: { eq: $a } } } }, { topics: { some: { id: { eq: $b } } } }] }) {
          totalCount } }`,
      variables: (p) => ({ a: p.topicIds[0], b: p.topicIds[1] }),
      note: 'two generated connections (both / either); Jaccard is left to the client',
    },
    cypher: {
      statement: `MATCH (t1:Topic {id: $a}), (t2:Topic {id: $b})
        CALL (t1, t2) { MATCH (t1)<-[:ABOUT]-(p:Paper)-[:ABOUT]->(t2) RETURN count(p) AS both }
        WITH t1, t2, both, COUNT { (t1)<-[:ABOUT]-() } + COUNT { (t2)<-[:ABOUT]-() } - both AS either
        RETURN both AS paperCount, either AS unionCount,
          CASE either WHEN 0 THEN 0.0 ELSE toFloat(both) / either END AS jaccard,
          COLLECT { MATCH (t1)<-[:ABOUT]-(p:Paper)-[:ABOUT]->(t2) WITH p ORDER BY p.newest LIMIT 20
                    RETURN p {.id, .title, .year} } AS papers`,
      params: (p) => ({ a: p.topicIds[0], b: p.topicIds[1] }),
    },
  },
  {
    id: 'Q4',
    title: 'related work for a paper (top 20, scored)',
    nesting: 2,
    ours: {
      query: `query Q4($id: ID!) { relatedWork(paperId: $id, first: 20) {
        score crossSection reasons paper { id title year } } }`,
      variables: (p, i) => ({ id: at(p.paperIds, i) }),
    },
    neo4jGraphql: {
      query: `query Q4($id: ID!) { papers(where: { id: { eq: $id } }) { id related(first: 20) { id title year } } }`,
      variables: (p, i) => ({ id: at(p.paperIds, i) }),
      note: 'a @cypher field with the same scoring query; returns the ranked papers without scores and reasons',
    },
    cypher: {
      // The API's own scoring query: the floor is what that one statement costs over the driver.
      statement: RELATED_WORK_CYPHER,
      params: (p, i) => relatedWorkParams(at(p.paperIds, i), 20, false),
    },
  },
  {
    id: 'Q5',
    title: 'the depth-2 neighbourhood of an author, at most 500 nodes, with the edges among them',
    nesting: 2,
    ours: {
      query: `query Q5($id: ID!) { graph(focus: [$id], depth: 2, limit: 500) {
        truncated nodes { id type label } edges { source target type } } }`,
      variables: (p, i) => ({ id: at(p.authorIds, i) }),
    },
    neo4jGraphql: {
      query: `query Q5($id: ID!) { authors(where: { id: { eq: $id } }) { id name
        papers(limit: 100) { id title venue { id name } topics { id name } authors { id name } } } }`,
      variables: (p, i) => ({ id: at(p.authorIds, i) }),
      note: 'a nested selection author → papers (≤ 100) → venue, topics, authors; no overall node cap, edges implied by nesting',
    },
    cypher: {
      statement: `MATCH (a:Author {id: $id})
        CALL (a) {
          MATCH (a)-[:AUTHORED]->(p:Paper) WITH p LIMIT 499 RETURN collect(p) AS level1
        }
        CALL (a, level1) {
          UNWIND level1 AS p MATCH (p)--(m) WHERE m <> a AND NOT m IN level1
          WITH DISTINCT m LIMIT 500
          WITH level1, collect(m) AS found
          RETURN found[0..(499 - size(level1))] AS level2
        }
        WITH [a] + level1 + level2 AS nodes
        WITH nodes, [n IN nodes | n.id] AS ids
        RETURN [n IN nodes | {id: n.id, type: labels(n)[0], label: coalesce(n.title, n.name, n.id)}] AS nodes,
          COLLECT { UNWIND nodes AS n MATCH (n)-[r]->(m) WHERE m.id IN ids
                    RETURN {source: n.id, target: m.id, type: type(r)} } AS edges`,
      params: (p, i) => ({ id: at(p.authorIds, i) }),
    },
  },
  {
    id: 'Q6',
    title:
      "a paper's 20 newest references and 20 newest citing papers (with both totals) and its 10 most co-cited papers with counts",
    nesting: 2,
    ours: {
      query: `query Q6($id: ID!) { paper(id: $id) { id title
        references(first: 20) { totalCount edges { node { id title year } } }
        citedBy(first: 20) { totalCount edges { node { id title year } } }
        coCited(first: 10) { count paper { id title year } } } }`,
      variables: (p, i) => ({ id: at(p.citedPaperIds, i) }),
    },
    neo4jGraphql: {
      query: `query Q6($id: ID!) { papers(where: { id: { eq: $id } }) { id title
        references(limit: 20, sort: [{ year: DESC }, { title: ASC }]) { id title year }
        referencesConnection { totalCount }
        citedBy(limit: 20, sort: [{ year: DESC }, { title: ASC }]) { id title year }
        citedByConnection { totalCount }
        coCited(first: 10) { id title year coCitationsWith(paperId: $id) } } }`,
      variables: (p, i) => ({ id: at(p.citedPaperIds, i) }),
      note: 'co-cited papers and their counts are @cypher fields (no aggregation over two hops in the generated API)',
    },
    cypher: {
      statement: `MATCH (p:Paper {id: $id})
        CALL (p) {
          MATCH (p)<-[:CITES]-(c:Paper)-[:CITES]->(o:Paper) WHERE o <> p
          WITH o, count(c) AS n ORDER BY n DESC, o.newest LIMIT 10
          RETURN collect({count: n, paper: o {.id, .title, .year}}) AS coCited
        }
        RETURN p {.id, .title,
          references: COLLECT { MATCH (p)-[:CITES]->(q:Paper) WITH q ORDER BY q.newest LIMIT 20 RETURN q {.id, .title, .year} },
          referenceCount: COUNT { (p)-[:CITES]->(:Paper) },
          citedBy: COLLECT { MATCH (p)<-[:CITES]-(q:Paper) WITH q ORDER BY q.newest LIMIT 20 RETURN q {.id, .title, .year} },
          citedByCount: COUNT { (p)<-[:CITES]-(:Paper) },
          coCited: coCited
        } AS paper`,
      params: (p, i) => ({ id: at(p.citedPaperIds, i) }),
    },
  },
];
