/** Plain shapes of the graph's nodes as the API sees them; src/db/ converts Neo4j values into these. */

import type { VenueKind } from '../../domain/venue-kind.js';
import { NODE_KINDS, type NodeType } from './catalogue.js';
import type { PaperProperties } from './paper-properties.js';

export type { NodeType };

/**
 * A paper as stored: its id and the properties of PAPER_PROPERTIES (paper-properties.ts), typed
 * from that table. Optional ones may be absent: on papers written before the importer recorded
 * them, and lists on papers of a bulk import (neo4j-admin stores no empty arrays).
 */
export type PaperNode = { id: string } & PaperProperties;
export interface AuthorNode {
  id: string;
  name: string;
  orcid?: string | null;
  openAlexId?: string | null;
}
export interface VenueNode {
  id: string;
  name: string;
  kind: VenueKind;
}
export interface TopicNode {
  id: string;
  name: string;
  facet: string;
}
export interface SectionNode {
  id: string;
  code: string;
  title: string;
  order: number;
  depth: number;
  listId: string;
  descriptionEn: string | null;
  descriptionZh: string | null;
}
export interface OptimizerNode {
  id: string;
  name: string;
}
export interface ListNode {
  id: string;
  name: string;
  title: string | null;
  /** What the source is: a markdown list, or a BibTeX, CSL-JSON or OpenAlex file. */
  format?: string | null;
  /** When the source was last imported, as ISO 8601 (driver.ts converts it); absent on lists imported before it was recorded. */
  importedAt?: string | null;
}

/** The node shape of each kind (what a relation to that kind returns). */
export interface NodeOfKind {
  Paper: PaperNode;
  Author: AuthorNode;
  Venue: VenueNode;
  Topic: TopicNode;
  Section: SectionNode;
  Optimizer: OptimizerNode;
  List: ListNode;
}

/** Which label an id belongs to: ids carry their type as a prefix ("paper:…", "section:…"). */
// A Map: an id such as "__proto__:x" or "constructor:x" names no kind.
const PREFIX = new Map<string, NodeType>(
  Object.entries(NODE_KINDS).map(([label, k]) => [k.idPrefix, label as NodeType]),
);

export function typeOfId(id: string): NodeType | null {
  return PREFIX.get(id.slice(0, id.indexOf(':'))) ?? null;
}
