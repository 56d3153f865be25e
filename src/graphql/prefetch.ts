import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { NodeType } from '../db/schema/model.js';
import { nodeWithPlan } from '../db/selection/nodes.js';
import { prefetched } from '../db/selection/projection.js';
import type { Relation, RelationTarget } from '../db/selection/relations.js';
import type { Context } from './context.js';
import { planSelection } from './lookahead.js';

/**
 * The resolver of a relation field: the data its parent's query already read (look-ahead), else
 * one batched load shared by every parent on the level.
 */
export function relationField<R extends Relation>(relation: R) {
  return (parent: { id: string }, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    prefetched<Array<RelationTarget[R]>>(parent, info.path.key) ??
    ctx.loaders.related(relation).load(parent.id);
}

/** The same for a relation with at most one node (a paper's venue, a section's parent). */
export function singleRelationField<R extends Relation>(relation: R) {
  const many = relationField(relation);
  return async (parent: { id: string }, args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    (await many(parent, args, ctx, info))[0] ?? null;
}

/**
 * A root field that returns one node by id: with nested relations selected, the node and all of
 * them in one query; with only its own fields, the shared per-request loader.
 */
export async function nodeField<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  label: NodeType,
  id: string,
  loader: DataLoader<string, T | null>,
): Promise<T | null> {
  const plan = await planSelection(info);
  return plan.includes.length ? nodeWithPlan<T>(ctx.db, label, id, plan) : loader.load(id);
}
