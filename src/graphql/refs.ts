import type {
  AuthorNode,
  ListNode,
  OptimizerNode,
  PaperNode,
  SectionNode,
  TopicNode,
  VenueNode,
} from '../db/schema/model.js';
import { builder } from './builder.js';

/** Object refs shared by the type files, declared here so types can point at each other without import cycles. */
export const PaperRef = builder.objectRef<PaperNode>('Paper');
export const AuthorRef = builder.objectRef<AuthorNode>('Author');
export const VenueRef = builder.objectRef<VenueNode>('Venue');
export const TopicRef = builder.objectRef<TopicNode>('Topic');
export const SectionRef = builder.objectRef<SectionNode>('Section');
export const OptimizerRef = builder.objectRef<OptimizerNode>('Optimizer');
export const ListRef = builder.objectRef<ListNode>('PaperList');

export const VenueKindEnum = builder.enumType('VenueKind', {
  values: ['CONFERENCE', 'JOURNAL', 'PREPRINT', 'WORKSHOP', 'OTHER'] as const,
});
export const TopicFacetEnum = builder.enumType('TopicFacet', {
  description:
    'The axis a topic lies on: the family of methods, the lens of analysis, or the kind of contribution.',
  values: ['METHOD_FAMILY', 'ANALYSIS_LENS', 'CONTRIBUTION'] as const,
});
