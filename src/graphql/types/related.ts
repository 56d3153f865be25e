import { collaborationPath } from '../../db/read/collaboration-path.js';
import { type CountedPaper, type MapEdge, type MapNode, relatedGraph } from '../../db/read/related-graph.js';
import { relatedWork } from '../../db/read/related-work.js';
import { type OverlapRow, topicOverlap, topicOverlapAuthors } from '../../db/read/topic-overlap.js';
import type { AuthorNode, PaperNode } from '../../db/schema/model.js';
import { defaultMinConfidence } from '../../db/schema/topic-edges.js';
import { LIMITS } from '../../limits.js';
import { builder } from '../builder.js';
import { badInput, checkConfidence, checkRange } from '../errors.js';
import { AuthorRef, PaperRef, TopicRef } from '../refs.js';

export const RelatedPaperRef = builder
  .objectRef<{ paper: PaperNode; score: number; reasons: string[]; crossSection: boolean }>('RelatedPaper')
  .implement({
    description: 'A paper related to another, with the score and the reasons behind it.',
    fields: (t) => ({
      paper: t.field({ type: PaperRef, resolve: (r) => r.paper }),
      score: t.exposeFloat('score'),
      reasons: t.exposeStringList('reasons'),
      crossSection: t.exposeBoolean('crossSection', {
        description: 'True when the two papers share no section.',
      }),
    }),
  });

const TopicOverlapRef = builder
  .objectRef<OverlapRow & { topicIds: string[]; minConfidence: number }>('TopicOverlap')
  .implement({
    description: 'What a set of topics has in common.',
    fields: (t) => ({
      topics: t.field({ type: [TopicRef], resolve: (o) => o.topics }),
      papers: t.field({
        type: [PaperRef],
        description: 'Papers about every one of the topics, newest first (at most `first`).',
        resolve: (o) => o.papers,
      }),
      authors: t.field({
        type: [AuthorRef],
        description: 'Authors of every paper about all of the topics, by name.',
        resolve: (o, _a, ctx) => topicOverlapAuthors(ctx.db, o.topicIds, o.minConfidence),
      }),
      paperCount: t.exposeInt('paperCount'),
      unionCount: t.exposeInt('unionCount', { description: 'Papers about at least one of the topics.' }),
      jaccard: t.exposeFloat('jaccard', { description: 'paperCount / unionCount.' }),
    }),
  });

const CollaborationLinkRef = builder
  .objectRef<{ from: AuthorNode; to: AuthorNode; papers: PaperNode[] }>('CollaborationLink')
  .implement({
    fields: (t) => ({
      from: t.field({ type: AuthorRef, resolve: (l) => l.from }),
      to: t.field({ type: AuthorRef, resolve: (l) => l.to }),
      papers: t.field({
        type: [PaperRef],
        description: 'Every paper the two wrote together.',
        resolve: (l) => l.papers,
      }),
    }),
  });

const CollaborationPathRef = builder
  .objectRef<{
    authors: AuthorNode[];
    links: Array<{ from: AuthorNode; to: AuthorNode; papers: PaperNode[] }>;
  }>('CollaborationPath')
  .implement({
    fields: (t) => ({
      authors: t.field({
        type: [AuthorRef],
        description: 'From the first author to the second, in order.',
        resolve: (p) => p.authors,
      }),
      links: t.field({ type: [CollaborationLinkRef], resolve: (p) => p.links }),
      length: t.int({ description: 'Co-authorship links on the path.', resolve: (p) => p.links.length }),
    }),
  });

const MapNodeRef = builder.objectRef<MapNode>('SimilarityNode').implement({
  description: 'A paper on a similarity map.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The paper id (Query.paper, Query.node).' }),
    title: t.exposeString('title'),
    year: t.exposeInt('year', { nullable: true }),
    citedBy: t.exposeInt('citedBy', { description: 'Papers in this graph that cite it.' }),
    score: t.exposeFloat('score', {
      nullable: true,
      description: 'Its related-work score to the map’s paper; null for that paper itself.',
    }),
    paper: t.field({ type: PaperRef, resolve: (n, _a, ctx) => ctx.loaders.paper.load(n.id) as never }),
  }),
});

const MapEdgeRef = builder.objectRef<MapEdge>('SimilarityEdge').implement({
  description: 'How similar two papers of the map are (text, citations, co-citation, coupling, authors).',
  fields: (t) => ({
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    weight: t.exposeFloat('weight'),
  }),
});

const CountedPaperRef = builder.objectRef<CountedPaper>('CountedPaper').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    year: t.exposeInt('year', { nullable: true }),
    count: t.exposeInt('count', { description: 'Papers of the map it cites, or that cite it.' }),
  }),
});

const RelatedGraphRef = builder
  .objectRef<{
    nodes: MapNode[];
    edges: MapEdge[];
    priorWorks: CountedPaper[];
    derivativeWorks: CountedPaper[];
  }>('RelatedGraph')
  .implement({
    description: 'A similarity map around one paper, laid out by a client from the edge weights.',
    fields: (t) => ({
      nodes: t.field({ type: [MapNodeRef], resolve: (g) => g.nodes }),
      edges: t.field({
        type: [MapEdgeRef],
        description: 'Only between nodes of the map; weight is the pairwise score.',
        resolve: (g) => g.edges,
      }),
      priorWorks: t.field({
        type: [CountedPaperRef],
        description: 'Papers outside the map that its papers cite most.',
        resolve: (g) => g.priorWorks,
      }),
      derivativeWorks: t.field({
        type: [CountedPaperRef],
        description: 'Papers outside the map that cite most of its papers.',
        resolve: (g) => g.derivativeWorks,
      }),
    }),
  });

/** Most related papers a request may ask for. */
export const MAX_RELATED = LIMITS.relatedWork;
export const MAX_PATH_LENGTH = LIMITS.pathLength;

builder.queryFields((t) => ({
  relatedWork: t.field({
    type: [RelatedPaperRef],
    description:
      'Papers related to one paper, best first: text (BM25 of its most distinctive words), citations (direct, co-citation, bibliographic coupling), shared authors, optimizers, topics and venue, and authors one co-authorship away, each normalised so a hub cannot dominate; every contribution is a reason with its number (see the README).',
    args: {
      paperId: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: 10 }),
      crossSectionOnly: t.arg.boolean({
        defaultValue: false,
        description: 'Only papers that share no section with it.',
      }),
    },
    resolve: (_r, args, ctx) =>
      relatedWork(
        ctx.db,
        String(args.paperId),
        checkRange(args.first ?? 10, MAX_RELATED),
        args.crossSectionOnly ?? false,
      ),
  }),
  relatedGraph: t.field({
    type: RelatedGraphRef,
    description:
      'A similarity map: the paper, its `size` most related papers, the weighted similarity edges among them, and the prior and derivative works of the set. One round trip.',
    args: {
      paperId: t.arg.id({ required: true }),
      size: t.arg.int({ defaultValue: 30 }),
    },
    resolve: (_r, args, ctx) =>
      relatedGraph(ctx.db, String(args.paperId), checkRange(args.size ?? 30, MAX_RELATED, 'size')),
  }),
  topicOverlap: t.field({
    type: TopicOverlapRef,
    args: {
      topicIds: t.arg.idList({ required: true }),
      first: t.arg.int({ defaultValue: 50 }),
      minConfidence: t.arg.float({
        description:
          'The least confidence an inferred assignment needs to count (stated ones are 1). Default: the taxonomy threshold (0.5); on the tenths the counts come from counters.',
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.topicIds.length < 1 || args.topicIds.length > 10) {
        throw badInput('topicIds must name 1 to 10 topics.', 'topicIds');
      }
      const topicIds = args.topicIds.map(String);
      const minConfidence = checkConfidence(args.minConfidence ?? defaultMinConfidence());
      return {
        topicIds,
        minConfidence,
        ...(await topicOverlap(
          ctx.db,
          topicIds,
          checkRange(args.first ?? 50, LIMITS.topicOverlap),
          minConfidence,
        )),
      };
    },
  }),
  collaborationPath: t.field({
    type: CollaborationPathRef,
    nullable: true,
    description:
      'The shortest chain of co-authors between two authors, or null when none is within maxLength links.',
    args: {
      fromAuthorId: t.arg.id({ required: true }),
      toAuthorId: t.arg.id({ required: true }),
      maxLength: t.arg.int({ defaultValue: 4 }),
    },
    resolve: (_r, args, ctx) =>
      collaborationPath(
        ctx.db,
        String(args.fromAuthorId),
        String(args.toAuthorId),
        checkRange(args.maxLength ?? 4, MAX_PATH_LENGTH, 'maxLength'),
      ),
  }),
}));
