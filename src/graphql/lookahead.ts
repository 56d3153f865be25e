import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  type FieldNode,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { PaperOrder } from '../db/schema/sort-keys.js';
import { EMPTY_PLAN, type Include, type Plan } from '../db/selection/projection.js';
import { PAPER_SOURCES, type PaperSource, RELATIONS, type Relation } from '../db/selection/relations.js';
import { LIMITS } from '../limits.js';
import { DEFAULT_PAGE, MAX_PAGE } from './pagination.js';
import { TYPE_OF_KIND } from './refs.js';

/** Most co-authors one request may ask for per author (Author.coAuthors). */
export const MAX_CO_AUTHORS = LIMITS.coAuthors;

type Fold =
  | { kind: 'relation'; relation: Relation }
  | { kind: 'papers'; source: PaperSource }
  | { kind: 'coAuthors' }
  | { kind: 'coCited' };

const rel = (relation: Relation): Fold => ({ kind: 'relation', relation });
const papers = (source: PaperSource): Fold => ({ kind: 'papers', source });

/**
 * Fields whose data can be read in their parent's query, by type, derived from the relation
 * catalogue (each relation names its field; each paper source is its type's `papers`), plus
 * Author.coAuthors and Paper.coCited. Every other field resolves on its own.
 */
const FOLDABLE: Record<string, Record<string, Fold>> = {};
for (const [name, { from, field }] of Object.entries(RELATIONS)) {
  const type = TYPE_OF_KIND[from];
  FOLDABLE[type] = { ...FOLDABLE[type], [field]: rel(name as Relation) };
}
for (const [source, [label, , field]] of Object.entries(PAPER_SOURCES)) {
  const type = TYPE_OF_KIND[label];
  FOLDABLE[type] = { ...FOLDABLE[type], [field]: papers(source as PaperSource) };
}
FOLDABLE.Author = { ...FOLDABLE.Author, coAuthors: { kind: 'coAuthors' } };
FOLDABLE.Paper = { ...FOLDABLE.Paper, coCited: { kind: 'coCited' } };

/**
 * The node properties a field reads, from the schema itself: an exposed field (`t.exposeString`)
 * reads its property, a computed one names what it reads in `extensions.reads`; a field with
 * neither makes the node read all its properties (null). `id` and `__typename` need nothing.
 */
function readsOf(type: GraphQLObjectType, name: string): string[] | null {
  if (name === 'id' || name === '__typename') return [];
  const ext = (type.getFields()[name]?.extensions ?? {}) as { pothosExposedField?: string; reads?: string[] };
  if (ext.reads) return ext.reads;
  return ext.pothosExposedField ? [ext.pothosExposedField] : null;
}

/**
 * The look-ahead: what the current field's selection asks below the node(s) it returns, so the
 * resolver can read it all in one query. `path` walks through wrapper fields first (a connection's
 * ["edges", "node"]). Fragments, aliases and @skip/@include are honoured.
 */
export async function planSelection(info: GraphQLResolveInfo, path: string[] = []): Promise<Plan> {
  let type: GraphQLNamedType | undefined = getNamedType(info.returnType);
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    if (!isObjectType(type)) return EMPTY_PLAN;
    const inner = [...collectFields(info, type, nodes).values()].flat().filter((f) => f.name.value === name);
    type = getNamedType(type.getFields()[name]?.type);
    nodes = inner;
  }
  return isObjectType(type) ? planFor(info, type, nodes) : EMPTY_PLAN;
}

async function planFor(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): Promise<Plan> {
  const folds = FOLDABLE[type.name];
  if (!folds) return EMPTY_PLAN;
  let props: Set<string> | null = new Set();
  const includes: Include[] = [];
  for (const [key, fields] of collectFields(info, type, nodes)) {
    const first = fields[0] as FieldNode;
    const name = first.name.value;
    const fold = folds[name];
    const def = type.getFields()[name];
    if (!fold || !def) {
      const read = readsOf(type, name);
      if (read) for (const p of read) props?.add(p);
      else props = null;
      // A computed field may name relations it needs (Paper.bibtex: authors, venue): read them here
      // too, under `<key>:<relation>`, so the field costs no query of its own.
      const needs = (def?.extensions as { prefetch?: Relation[] } | undefined)?.prefetch ?? [];
      for (const relation of needs)
        includes.push({ kind: 'relation', key: `${key}:${relation}`, relation, child: EMPTY_PLAN });
      continue;
    }
    const args = getArgumentValues(def, first, info.variableValues);
    const child = getNamedType(def.type);
    if (!isObjectType(child)) continue;
    if (fold.kind === 'relation') {
      includes.push({
        kind: 'relation',
        key,
        relation: fold.relation,
        child: await planFor(info, child, fields),
      });
    } else if (fold.kind === 'papers') {
      const page = await pageWindow(args);
      // Out-of-range page arguments are left to the field's resolver, which reports them.
      if (!page) continue;
      const edgeNodes = subFields(info, child, fields, 'edges');
      const paperType = info.schema.getType('Paper') as GraphQLObjectType;
      const edgeType = getNamedType(child.getFields().edges?.type) as GraphQLObjectType;
      const paperNodes = subFields(info, edgeType, edgeNodes, 'node');
      includes.push({
        kind: 'papers',
        key,
        source: fold.source,
        // A connection without orderBy pages newest first, as its resolver does.
        order: (args.orderBy as PaperOrder | undefined) ?? 'YEAR_DESC',
        ...page,
        child: await planFor(info, paperType, paperNodes),
      });
    } else if (fold.kind === 'coCited') {
      const n = (args.first as number | undefined) ?? 10;
      // Out-of-range counts are left to the field's resolver, which reports them.
      if (!Number.isInteger(n) || n < 1 || n > LIMITS.coCited) continue;
      const paper = subFields(info, child, fields, 'paper');
      includes.push({
        kind: 'coCited',
        key,
        first: n,
        paper: await planFor(info, info.schema.getType('Paper') as GraphQLObjectType, paper),
      });
    } else {
      const n = (args.first as number | undefined) ?? 10;
      if (!Number.isInteger(n) || n < 1 || n > MAX_CO_AUTHORS) continue;
      const author = subFields(info, child, fields, 'author');
      const shared = subFields(info, child, fields, 'papers');
      includes.push({
        kind: 'coAuthors',
        key,
        first: n,
        author: await planFor(info, info.schema.getType('Author') as GraphQLObjectType, author),
        papers: shared.length
          ? await planFor(info, info.schema.getType('Paper') as GraphQLObjectType, shared)
          : null,
      });
    }
  }
  return { includes, props: props ? [...props] : null };
}

/** The offset and limit a connection's arguments select (as its resolver computes them), or null when invalid. */
async function pageWindow(args: Record<string, unknown>): Promise<{ offset: number; limit: number } | null> {
  const sizes = [args.first, args.last].filter((x) => x != null) as number[];
  if (sizes.some((x) => !Number.isInteger(x) || x < 0 || x > MAX_PAGE)) return null;
  let window: { offset: number; limit: number } | null = null;
  try {
    await resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, (w) => {
      window = w;
      return [];
    });
  } catch {
    return null;
  }
  return window;
}

/** The fields named `name` in the selections of `nodes` (on `type`). */
function subFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  name: string,
) {
  return [...collectFields(info, type, nodes).values()].flat().filter((f) => f.name.value === name);
}

/** The fields selected on `type` by `nodes`, grouped by response key, through fragments and @skip/@include. */
function collectFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (!included(info, sel)) continue;
      if (sel.kind === 'Field') {
        const key = sel.alias?.value ?? sel.name.value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === 'InlineFragment') {
        if (!sel.typeCondition || applies(info, sel.typeCondition.name.value, type)) visit(sel.selectionSet);
      } else {
        const frag = info.fragments[sel.name.value];
        if (frag && applies(info, frag.typeCondition.name.value, type)) visit(frag.selectionSet);
      }
    }
  };
  for (const n of nodes) visit(n.selectionSet);
  return out;
}

/** Whether a fragment on `condition` applies to `type`, as graphql-js decides: the type itself, or an interface or union it belongs to ("... on Node"). */
function applies(info: GraphQLResolveInfo, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const t = info.schema.getType(condition);
  return t !== undefined && isAbstractType(t) && info.schema.isSubType(t, type);
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
