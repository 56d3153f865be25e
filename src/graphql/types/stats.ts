import { graphStats } from '../../db/read/stats.js';
import { builder } from '../builder.js';

const CountRef = builder.objectRef<{ name: string; count: number }>('Count').implement({
  description: 'How many nodes carry a label, or how many relationships have a type.',
  fields: (t) => ({
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
  }),
});

const StatsRef = builder
  .objectRef<{
    nodes: Array<{ name: string; count: number }>;
    relationships: Array<{ name: string; count: number }>;
  }>('GraphStats')
  .implement({
    description: 'Counts by node label and relationship type.',
    fields: (t) => ({
      nodes: t.field({ type: [CountRef], resolve: (s) => s.nodes }),
      relationships: t.field({ type: [CountRef], resolve: (s) => s.relationships }),
    }),
  });

builder.queryFields((t) => ({
  stats: t.field({
    type: StatsRef,
    description: 'Counts of every node label and relationship type in the graph.',
    resolve: (_root, _args, ctx) => graphStats(ctx.db),
  }),
}));
