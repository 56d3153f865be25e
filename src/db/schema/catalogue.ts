/**
 * The one catalogue of the graph's node kinds and relationship types. Constraints and indexes
 * (constraints.ts), ids (model.ts), counts (read/stats.ts) and the graph view (read/graph-view.ts)
 * all read it; the relations the API follows are in selection/relations.ts, which names these
 * types. Adding a kind or a relationship here is the one change those need.
 */
export const NODE_KINDS = {
  Paper: { idPrefix: 'paper', indexed: ['arxivId', 'year', 'title', 'newest', 'doi', 'openAlexId'] },
  Author: { idPrefix: 'author', indexed: ['name', 'orcid', 'openAlexId'] },
  Venue: { idPrefix: 'venue', indexed: ['kind'] },
  Topic: { idPrefix: 'topic', indexed: [] },
  Section: { idPrefix: 'section', indexed: ['code'] },
  Optimizer: { idPrefix: 'optimizer', indexed: ['name'] },
  List: { idPrefix: 'list', indexed: [] },
} as const satisfies Record<string, { idPrefix: string; indexed: readonly string[] }>;

export type NodeType = keyof typeof NODE_KINDS;
export const NODE_LABELS = Object.keys(NODE_KINDS) as NodeType[];

/** Relationship types and the kinds they join (the order is the order stats lists them in). */
export const RELATIONSHIPS = {
  AUTHORED: { from: 'Author', to: 'Paper' },
  PUBLISHED_IN: { from: 'Paper', to: 'Venue' },
  LISTED_IN: { from: 'Paper', to: 'Section' },
  SUBSECTION_OF: { from: 'Section', to: 'Section' },
  IN_LIST: { from: 'Section', to: 'List' },
  ABOUT: { from: 'Paper', to: 'Topic' },
  MENTIONS: { from: 'Paper', to: 'Optimizer' },
  COVERS: { from: 'Section', to: 'Topic' },
  /** The list or file that stated the paper (its sources). */
  STATED_IN: { from: 'Paper', to: 'List' },
  CITES: { from: 'Paper', to: 'Paper' },
} as const satisfies Record<string, { from: NodeType; to: NodeType }>;

export type RelType = keyof typeof RELATIONSHIPS;
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];
