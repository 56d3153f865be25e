import { allOf } from '../../db/read/papers.js';
import type { TopicNode } from '../../db/schema/model.js';
import { builder } from '../builder.js';
import { papersPage } from '../pagination.js';
import { nodeField, relationField } from '../prefetch.js';
import { PaperRef, SectionRef, TopicFacetEnum, TopicRef } from '../refs.js';

builder.node(TopicRef, {
  description: 'A facet value papers are about, such as "Adaptive gradient methods" (method family).',
  id: { resolve: (t) => t.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.topic.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    facet: t.field({
      type: TopicFacetEnum,
      extensions: { reads: ['facet'] },
      resolve: (topic) => topic.facet as 'METHOD_FAMILY',
    }),
    paperCount: t.int({
      extensions: { reads: [] },
      resolve: (topic, _a, ctx) => ctx.loaders.paperCount('topic').load(topic.id),
    }),
    papers: t.connection({
      type: PaperRef,
      resolve: papersPage('topic'),
    }),
    sections: t.field({
      type: [SectionRef],
      description: 'Sections of lists that cover this topic.',
      resolve: relationField('topicSections'),
    }),
  }),
});

builder.queryFields((t) => ({
  topics: t.field({
    type: [TopicRef],
    args: { facet: t.arg({ type: TopicFacetEnum }) },
    resolve: async (_r, args, ctx) => {
      const all = await allOf<TopicNode>(ctx.db, 'Topic', 'n.facet, n.name');
      return args.facet ? all.filter((x) => x.facet === args.facet) : all;
    },
  }),
  topic: t.field({
    type: TopicRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => nodeField(ctx, info, 'Topic', String(args.id), ctx.loaders.topic),
  }),
}));
