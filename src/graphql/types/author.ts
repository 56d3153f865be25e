import type { CoAuthorRow } from '../../db/read/co-authors.js';
import { listByName } from '../../db/read/papers.js';
import type { AuthorNode } from '../../db/schema/model.js';
import { prefetched } from '../../db/selection/projection.js';
import { mergeAuthors } from '../../db/write/paper-writes.js';
import { builder } from '../builder.js';
import { NotFoundError, ValidationError } from '../error-types.js';
import { checkRange } from '../errors.js';
import { MAX_CO_AUTHORS } from '../lookahead.js';
import { pageConnection, papersPage } from '../pagination.js';
import { nodeField, relationField } from '../prefetch.js';
import { AuthorRef, PaperRef, TopicRef, VenueRef } from '../refs.js';
import { commit } from './paper-mutations.js';

const CoAuthorRef = builder.objectRef<CoAuthorRow>('CoAuthor').implement({
  description: 'Someone who wrote with an author, and the papers they share.',
  fields: (t) => ({
    author: t.field({ type: AuthorRef, resolve: (c) => c.author }),
    sharedPapers: t.exposeInt('sharedPapers'),
    papers: t.field({ type: [PaperRef], resolve: (c) => c.papers }),
  }),
});

builder.node(AuthorRef, {
  description: 'A person, one node across lists (names are trimmed and Unicode-normalised).',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.author.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    orcid: t.exposeString('orcid', {
      nullable: true,
      description: 'The ORCID iD ("0000-0003-1613-5981"), from an OpenAlex source.',
    }),
    openAlexId: t.exposeString('openAlexId', {
      nullable: true,
      description: 'The OpenAlex author id ("A5048491430").',
    }),
    papers: t.connection({
      type: PaperRef,
      description: 'Their papers, newest first.',
      resolve: papersPage('author'),
    }),
    coAuthors: t.field({
      type: [CoAuthorRef],
      description: 'Co-authors, strongest (most shared papers) first.',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (a, args, ctx, info) =>
        prefetched<CoAuthorRow[]>(a, info.path.key) ??
        ctx.loaders.coAuthors(checkRange(args.first ?? 10, MAX_CO_AUTHORS)).load(a.id),
    }),
    venues: t.field({
      type: [VenueRef],
      resolve: relationField('authorVenues'),
    }),
    topics: t.field({
      type: [TopicRef],
      resolve: relationField('authorTopics'),
    }),
  }),
});

const AuthorFilter = builder.inputType('AuthorFilter', {
  fields: (t) => ({ nameContains: t.string() }),
});

builder.mutationFields((t) => ({
  mergeAuthors: t.field({
    authScopes: { writer: true },
    type: AuthorRef,
    description:
      'Merges one author into another: every authorship moves, with its position; the merged author is deleted.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { keepId: t.arg.id({ required: true }), mergeId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const [keepId, mergeId] = [String(args.keepId), String(args.mergeId)];
      if (keepId === mergeId) throw new ValidationError('keepId and mergeId must differ.', 'mergeId');
      const kept = await commit(
        ctx,
        'AUTHORS_MERGED',
        (run) => mergeAuthors(run, keepId, mergeId),
        () => [keepId, mergeId],
      );
      if (!kept) throw new NotFoundError(`No author "${keepId}" or no author "${mergeId}".`, keepId);
      return kept;
    },
  }),
}));

builder.queryFields((t) => ({
  authors: t.connection({
    type: AuthorRef,
    description: 'Authors by name.',
    args: { filter: t.arg({ type: AuthorFilter }) },
    resolve: (_r, args, ctx) =>
      pageConnection(args, (offset, limit) =>
        listByName<AuthorNode>(ctx.db, 'Author', args.filter?.nameContains, offset, limit),
      ),
  }),
  author: t.field({
    type: AuthorRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx, info) => nodeField(ctx, info, 'Author', String(args.id), ctx.loaders.author),
  }),
  coAuthors: t.field({
    type: [CoAuthorRef],
    description: 'The same as Author.coAuthors.',
    args: { authorId: t.arg.id({ required: true }), first: t.arg.int({ defaultValue: 10 }) },
    resolve: (_r, args, ctx) =>
      ctx.loaders.coAuthors(checkRange(args.first ?? 10, MAX_CO_AUTHORS)).load(String(args.authorId)),
  }),
}));
