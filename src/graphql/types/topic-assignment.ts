import type { AssignmentRow } from '../../db/read/topic-assignments.js';
import { TOPIC_SOURCES } from '../../db/schema/topic-edges.js';
import { builder } from '../builder.js';
import { checkConfidence } from '../errors.js';
import { PaperRef, TopicRef } from '../refs.js';

export const TopicSourceEnum = builder.enumType('TopicSource', {
  description:
    "Where a paper's topic came from: its list's section mapping, inference from its text and sections, or a mutation. A manual one is never overwritten; a section one outranks inference.",
  values: TOPIC_SOURCES,
});

const TopicAssignmentRef = builder.objectRef<AssignmentRow>('TopicAssignment').implement({
  description: 'A topic of a paper, with where it came from, how sure, and what decided it.',
  fields: (t) => ({
    topic: t.field({ type: TopicRef, resolve: (a) => a.topic }),
    source: t.field({ type: TopicSourceEnum, resolve: (a) => a.source }),
    confidence: t.exposeFloat('confidence', { description: '1 for stated (SECTION, MANUAL) assignments.' }),
    evidence: t.exposeStringList('evidence', {
      description: 'What decided it: title words, section headings, an optimizer family, a taxonomy phrase.',
    }),
    model: t.exposeString('model', { nullable: true, description: 'The model version of an inferred one.' }),
  }),
});

builder.objectField(PaperRef, 'topicAssignments', (t) =>
  t.field({
    type: [TopicAssignmentRef],
    description:
      'Every topic assignment of the paper, stated and inferred, stated first then by confidence. `topics` holds the stated ones and the inferred ones at the default confidence.',
    args: { minConfidence: t.arg.float({ defaultValue: 0 }) },
    extensions: { reads: [] },
    resolve: async (p, args, ctx) => {
      const min = checkConfidence(args.minConfidence ?? 0);
      return (await ctx.loaders.topicAssignments.load(p.id)).filter((a) => a.confidence >= min);
    },
  }),
);
