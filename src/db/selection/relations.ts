/** The relations the API follows and the ways to reach papers: read by the Cypher compiler (projection.ts) and the batch loaders (nodes.ts). */
import type { NodeOfKind, NodeType } from '../schema/model.js';
import { shownAbout } from '../schema/topic-edges.js';

/**
 * A relation the API follows from a node of kind `from` to nodes of kind `to`: the pattern from
 * `x` to `n` (`r` names the relationship where the order needs it), the clause that orders or
 * bounds `n`, and the GraphQL field of the `from` type that returns them.
 */
interface RelationSpec {
  from: NodeType;
  to: NodeType;
  field: string;
  pattern: (x: string, n: string, r: string) => string;
  tail: (n: string, r: string) => string;
}

/**
 * Relations the API follows. The look-ahead folds each `field` into its parent's query; the
 * type's resolver uses the relation by name. Variables are parameters of the text so the same
 * relation can be nested in one query (see projection.ts).
 */
export const RELATIONS = {
  paperAuthors: {
    from: 'Paper',
    to: 'Author',
    field: 'authors',
    pattern: (x, n, r) => `(${x})<-[${r}:AUTHORED]-(${n}:Author)`,
    tail: (n, r) => `WITH ${n} ORDER BY ${r}.position`,
  },
  paperVenue: {
    from: 'Paper',
    to: 'Venue',
    field: 'venue',
    pattern: (x, n) => `(${x})-[:PUBLISHED_IN]->(${n}:Venue)`,
    tail: (n) => `WITH ${n} LIMIT 1`,
  },
  paperSections: {
    from: 'Paper',
    to: 'Section',
    field: 'sections',
    pattern: (x, n) => `(${x})-[:LISTED_IN]->(${n}:Section)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
  },
  paperTopics: {
    from: 'Paper',
    to: 'Topic',
    field: 'topics',
    // Stated topics and inferred ones at the default confidence (topicAssignments has them all).
    pattern: (x, n, r) => `(${x})-[${r}:ABOUT WHERE ${shownAbout(r)}]->(${n}:Topic)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
  },
  paperOptimizers: {
    from: 'Paper',
    to: 'Optimizer',
    field: 'optimizers',
    pattern: (x, n) => `(${x})-[:MENTIONS]->(${n}:Optimizer)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.name`,
  },
  authorVenues: {
    from: 'Author',
    to: 'Venue',
    field: 'venues',
    pattern: (x, n) => `(${x})-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(${n}:Venue)`,
    tail: (n) => `WITH DISTINCT ${n} ORDER BY ${n}.name`,
  },
  authorTopics: {
    from: 'Author',
    to: 'Topic',
    field: 'topics',
    pattern: (x, n, r) => `(${x})-[:AUTHORED]->(:Paper)-[${r}:ABOUT WHERE ${shownAbout(r)}]->(${n}:Topic)`,
    tail: (n) => `WITH DISTINCT ${n} ORDER BY ${n}.facet, ${n}.name`,
  },
  topicSections: {
    from: 'Topic',
    to: 'Section',
    field: 'sections',
    pattern: (x, n) => `(${x})<-[:COVERS]-(${n}:Section)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.listId, ${n}.code`,
  },
  sectionTopics: {
    from: 'Section',
    to: 'Topic',
    field: 'topics',
    pattern: (x, n) => `(${x})-[:COVERS]->(${n}:Topic)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.facet, ${n}.name`,
  },
  sectionParent: {
    from: 'Section',
    to: 'Section',
    field: 'parent',
    pattern: (x, n) => `(${x})-[:SUBSECTION_OF]->(${n}:Section)`,
    tail: (n) => `WITH ${n} LIMIT 1`,
  },
  sectionChildren: {
    from: 'Section',
    to: 'Section',
    field: 'children',
    pattern: (x, n) => `(${x})<-[:SUBSECTION_OF]-(${n}:Section)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.order`,
  },
  paperSources: {
    from: 'Paper',
    to: 'List',
    field: 'sources',
    pattern: (x, n) => `(${x})-[:STATED_IN]->(${n}:List)`,
    tail: (n) => `WITH ${n} ORDER BY ${n}.name`,
  },
  sectionList: {
    from: 'Section',
    to: 'List',
    field: 'list',
    pattern: (x, n) => `(${x})-[:IN_LIST]->(${n}:List)`,
    tail: (n) => `WITH ${n} LIMIT 1`,
  },
} as const satisfies Record<string, RelationSpec>;
export type Relation = keyof typeof RELATIONS;

/** The node shape each relation returns, from its target kind. */
export type RelationTarget = { [R in Relation]: NodeOfKind[(typeof RELATIONS)[R]['to']] };

/**
 * Papers reached from a node of each kind: its label, the pattern from `x` to the paper `p`, and
 * the connection field of that type that pages through them (newest first unless the field takes
 * an orderBy, with totalCount).
 */
export const PAPER_SOURCES = {
  author: ['Author', (x: string, p: string) => `(${x})-[:AUTHORED]->(${p}:Paper)`, 'papers'],
  venue: ['Venue', (x: string, p: string) => `(${x})<-[:PUBLISHED_IN]-(${p}:Paper)`, 'papers'],
  topic: [
    'Topic',
    (x: string, p: string) => `(${x})<-[about:ABOUT WHERE ${shownAbout('about')}]-(${p}:Paper)`,
    'papers',
  ],
  optimizer: ['Optimizer', (x: string, p: string) => `(${x})<-[:MENTIONS]-(${p}:Paper)`, 'papers'],
  section: ['Section', (x: string, p: string) => `(${x})<-[:LISTED_IN]-(${p}:Paper)`, 'papers'],
  list: ['List', (x: string, p: string) => `(${x})<-[:STATED_IN]-(${p}:Paper)`, 'papers'],
  references: ['Paper', (x: string, p: string) => `(${x})-[:CITES]->(${p}:Paper)`, 'references'],
  citedBy: ['Paper', (x: string, p: string) => `(${x})<-[:CITES]-(${p}:Paper)`, 'citedBy'],
} as const;
export type PaperSource = keyof typeof PAPER_SOURCES;
