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

/**
 * Related nodes for many keys in one query. Each pattern names the key `key` and the related
 * node `n` and returns `n` (ordered as the relation should read); results come back in key order.
 */
export const RELATIONS = {
  paperAuthors: 'MATCH (:Paper {id: key})<-[r:AUTHORED]-(n:Author) RETURN n ORDER BY r.position',
  paperVenue: 'MATCH (:Paper {id: key})-[:PUBLISHED_IN]->(n:Venue) RETURN n LIMIT 1',
  paperSections: 'MATCH (:Paper {id: key})-[:LISTED_IN]->(n:Section) RETURN n ORDER BY n.listId, n.code',
  paperTopics: 'MATCH (:Paper {id: key})-[:ABOUT]->(n:Topic) RETURN n ORDER BY n.facet, n.name',
  paperOptimizers: 'MATCH (:Paper {id: key})-[:MENTIONS]->(n:Optimizer) RETURN n ORDER BY n.name',
  authorVenues:
    'MATCH (:Author {id: key})-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(n:Venue) RETURN DISTINCT n ORDER BY n.name',
  authorTopics:
    'MATCH (:Author {id: key})-[:AUTHORED]->(:Paper)-[:ABOUT]->(n:Topic) RETURN DISTINCT n ORDER BY n.facet, n.name',
  topicSections: 'MATCH (:Topic {id: key})<-[:COVERS]-(n:Section) RETURN n ORDER BY n.listId, n.code',
  sectionTopics: 'MATCH (:Section {id: key})-[:COVERS]->(n:Topic) RETURN n ORDER BY n.facet, n.name',
  sectionParent: 'MATCH (:Section {id: key})-[:SUBSECTION_OF]->(n:Section) RETURN n LIMIT 1',
  sectionChildren: 'MATCH (:Section {id: key})<-[:SUBSECTION_OF]-(n:Section) RETURN n ORDER BY n.order',
  sectionList: 'MATCH (:Section {id: key})-[:IN_LIST]->(n:List) RETURN n LIMIT 1',
} as const;
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

export async function relatedNodes<R extends Relation>(
  db: Db,
  relation: R,
  keys: readonly string[],
): Promise<Array<Array<RelationTarget[R]>>> {
  const rows = await db.read(
    `UNWIND $keys AS key
     CALL (key) { ${RELATIONS[relation]} }
     RETURN key, collect(n {.*}) AS nodes`,
    { keys: [...new Set(keys)] },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.nodes as Array<RelationTarget[R]>]));
  return keys.map((k) => byKey.get(k) ?? []);
}

/** Papers reached from a node of each kind; the connection fields page through these. */
export const PAPER_SOURCES = {
  author: '(:Author {id: key})-[:AUTHORED]->(p:Paper)',
  venue: '(:Venue {id: key})<-[:PUBLISHED_IN]-(p:Paper)',
  topic: '(:Topic {id: key})<-[:ABOUT]-(p:Paper)',
  optimizer: '(:Optimizer {id: key})<-[:MENTIONS]-(p:Paper)',
  section: '(:Section {id: key})<-[:LISTED_IN]-(p:Paper)',
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
  const pattern = PAPER_SOURCES[source];
  const rows = await db.read(
    `UNWIND $keys AS key
     CALL (key) { MATCH ${pattern} RETURN count(p) AS total }
     CALL (key) {
       MATCH ${pattern}
       WITH p ORDER BY p.year DESC, p.title SKIP $offset LIMIT $limit
       RETURN collect(p {.*}) AS nodes
     }
     RETURN key, total, nodes`,
    { keys: [...new Set(keys)], offset, limit },
  );
  const byKey = new Map(
    rows.map((r) => [r.key as string, { totalCount: r.total as number, nodes: r.nodes as T[] }]),
  );
  return keys.map((k) => byKey.get(k) ?? { totalCount: 0, nodes: [] });
}
