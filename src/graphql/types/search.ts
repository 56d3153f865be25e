import { search } from '../../db/read/search.js';
import { LIMITS } from '../../limits.js';
import { builder } from '../builder.js';
import { badInput, checkRange } from '../errors.js';

const SearchHitRef = builder
  .objectRef<{ score: number; node: Record<string, unknown> & { __typename: string } }>('SearchHit')
  .implement({
    description: 'A full-text match: a paper by its title or an author by name.',
    fields: (t) => ({
      score: t.exposeFloat('score'),
      node: t.field({ type: builder.nodeInterfaceRef(), resolve: (h) => h.node as never }),
    }),
  });

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitRef],
    description:
      'Full-text search over paper titles and author names; every word must match, as a word or a prefix.',
    args: { query: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 10 }) },
    resolve: async (_r, args, ctx) => {
      if (args.query.length > 200) throw badInput('query must be at most 200 characters.', 'query');
      const hits = await search(ctx.db, args.query, checkRange(args.first ?? 10, LIMITS.search));
      // __typename lets the Node interface resolve each hit's type.
      return hits.map((h) => ({ score: h.score, node: { ...h.node, __typename: h.type } }));
    },
  }),
}));
