import { type GraphEdgeRow, graphView } from '../../db/read/graph-view.js';
import type { NodeType } from '../../db/schema/model.js';
import { defaultMinConfidence } from '../../db/schema/topic-edges.js';
import { LIMITS } from '../../limits.js';
import { builder } from '../builder.js';
import { badInput, checkConfidence, checkRange } from '../errors.js';
import { TopicSourceEnum } from './topic-assignment.js';

const TYPES = ['PAPER', 'AUTHOR', 'VENUE', 'TOPIC', 'SECTION', 'OPTIMIZER'] as const;
const GraphNodeTypeEnum = builder.enumType('GraphNodeType', { values: TYPES });
const LABEL: Record<(typeof TYPES)[number], NodeType> = {
  PAPER: 'Paper',
  AUTHOR: 'Author',
  VENUE: 'Venue',
  TOPIC: 'Topic',
  SECTION: 'Section',
  OPTIMIZER: 'Optimizer',
};
const TYPE_OF = Object.fromEntries(Object.entries(LABEL).map(([k, v]) => [v, k])) as Record<
  NodeType,
  (typeof TYPES)[number]
>;

/** Bounds that keep one drawing request cheap: enough for the explorer, not a dump of the graph. */
export const MAX_GRAPH_NODES = LIMITS.graphNodes;
export const MAX_GRAPH_DEPTH = LIMITS.graphDepth;

const GraphNodeRef = builder.objectRef<{ id: string; type: NodeType; label: string }>('GraphNode').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.field({ type: GraphNodeTypeEnum, resolve: (n) => TYPE_OF[n.type] }),
    label: t.exposeString('label'),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdgeRow>('GraphEdge').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    type: t.exposeString('type', {
      description: 'The relationship type: AUTHORED, PUBLISHED_IN, LISTED_IN, …',
    }),
    weight: t.exposeFloat('weight'),
    topicSource: t.expose('topicSource', {
      type: TopicSourceEnum,
      nullable: true,
      description:
        'Of an ABOUT edge: where the topic came from (SECTION, INFERRED, MANUAL). Null for other relationship types.',
    }),
    confidence: t.exposeFloat('confidence', {
      nullable: true,
      description:
        'Of an ABOUT edge: how sure the assignment is (1 for stated ones). Null for other relationship types.',
    }),
  }),
});

const GraphViewRef = builder.objectRef<Awaited<ReturnType<typeof graphView>>>('GraphView').implement({
  description: 'Nodes and edges ready to draw.',
  fields: (t) => ({
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when the limit cut the neighbourhood short.',
    }),
  }),
});

builder.queryFields((t) => ({
  graph: t.field({
    type: GraphViewRef,
    description: 'A neighbourhood of the focus nodes (or the best-connected nodes), bounded by limit.',
    args: {
      focus: t.arg.idList({ defaultValue: [] }),
      depth: t.arg.int({ defaultValue: 1 }),
      types: t.arg({ type: [GraphNodeTypeEnum], defaultValue: [...TYPES] }),
      limit: t.arg.int({ defaultValue: 300 }),
      minConfidence: t.arg.float({
        description:
          'The least confidence an INFERRED topic assignment needs to be walked and drawn (stated ones are 1). Default: the taxonomy threshold (0.5).',
      }),
    },
    resolve: (_r, args, ctx) => {
      const focus = (args.focus ?? []).map(String);
      if (focus.length > 100) throw badInput('focus may name at most 100 nodes.', 'focus');
      const types = (args.types ?? [...TYPES]).map((x) => LABEL[x]);
      return graphView(
        ctx.db,
        focus,
        checkRange(args.depth ?? 1, MAX_GRAPH_DEPTH, 'depth', 0),
        types.length ? types : Object.values(LABEL),
        checkRange(args.limit ?? 300, MAX_GRAPH_NODES, 'limit'),
        checkConfidence(args.minConfidence ?? defaultMinConfidence()),
      );
    },
  }),
}));
