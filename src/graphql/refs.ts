import type {
  AuthorNode,
  ListNode,
  NodeType,
  OptimizerNode,
  PaperNode,
  SectionNode,
  TopicNode,
  VenueNode,
} from '../db/schema/model.js';
import { PAPER_ORDERS, type PaperOrder } from '../db/schema/sort-keys.js';
import { VENUE_KINDS } from '../domain/venue-kind.js';
import { builder } from './builder.js';

/** Object refs shared by the type files, declared here so types can point at each other without import cycles. */
export const PaperRef = builder.objectRef<PaperNode>('Paper');
export const AuthorRef = builder.objectRef<AuthorNode>('Author');
export const VenueRef = builder.objectRef<VenueNode>('Venue');
export const TopicRef = builder.objectRef<TopicNode>('Topic');
export const SectionRef = builder.objectRef<SectionNode>('Section');
export const OptimizerRef = builder.objectRef<OptimizerNode>('Optimizer');
export const ListRef = builder.objectRef<ListNode>('PaperList');

/** The GraphQL type of each node kind: the kind's label, except List, which the API calls PaperList. */
export const TYPE_OF_KIND: Record<NodeType, string> = {
  Paper: PaperRef.name,
  Author: AuthorRef.name,
  Venue: VenueRef.name,
  Topic: TopicRef.name,
  Section: SectionRef.name,
  Optimizer: OptimizerRef.name,
  List: ListRef.name,
};

/** The orders of a page of papers (root `papers`, `PaperList.papers`), from the database's catalogue of them. */
export const PaperOrderEnum = builder.enumType('PaperOrder', {
  values: Object.keys(PAPER_ORDERS) as PaperOrder[],
});

export const VenueKindEnum = builder.enumType('VenueKind', {
  values: VENUE_KINDS,
});
export const TopicFacetEnum = builder.enumType('TopicFacet', {
  description:
    'The axis a topic lies on: the family of methods, the lens of analysis, or the kind of contribution.',
  values: ['METHOD_FAMILY', 'ANALYSIS_LENS', 'CONTRIBUTION'] as const,
});
