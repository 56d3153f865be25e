import { listByName } from '../../db/read/papers.js';
import type { VenueNode } from '../../db/schema/model.js';
import { builder } from '../builder.js';
import { pageConnection, papersPage } from '../pagination.js';
import { nodeField } from '../prefetch.js';
import { PaperRef, VenueKindEnum, VenueRef } from '../refs.js';

builder.node(VenueRef, {
  description: 'A venue series (ICLR, JMLR, arXiv); the year of each paper is on the paper.',
  id: { resolve: (v) => v.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.venue.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({
      type: VenueKindEnum,
      extensions: { reads: ['kind'] },
      resolve: (v) => v.kind,
    }),
    papers: t.connection({
      type: PaperRef,
      resolve: papersPage('venue'),
    }),
  }),
});

const VenueFilter = builder.inputType('VenueFilter', {
  fields: (t) => ({ nameContains: t.string(), kind: t.field({ type: VenueKindEnum }) }),
});

builder.queryFields((t) => ({
  venues: t.connection({
    type: VenueRef,
    args: { filter: t.arg({ type: VenueFilter }) },
    resolve: (_r, args, ctx) =>
      pageConnection(args, (offset, limit) =>
        listByName<VenueNode>(
          ctx.db,
          'Venue',
          args.filter?.nameContains,
          offset,
          limit,
          args.filter?.kind ? 'n.kind = $kind' : '',
          { kind: args.filter?.kind ?? null },
        ),
      ),
  }),
  venue: t.field({
    type: VenueRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => nodeField(ctx, info, 'Venue', String(args.id), ctx.loaders.venue),
  }),
}));
