import type { CoCitationRow } from '../../db/read/co-citation.js';
import { listPapers } from '../../db/read/papers.js';
import { relatedWork } from '../../db/read/related-work.js';
import type { AuthorNode, VenueNode } from '../../db/schema/model.js';
import { prefetched } from '../../db/selection/projection.js';
import { bibtex } from '../../domain/bibtex.js';
import { type LinkKind, linkKind } from '../../ingest/links.js';
import { LIMITS } from '../../limits.js';
import { builder } from '../builder.js';
import { checkConfidence, checkRange } from '../errors.js';
import { planSelection } from '../lookahead.js';
import { pageConnection, papersPage } from '../pagination.js';
import { nodeField, relationField, singleRelationField } from '../prefetch.js';
import {
  AuthorRef,
  ListRef,
  OptimizerRef,
  PaperOrderEnum,
  PaperRef,
  SectionRef,
  TopicRef,
  VenueKindEnum,
  VenueRef,
} from '../refs.js';
import { RelatedPaperRef } from './related.js';

const CoCitationRef = builder.objectRef<CoCitationRow>('CoCitation').implement({
  description: 'A paper cited together with another, and by how many papers.',
  fields: (t) => ({
    paper: t.field({ type: PaperRef, resolve: (c) => c.paper }),
    count: t.exposeInt('count', { description: 'Papers in the graph that cite both.' }),
  }),
});

const LinkKindEnum = builder.enumType('LinkKind', {
  values: ['PDF', 'CODE', 'SLIDES', 'VIDEO', 'NOTES', 'OTHER'] as const satisfies readonly LinkKind[],
});

const LinkRef = builder.objectRef<{ label: string; url: string }>('Link').implement({
  fields: (t) => ({
    label: t.exposeString('label'),
    url: t.exposeString('url'),
    kind: t.field({ type: LinkKindEnum, resolve: (l) => linkKind(l) }),
  }),
});

builder.node(PaperRef, {
  description: 'A paper, one node however many lists name it.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.paper.load(id)),
  fields: (t) => ({
    title: t.exposeString('title'),
    year: t.exposeInt('year', { nullable: true, description: 'The year at the venue ("ICLR 2019" → 2019).' }),
    listedYear: t.exposeInt('listedYear', {
      nullable: true,
      description: 'The year the list gives after the venue ("…，ICLR 2019，2018" → 2018).',
    }),
    arxivId: t.exposeString('arxivId', { nullable: true }),
    // `reads` names the node properties a computed field needs: the look-ahead projects only
    // those (exposed fields need no mark; a field with neither makes it read the whole node).
    doi: t.exposeString('doi', {
      nullable: true,
      description: 'The DOI, lower-cased, without https://doi.org/.',
    }),
    openAlexId: t.exposeString('openAlexId', {
      nullable: true,
      description: 'The OpenAlex work id ("W2741809807").',
    }),
    otherIds: t.stringList({
      extensions: { reads: ['otherIds'] },
      description: 'Other identifiers as "scheme:value" (mag, pmid, pmcid…).',
      resolve: (p) => p.otherIds ?? [],
    }),
    abstract: t.exposeString('abstract', {
      nullable: true,
      description:
        'From a BibTeX, CSL-JSON or OpenAlex source (OpenAlex abstracts rebuilt from their inverted index).',
    }),
    keywords: t.stringList({
      extensions: { reads: ['keywords'] },
      description: 'Keywords of BibTeX and CSL sources, and OpenAlex keywords, topics and concepts.',
      resolve: (p) => p.keywords ?? [],
    }),
    globalCitationCount: t.exposeInt('globalCitationCount', {
      nullable: true,
      description:
        'Citations over all of scholarship as OpenAlex counts them (cited_by_count); citedBy counts those within this graph.',
    }),
    openreviewId: t.exposeString('openreviewId', {
      nullable: true,
      description: 'The OpenReview id, from an openreview.net forum or pdf link.',
    }),
    authorsComplete: t.boolean({
      extensions: { reads: ['authorsComplete'] },
      description: 'False when every list that names the paper cut its authors short ("G. Hinton et al.").',
      resolve: (p) => p.authorsComplete !== false,
    }),
    venueText: t.exposeString('venueText', {
      nullable: true,
      description: 'The venue as the list wrote it.',
    }),
    notes: t.stringList({ extensions: { reads: ['notes'] }, resolve: (p) => p.notes ?? [] }),
    venue: t.field({
      type: VenueRef,
      nullable: true,
      resolve: singleRelationField('paperVenue'),
    }),
    authors: t.field({
      type: [AuthorRef],
      description: 'In author order.',
      resolve: relationField('paperAuthors'),
    }),
    sections: t.field({
      type: [SectionRef],
      resolve: relationField('paperSections'),
    }),
    topics: t.field({
      type: [TopicRef],
      resolve: relationField('paperTopics'),
    }),
    optimizers: t.field({
      type: [OptimizerRef],
      resolve: relationField('paperOptimizers'),
    }),
    sources: t.field({
      type: [ListRef],
      description: 'The lists and files that stated this paper.',
      resolve: relationField('paperSources'),
    }),
    references: t.connection({
      type: PaperRef,
      description: 'Papers in the graph this paper cites, newest first.',
      resolve: papersPage('references'),
    }),
    citedBy: t.connection({
      type: PaperRef,
      description: 'Papers in the graph that cite this paper, newest first.',
      resolve: papersPage('citedBy'),
    }),
    coCited: t.field({
      type: [CoCitationRef],
      description:
        'Papers most often cited together with this one (how many papers in the graph cite both), strongest first, then newest.',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (p, args, ctx, info) =>
        prefetched<CoCitationRow[]>(p, info.path.key) ??
        ctx.loaders.coCited(checkRange(args.first ?? 10, LIMITS.coCited)).load(p.id),
    }),
    links: t.field({
      extensions: { reads: ['linkUrls', 'linkLabels'] },
      type: [LinkRef],
      resolve: (p) => (p.linkUrls ?? []).map((url, i) => ({ url, label: p.linkLabels?.[i] ?? 'link' })),
    }),
    bibtex: t.string({
      description: 'A BibTeX entry; the entry type follows the venue kind, the key is stable.',
      // The look-ahead reads these with the paper, so a page with bibtex is still one query.
      extensions: { prefetch: ['paperAuthors', 'paperVenue'] },
      resolve: async (p, _a, ctx, info) => {
        const [authors, venues] = await Promise.all([
          prefetched<AuthorNode[]>(p, `${info.path.key}:paperAuthors`) ??
            ctx.loaders.related('paperAuthors').load(p.id),
          prefetched<VenueNode[]>(p, `${info.path.key}:paperVenue`) ??
            ctx.loaders.related('paperVenue').load(p.id),
        ]);
        return bibtex(p, authors, venues[0] ?? null);
      },
    }),
    related: t.field({
      extensions: { reads: [] },
      type: [RelatedPaperRef],
      description: 'Related papers, best first (see Query.relatedWork).',
      args: {
        first: t.arg.int({ defaultValue: 10 }),
        crossSectionOnly: t.arg.boolean({ defaultValue: false }),
      },
      resolve: (p, args, ctx) =>
        relatedWork(
          ctx.db,
          p.id,
          checkRange(args.first ?? 10, LIMITS.relatedWork),
          args.crossSectionOnly ?? false,
        ),
    }),
  }),
});

const PaperFilter = builder.inputType('PaperFilter', {
  fields: (t) => ({
    titleContains: t.string(),
    authorId: t.id(),
    venueId: t.id(),
    venueKind: t.field({ type: VenueKindEnum }),
    topicId: t.id(),
    minConfidence: t.float({
      description:
        'With topicId: the least confidence an inferred assignment needs to count (stated ones are 1). Default: the taxonomy threshold (0.5).',
    }),
    sectionCode: t.string({
      description: 'A section code such as "A.2", in any list unless listId is given.',
    }),
    listId: t.id({
      description:
        'Papers a source states (a markdown list, or a BibTeX, CSL-JSON or OpenAlex file); with sectionCode, that section of it.',
    }),
    optimizer: t.string({ description: 'An optimizer name, case-insensitive ("adam").' }),
    yearFrom: t.int(),
    yearTo: t.int(),
    hasDoi: t.boolean({ description: 'Only papers with (true) or without (false) a DOI.' }),
    cites: t.id({ description: 'Only papers that cite this paper.' }),
    citedBy: t.id({ description: 'Only papers this paper cites.' }),
  }),
});

const checkedFilter = <F extends { minConfidence?: number | null }>(f: F): F => {
  if (f.minConfidence != null) checkConfidence(f.minConfidence, 'filter.minConfidence');
  return f;
};

builder.queryFields((t) => ({
  papers: t.connection({
    type: PaperRef,
    description: 'Papers matching a filter, newest first unless orderBy says otherwise.',
    args: {
      filter: t.arg({ type: PaperFilter }),
      orderBy: t.arg({ type: PaperOrderEnum, defaultValue: 'YEAR_DESC' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const plan = await planSelection(info, ['edges', 'node']);
      return pageConnection(args, (offset, limit) =>
        listPapers(
          ctx.db,
          checkedFilter(args.filter ?? {}),
          args.orderBy ?? 'YEAR_DESC',
          offset,
          limit,
          plan,
        ),
      );
    },
  }),
  paper: t.field({
    type: PaperRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => nodeField(ctx, info, 'Paper', String(args.id), ctx.loaders.paper),
  }),
}));
