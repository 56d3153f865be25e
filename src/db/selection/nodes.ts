import type { Db } from '../driver.js';
import type { NodeType } from '../schema/model.js';
import { PAPER_ORDERS, type PaperOrder } from '../schema/sort-keys.js';
import { type Plan, Projection } from './projection.js';
import { PAPER_SOURCES, type PaperSource, RELATIONS, type Relation } from './relations.js';

/** Nodes of one label by id, in key order, null where none matched (a DataLoader batch function). */
export async function nodesByIds<T>(
  db: Db,
  label: NodeType,
  ids: readonly string[],
): Promise<Array<T | null>> {
  // The label is one of the model's constants, never user input.
  const rows = await db.read(`UNWIND $ids AS id OPTIONAL MATCH (n:${label} {id: id}) RETURN n {.*} AS n`, {
    ids: [...ids],
  });
  return rows.map((r) => (r.n as T | null) ?? null);
}

/** One node by id with everything a look-ahead plan asks below it, in one query. */
export async function nodeWithPlan<T>(db: Db, label: NodeType, id: string, plan: Plan): Promise<T | null> {
  const projection = new Projection();
  // The label is one of the model's constants, never user input.
  const { clauses, map } = projection.node('x', plan);
  const [row] = await db.read(`MATCH (x:${label} {id: $id}) ${clauses} RETURN ${map} AS n`, {
    ...projection.params,
    id,
  });
  return (row?.n as T | undefined) ?? null;
}

export interface RelationKey {
  relation: Relation;
  key: string;
}

/**
 * Related nodes for many (relation, key) pairs in one query, whatever mix of relations a GraphQL
 * level asked for: one subquery per relation present, each returning a single row, so a level
 * costs one round trip. Results come back in request order.
 */
export async function relatedNodesBatch(db: Db, requests: readonly RelationKey[]): Promise<unknown[][]> {
  const keysOf = new Map<Relation, Set<string>>();
  for (const r of requests) {
    const set = keysOf.get(r.relation) ?? new Set<string>();
    keysOf.set(r.relation, set.add(r.key));
  }
  const relations = [...keysOf.keys()];
  // Relation names and patterns are the constants of relations.ts, never user input; keys stay parameters.
  const parts = relations.map((rel, i) => {
    const { from: label, pattern, tail } = RELATIONS[rel];
    return `CALL () {
       UNWIND $k${i} AS key MATCH (x:${label} {id: key})
       RETURN collect([key, COLLECT { MATCH ${pattern('x', 'n', 'r')} ${tail('n', 'r')} RETURN n {.*} }]) AS r${i}
     }`;
  });
  const [row = {}] = await db.read(
    `${parts.join('\n')} RETURN ${relations.map((_, i) => `r${i}`).join(', ')}`,
    Object.fromEntries(relations.map((rel, i) => [`k${i}`, [...(keysOf.get(rel) ?? [])]])),
  );
  const found = new Map<string, unknown[]>();
  relations.forEach((rel, i) => {
    for (const [key, nodes] of (row[`r${i}`] as Array<[string, unknown[]]>) ?? [])
      found.set(`${rel}|${key}`, nodes);
  });
  return requests.map((r) => found.get(`${r.relation}|${r.key}`) ?? []);
}

export interface Page<T> {
  totalCount: number;
  nodes: T[];
}

/** One page of papers for each key (newest first unless `order` says otherwise), with the total, in one query for all keys. */
export async function papersOf<T>(
  db: Db,
  source: PaperSource,
  keys: readonly string[],
  offset: number,
  limit: number,
  order: PaperOrder = 'YEAR_DESC',
): Promise<Array<Page<T>>> {
  const [label, pattern] = PAPER_SOURCES[source];
  const rows = await db.read(
    `UNWIND $keys AS key
     MATCH (x:${label} {id: key})
     RETURN key, COUNT { ${pattern('x', 'p')} } AS total,
            COLLECT { MATCH ${pattern('x', 'p')} WITH p ORDER BY ${PAPER_ORDERS[order]('p')} SKIP $offset LIMIT $limit RETURN p {.*} } AS nodes`,
    { keys: [...new Set(keys)], offset, limit },
  );
  const byKey = new Map(
    rows.map((r) => [r.key as string, { totalCount: r.total as number, nodes: r.nodes as T[] }]),
  );
  return keys.map((k) => byKey.get(k) ?? { totalCount: 0, nodes: [] });
}

/** How many papers each key reaches (a topic's papers, a source's entries), in key order; 0 where none. */
export async function paperCounts(db: Db, source: PaperSource, keys: readonly string[]): Promise<number[]> {
  const [label, pattern] = PAPER_SOURCES[source];
  const rows = await db.read(
    `UNWIND $keys AS key OPTIONAL MATCH (x:${label} {id: key}) RETURN key, COUNT { ${pattern('x', 'p')} } AS c`,
    { keys: [...new Set(keys)] },
  );
  const byKey = new Map(rows.map((r) => [r.key as string, r.c as number]));
  return keys.map((k) => byKey.get(k) ?? 0);
}
