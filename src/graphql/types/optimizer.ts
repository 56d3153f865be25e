import { allOf } from '../../db/read/papers.js';
import type { OptimizerNode } from '../../db/schema/model.js';
import { builder } from '../builder.js';
import { papersPage } from '../pagination.js';
import { nodeField } from '../prefetch.js';
import { OptimizerRef, PaperRef } from '../refs.js';

builder.node(OptimizerRef, {
  description: 'A named optimization method (Adam, AMSGrad, SGD …), found in titles and list tags.',
  id: { resolve: (o) => o.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.optimizer.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    papers: t.connection({
      type: PaperRef,
      resolve: papersPage('optimizer'),
    }),
  }),
});

builder.queryFields((t) => ({
  optimizers: t.field({
    type: [OptimizerRef],
    resolve: (_r, _a, ctx) => allOf<OptimizerNode>(ctx.db, 'Optimizer', 'n.name'),
  }),
  optimizer: t.field({
    type: OptimizerRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) =>
      nodeField(ctx, info, 'Optimizer', String(args.id), ctx.loaders.optimizer),
  }),
}));
