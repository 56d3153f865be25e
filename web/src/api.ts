import type { GraphView } from './graph-model.js';

/**
 * The last bookmark a write answered with: sent back with every request, so behind a load
 * balancer the explorer reads its own writes whichever replica answers.
 */
let bookmark: string | null = null;

/** Sends one GraphQL request to this server's /graphql; throws with the first error's message. */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bookmark ? { 'x-neo4j-bookmark': bookmark } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  bookmark = res.headers.get('x-neo4j-bookmark') ?? bookmark;
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors[0]?.message ?? 'GraphQL error');
  return body.data as T;
}

const GRAPH = `query ($focus: [ID!], $depth: Int, $limit: Int, $minConfidence: Float) {
  graph(focus: $focus, depth: $depth, limit: $limit, minConfidence: $minConfidence) {
    truncated nodes { id type label } edges { id source target type weight topicSource confidence }
  }
}`;

/** A neighbourhood to draw; inferred topics below `minConfidence` are left out (the API's default: 0.5). */
export const fetchGraph = (focus: string[], depth: number, limit: number, minConfidence?: number) =>
  gql<{ graph: GraphView & { truncated: boolean } }>(GRAPH, { focus, depth, limit, minConfidence }).then(
    (d) => d.graph,
  );

export const search = (query: string) =>
  gql<{
    search: Array<{ score: number; node: { __typename: string; id: string; title?: string; name?: string } }>;
  }>(
    `query ($q: String!) { search(query: $q, first: 10) { score node { __typename id ... on Paper { title } ... on Author { name } } } }`,
    { q: query },
  ).then((d) => d.search);

export interface PaperDetails {
  id: string;
  title: string;
  year: number | null;
  venue: { name: string } | null;
  authors: Array<{ id: string; name: string }>;
  links: Array<{ label: string; url: string }>;
  topicAssignments: TopicAssignment[];
  optimizers: Array<{ id: string; name: string }>;
  sections: Array<{ id: string; code: string; title: string }>;
  bibtex: string;
}
/** A topic of a paper: stated (SECTION, MANUAL; confidence 1) or INFERRED with its confidence. */
export interface TopicAssignment {
  topic: { id: string; name: string };
  source: 'SECTION' | 'INFERRED' | 'MANUAL';
  confidence: number;
  evidence: string[];
}
export interface AuthorDetails {
  id: string;
  name: string;
  papers: { totalCount: number; edges: Array<{ node: { id: string; title: string; year: number | null } }> };
  coAuthors: Array<{ sharedPapers: number; author: { id: string; name: string } }>;
}
export type Details =
  | ({ __typename: 'Paper' } & PaperDetails)
  | ({ __typename: 'Author' } & AuthorDetails)
  | {
      __typename: string;
      id: string;
      name?: string;
      code?: string;
      title?: string;
      kind?: string;
      facet?: string;
    };

/** A node's details; a paper's inferred topics below `minConfidence` are left out (the API's default: all). */
export const details = (id: string, minConfidence?: number) =>
  gql<{ node: Details | null }>(
    `query ($id: ID!, $min: Float) { node(id: $id) { __typename id
      ... on Paper { title year venue { name } authors { id name } links { label url }
                     topicAssignments(minConfidence: $min) { topic { id name } source confidence evidence }
                     optimizers { id name } sections { id code title } bibtex }
      ... on Author { name papers(first: 50) { totalCount edges { node { id title year } } }
                      coAuthors(first: 20) { sharedPapers author { id name } } }
      ... on Venue { name kind } ... on Topic { name facet } ... on Optimizer { name }
      ... on Section { code title }
    } }`,
    { id, min: minConfidence },
  ).then((d) => d.node);

export const relatedWork = (paperId: string) =>
  gql<{
    relatedWork: Array<{
      score: number;
      reasons: string[];
      crossSection: boolean;
      paper: { id: string; title: string };
    }>;
  }>(
    `query ($id: ID!) { relatedWork(paperId: $id, first: 10) { score reasons crossSection paper { id title } } }`,
    { id: paperId },
  ).then((d) => d.relatedWork);

export const collaborationPath = (from: string, to: string) =>
  gql<{
    collaborationPath: {
      authors: Array<{ id: string; name: string }>;
      links: Array<{ papers: Array<{ id: string; title: string }> }>;
    } | null;
  }>(
    `query ($from: ID!, $to: ID!) { collaborationPath(fromAuthorId: $from, toAuthorId: $to, maxLength: 6) {
       authors { id name } links { papers { id title } } } }`,
    { from, to },
  ).then((d) => d.collaborationPath);

export interface SectionOption {
  code: string;
  title: string;
  children: Array<{ code: string; title: string }>;
}
/** A source the explorer can filter by: a markdown list with its sections, or a file with none. */
export interface ListOption {
  id: string;
  name: string;
  title: string | null;
  format: string;
  entryCount: number;
  sections: SectionOption[];
}

export const filterOptions = () =>
  gql<{ lists: ListOption[]; optimizers: Array<{ name: string }> }>(
    '{ lists { id name title format entryCount sections { code title children { code title } } } optimizers { name } }',
  );

/** Ids of the papers a filter keeps (at most 500). */
export async function filteredPaperIds(filter: Record<string, unknown>): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < 5; page++) {
    const d: {
      papers: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: { id: string } }>;
      };
    } = await gql(
      `query ($f: PaperFilter, $after: String) { papers(filter: $f, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { f: filter, after },
    );
    for (const e of d.papers.edges) ids.add(e.node.id);
    if (!d.papers.pageInfo.hasNextPage) break;
    after = d.papers.pageInfo.endCursor;
  }
  return ids;
}

export interface SimilarityData {
  relatedGraph: {
    nodes: Array<{ id: string; title: string; year: number | null; citedBy: number; score: number | null }>;
    edges: Array<{ source: string; target: string; weight: number }>;
    priorWorks: CountedPaper[];
    derivativeWorks: CountedPaper[];
  };
  relatedWork: Array<{ reasons: string[]; crossSection: boolean; paper: { id: string } }>;
}
export interface CountedPaper {
  id: string;
  title: string;
  year: number | null;
  count: number;
}

/**
 * A similarity map and the reasons of its papers in one request: relatedGraph has no reasons,
 * relatedWork with the same size ranks the same papers with them.
 */
export const similarityMap = (paperId: string, size: number) =>
  gql<SimilarityData>(
    `query ($id: ID!, $size: Int!) {
      relatedGraph(paperId: $id, size: $size) {
        nodes { id title year citedBy score } edges { source target weight }
        priorWorks { id title year count } derivativeWorks { id title year count } }
      relatedWork(paperId: $id, first: $size) { reasons crossSection paper { id } } }`,
    { id: paperId, size },
  );

export interface ImportResult {
  list: string;
  dryRun: boolean;
  papersCreated: number;
  papersUpdated: number;
  authorsCreated: number;
  entriesRead: number;
  skipped: number;
  warnings: Array<{ line: number; message: string }>;
}

/** importPapers with the user's API key; a validation error comes back as a thrown Error with its message. */
export async function importPapers(
  input: { content: string; format: string | null; source: string; dryRun: boolean },
  key: string,
): Promise<ImportResult> {
  const d = await gql<{
    importPapers: { __typename: string; data?: ImportResult; message?: string };
  }>(
    `mutation ($content: String!, $format: ImportFormat, $source: String!, $dryRun: Boolean) {
      importPapers(content: $content, format: $format, source: $source, dryRun: $dryRun) {
        __typename
        ... on MutationImportPapersSuccess { data { list dryRun papersCreated papersUpdated authorsCreated
                                                    entriesRead skipped warnings { line message } } }
        ... on ValidationError { message } } }`,
    input,
    { authorization: `Bearer ${key}` },
  );
  if (!d.importPapers.data) throw new Error(d.importPapers.message ?? 'The import was refused.');
  return d.importPapers.data;
}
