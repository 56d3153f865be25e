import type { Db } from './driver.js';
import type {
  AuthorNode,
  ListNode,
  NodeType,
  OptimizerNode,
  SectionNode,
  TopicNode,
  VenueNode,
} from './model.js';
import { type Plan, Projection } from './projection.js';
import { NEWEST_FIRST } from './sort-keys.js';

/** Nodes of one label by id, in key order, null where none matched (a DataLoader batch function). */
export async function nodesByIds<T>(
  db: Db,
  label: NodeType,
  ids: readonly string[],
): Promise<Array<T | null>> {
  // The label is one of the model's constants, never user input.
  const rows = await db.read(`UNWIND $ids AS id OPTIONAL MATCH (n:${label} {id: id}) RETURN n {.*} AS n`, {
    ids: [...ids],
  });
  return rows.map((r) => (r.n as T | null) ?? null);
}

type Pattern = (x: string, n: string, r: string) => string;

/** One node by id with everything a look-ahead plan asks below it, in one query. */
export async function nodeWithPlan<T>(db: Db, label: NodeType, id: string, plan: Plan): Promise<T | null> {
  const projection = new Projection();
  // The label is one of the model's constants, never user input.
  const { clauses, map } = projection.node('x', plan);
  const [row] = await db.read(`MATCH (x:${label} {id: $id}) ${clauses} RETURN ${map} AS n`, {
    ...projection.params,
    id,
  });
  return (row?.n as T | undefined) ?? null;
}

/**
 * Relations the API follows: the start label, the pattern from `x` to `n` (`r` names the
 * relationship where the order needs it) and the clause that orders or bounds `n`. Variables are
 * parameters of the text so the same relation can be nested in one query (see projection.ts).
 */
export const RELATIONS = {
  paperAuthors: [
    'Paper',
    (x, n, r) => `(${x})<-[${r}:AUTHORED]-(${n}:Author)`,
    (n, r) => `WITH ${n} ORDER BY ${r}.position`,
  ],
  paperVenue: ['Paper', (x, n) => `(${x})-[:PUBLISHED_IN]->(${n}:Venue)`, (n) => `WITH ${n} LIMIT 1`],
  paperSections: [
    'Paper',
    (x, n) => `(${x})-[:LISTED_IN]->(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
  ],
  paperTopics: [
    'Paper',
    (x, n) => `(${x})-[:ABOUT]->(${n}:Topic)`,
    (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
  ],
  paperOptimizers: [
    'Paper',
    (x, n) => `(${x})-[:MENTIONS]->(${n}:Optimizer)`,
    (n) => `WITH ${n} ORDER BY ${n}.name`,
  ],
  authorVenues: [
    'Author',
    (x, n) => `(${x})-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(${n}:Venue)`,
    (n) => `WITH DISTINCT ${n} ORDER BY ${n}.name`,
  ],
  authorTopics: [
    'Author',
    (x, n) => `(${x})-[:AUTHORED]->(:Paper)-[:ABOUT]->(${n}:Topic)`,
    (n) => `WITH DISTINCT ${n} ORDER BY ${n}.facet, ${n}.name`,
  ],
  topicSections: [
    'Topic',
    (x, n) => `(${x})<-[:COVERS]-(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
  ],
  sectionTopics: [
    'Section',
    (x, n) => `(${x})-[:COVERS]->(${n}:Topic)`,
    (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
  ],
  sectionParent: ['Section', (x, n) => `(${x})-[:SUBSECTION_OF]->(${n}:Section)`, (n) => `WITH ${n} LIMIT 1`],
  sectionChildren: [
    'Section',
    (x, n) => `(${x})<-[:SUBSECTION_OF]-(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.order`,
  ],
  sectionList: ['Section', (x, n) => `(${x})-[:IN_LIST]->(${n}:List)`, (n) => `WITH ${n} LIMIT 1`],
} as const satisfies Record<string, readonly [NodeType, Pattern, (n: string, r: string) => string]>;
export type Relation = keyof typeof RELATIONS;

/** The node shape each relation returns. */
export interface RelationTarget {
  paperAuthors: AuthorNode;
  paperVenue: VenueNode;
  paperSections: SectionNode;
  paperTopics: TopicNode;
  paperOptimizers: OptimizerNode;
  authorVenues: VenueNode;
  authorTopics: TopicNode;
  topicSections: SectionNode;
  sectionTopics: TopicNode;
  sectionParent: SectionNode;
  sectionChildren: SectionNode;
  sectionList: ListNode;
}

export interface RelationKey {
  relation: Relation;
  key: string;
}

/**
 * Related nodes for many (relation, key) pairs in one query, whatever mix of relations a GraphQL
 * level asked for: one subquery per relation present, each returning a single row, so a level
 * costs one round trip. Results come back in request order.
 */
export async function relatedNodesBatch(db: Db, requests: readonly RelationKey[]): Promise<unknown[][]> {
  const keysOf = new Map<Relation, Set<string>>();
  for (const r of requests) {
    const set = keysOf.get(r.relation) ?? new Set<string>();
    keysOf.set(r.relation, set.add(r.key));
  }
  const relations = [...keysOf.keys()];
  // Relation names and patterns are the constants above, never user input; keys stay parameters.
  const parts = relations.map((rel, i) => {
    const [label, pattern, tail] = RELATIONS[rel];
    return `CALL () {
       UNWIND $k${i} AS key MATCH (x:${label} {id: key})
       RETURN collect([key, COLLECT { MATCH ${pattern('x', 'n', 'r')} ${tail('n', 'r')} RETURN n {.*} }]) AS r${i}
     }`;
  });
  const [row = {}] = await db.read(
    `${parts.join('\n')} RETURN ${relations.map((_, i) => `r${i}`).join(', ')}`,
    Object.fromEntries(relations.map((rel, i) => [`k${i}`, [...(keysOf.get(rel) ?? [])]])),
  );
  const found = new Map<string, unknown[]>();
  relations.forEach((rel, i) => {
    for (const [key, nodes] of (row[`r${i}`] as Array<[string, unknown[]]>) ?? [])
      found.set(`${rel}|${key}`, nodes);
  });
  return requests.map((r) => found.get(`${r.relation}|${r.key}`) ?? []);
}

/** Papers reached from a node of each kind (its label, and the pattern from `x` to the paper `p`); the connection fields page through these. */
export const PAPER_SOURCES = {
  author: ['Author', (x: string, p: string) => `(${x})-[:AUTHORED]->(${p}:Paper)`],
  venue: ['Venue', (x: string, p: string) => `(${x})<-[:PUBLISHED_IN]-(${p}:Paper)`],
  topic: ['Topic', (x: string, p: string) => `(${x})<-[:ABOUT]-(${p}:Paper)`],
  optimizer: ['Optimizer', (x: string, p: string) => `(${x})<-[:MENTIONS]-(${p}:Paper)`],
  section: ['Section', (x: string, p: string) => `(${x})<-[:LISTED_IN]-(${p}:Paper)`],
} as const;
export type PaperSource = keyof typeof PAPER_SOURCES;

export interface Page<T> {
  totalCount: number;
  nodes: T[];
}

/** One page of papers for each key (newest first), with the total, in one query for all keys. */
export async function papersOf<T>(
  db: Db,
  source: PaperSource,
  keys: readonly string[],
  offset: number,
  limit: number,
): Promise<Array<Page<T>>> {
  const [label, pattern] = PAPER_SOURCES[source];
  const rows = await db.read(
    `UNWIND $keys AS key
     MATCH (x:${label} {id: key})
     RETURN key, COUNT { ${pattern('x', 'p')} } AS total,
            COLLECT { MATCH ${pattern('x', 'p')} WITH p ORDER BY ${NEWEST_FIRST('p')} SKIP $offset LIMIT $limit RETURN p {.*} } AS nodes`,
    { keys: [...new Set(keys)], offset, limit },
  );
  const byKey = new Map(
    rows.map((r) => [r.key as string, { totalCount: r.total as number, nodes: r.nodes as T[] }]),
  );
  return keys.map((k) => byKey.get(k) ?? { totalCount: 0, nodes: [] });
}
