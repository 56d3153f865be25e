/** The relations the API follows and the ways to reach papers: read by the Cypher compiler (projection.ts) and the batch loaders (nodes.ts). */
import type {
  AuthorNode,
  ListNode,
  NodeType,
  OptimizerNode,
  SectionNode,
  TopicNode,
  VenueNode,
} from '../schema/model.js';

/** A pattern from the node `x` to the node `n` (`r` names the relationship where the order needs it). */
type Pattern = (x: string, n: string, r: string) => string;

/**
 * Relations the API follows: the start label, the pattern from `x` to `n` (`r` names the
 * relationship where the order needs it), the clause that orders or bounds `n`, and the GraphQL
 * field of the start type that returns them (the look-ahead folds that field into its parent's
 * query; the type's resolver uses the relation by name). Variables are
 * parameters of the text so the same relation can be nested in one query (see projection.ts).
 */
export const RELATIONS = {
  paperAuthors: [
    'Paper',
    (x, n, r) => `(${x})<-[${r}:AUTHORED]-(${n}:Author)`,
    (n, r) => `WITH ${n} ORDER BY ${r}.position`,
    'authors',
  ],
  paperVenue: [
    'Paper',
    (x, n) => `(${x})-[:PUBLISHED_IN]->(${n}:Venue)`,
    (n) => `WITH ${n} LIMIT 1`,
    'venue',
  ],
  paperSections: [
    'Paper',
    (x, n) => `(${x})-[:LISTED_IN]->(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
    'sections',
  ],
  paperTopics: [
    'Paper',
    (x, n) => `(${x})-[:ABOUT]->(${n}:Topic)`,
    (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
    'topics',
  ],
  paperOptimizers: [
    'Paper',
    (x, n) => `(${x})-[:MENTIONS]->(${n}:Optimizer)`,
    (n) => `WITH ${n} ORDER BY ${n}.name`,
    'optimizers',
  ],
  authorVenues: [
    'Author',
    (x, n) => `(${x})-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(${n}:Venue)`,
    (n) => `WITH DISTINCT ${n} ORDER BY ${n}.name`,
    'venues',
  ],
  authorTopics: [
    'Author',
    (x, n) => `(${x})-[:AUTHORED]->(:Paper)-[:ABOUT]->(${n}:Topic)`,
    (n) => `WITH DISTINCT ${n} ORDER BY ${n}.facet, ${n}.name`,
    'topics',
  ],
  topicSections: [
    'Topic',
    (x, n) => `(${x})<-[:COVERS]-(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
    'sections',
  ],
  sectionTopics: [
    'Section',
    (x, n) => `(${x})-[:COVERS]->(${n}:Topic)`,
    (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
    'topics',
  ],
  sectionParent: [
    'Section',
    (x, n) => `(${x})-[:SUBSECTION_OF]->(${n}:Section)`,
    (n) => `WITH ${n} LIMIT 1`,
    'parent',
  ],
  sectionChildren: [
    'Section',
    (x, n) => `(${x})<-[:SUBSECTION_OF]-(${n}:Section)`,
    (n) => `WITH ${n} ORDER BY ${n}.order`,
    'children',
  ],
  sectionList: ['Section', (x, n) => `(${x})-[:IN_LIST]->(${n}:List)`, (n) => `WITH ${n} LIMIT 1`, 'list'],
} as const satisfies Record<string, readonly [NodeType, Pattern, (n: string, r: string) => string, string]>;
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

/** Papers reached from a node of each kind (its label, and the pattern from `x` to the paper `p`); the connection fields page through these. */
export const PAPER_SOURCES = {
  author: ['Author', (x: string, p: string) => `(${x})-[:AUTHORED]->(${p}:Paper)`],
  venue: ['Venue', (x: string, p: string) => `(${x})<-[:PUBLISHED_IN]-(${p}:Paper)`],
  topic: ['Topic', (x: string, p: string) => `(${x})<-[:ABOUT]-(${p}:Paper)`],
  optimizer: ['Optimizer', (x: string, p: string) => `(${x})<-[:MENTIONS]-(${p}:Paper)`],
  section: ['Section', (x: string, p: string) => `(${x})<-[:LISTED_IN]-(${p}:Paper)`],
} as const;
export type PaperSource = keyof typeof PAPER_SOURCES;
