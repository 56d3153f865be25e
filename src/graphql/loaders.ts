import DataLoader from 'dataloader';
import type { Db } from '../db/driver.js';
import { type CoAuthorRow, coAuthorsOf } from '../db/read/co-authors.js';
import { type CoCitationRow, coCitedOf } from '../db/read/co-citation.js';
import { type AssignmentRow, assignmentsOf } from '../db/read/topic-assignments.js';
import type {
  AuthorNode,
  ListNode,
  NodeType,
  OptimizerNode,
  PaperNode,
  SectionNode,
  TopicNode,
  VenueNode,
} from '../db/schema/model.js';
import type { PaperOrder } from '../db/schema/sort-keys.js';
import {
  nodesByIds,
  type Page,
  paperCounts,
  papersOf,
  type RelationKey,
  relatedNodesBatch,
} from '../db/selection/nodes.js';
import type { PaperSource, Relation, RelationTarget } from '../db/selection/relations.js';

/**
 * Every DataLoader of one request. Each batches the keys a GraphQL level asks for into one
 * `UNWIND $keys` query; loaders with arguments (page size, offset) get one instance per argument
 * set, so all parents on a path share a batch.
 */
export function createLoaders(db: Db) {
  const byArgs = new Map<string, DataLoader<string, unknown>>();
  const memo = <V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    let l = byArgs.get(key);
    if (!l) {
      l = make() as DataLoader<string, unknown>;
      byArgs.set(key, l);
    }
    return l as DataLoader<string, V>;
  };
  // One loader for every relation: all relations a level asks for share one batch and one query.
  const relations = new DataLoader<RelationKey, unknown[], string>((keys) => relatedNodesBatch(db, keys), {
    cacheKeyFn: (k) => `${k.relation}|${k.key}`,
  });
  const byId = <T>(label: NodeType) =>
    new DataLoader<string, T | null>((ids) => nodesByIds<T>(db, label, ids));
  return {
    paper: byId<PaperNode>('Paper'),
    author: byId<AuthorNode>('Author'),
    venue: byId<VenueNode>('Venue'),
    topic: byId<TopicNode>('Topic'),
    section: byId<SectionNode>('Section'),
    optimizer: byId<OptimizerNode>('Optimizer'),
    list: byId<ListNode>('List'),
    /** Papers a node reaches (Topic.paperCount, PaperList.entryCount): one query per source kind and level. */
    paperCount: (source: PaperSource) =>
      memo<number>(`count:${source}`, () => new DataLoader((keys) => paperCounts(db, source, keys))),
    related: <R extends Relation>(relation: R) => ({
      load: (key: string) => relations.load({ relation, key }) as Promise<Array<RelationTarget[R]>>,
    }),
    papersOf: (source: PaperSource, offset: number, limit: number, order: PaperOrder = 'YEAR_DESC') =>
      memo<Page<PaperNode>>(
        `papers:${source}:${order}:${offset}:${limit}`,
        () => new DataLoader((keys) => papersOf<PaperNode>(db, source, keys, offset, limit, order)),
      ),
    /** Paper.topicAssignments: every stored assignment of each paper of a level, in one query. */
    topicAssignments: new DataLoader<string, AssignmentRow[]>((ids) => assignmentsOf(db, ids)),
    coAuthors: (first: number) =>
      memo<CoAuthorRow[]>(`co:${first}`, () => new DataLoader((keys) => coAuthorsOf(db, keys, first))),
    coCited: (first: number) =>
      memo<CoCitationRow[]>(`cocited:${first}`, () => new DataLoader((keys) => coCitedOf(db, keys, first))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
