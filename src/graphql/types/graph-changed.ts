import { builder } from '../builder.js';
import type { GraphChange } from '../context.js';

const GraphChangeRef = builder.objectRef<GraphChange>('GraphChange').implement({
  description: 'A committed change: what kind, which node ids it touched, and when.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'PAPER_CREATED, PAPER_UPDATED, PAPER_DELETED, PAPER_MOVED, AUTHORS_MERGED or LIST_IMPORTED.',
    }),
    ids: t.exposeIDList('ids', {
      description:
        'The nodes it touched; for LIST_IMPORTED, up to 100 papers of the imported source, newest first.',
    }),
    at: t.exposeString('at'),
  }),
});

builder.subscriptionFields((t) => ({
  graphChanged: t.field({
    type: GraphChangeRef,
    description: 'Every committed mutation, as it commits (server-sent events), so a client can redraw.',
    subscribe: (_r, _a, ctx) => ctx.pubsub.subscribe('graphChanged'),
    resolve: (change) => change,
  }),
}));
