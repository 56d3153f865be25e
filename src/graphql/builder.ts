import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, getNullableType, isListType } from 'graphql';
import { typeOfId } from '../db/schema/model.js';
import { LIMITS } from '../limits.js';
import type { Context } from './context.js';
import { unauthenticated } from './errors.js';

/** Per-query limits the schema enforces before resolving (see README, "Security and limits"). */
export const QUERY_LIMITS = {
  complexity: LIMITS.complexity,
  depth: LIMITS.depth,
  breadth: LIMITS.breadth,
} as const;

/** The one SchemaBuilder: context type, plugins and options; types register themselves in types/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
  AuthScopes: { writer: boolean };
}>({
  // Scope auth first, so an unauthorised write is refused before anything else runs.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  complexity: {
    // A field costs 1; what it selects costs once per item it can return: `first`/`limit` when
    // the client says, 10 for other lists. A connection's edges inherit the connection's `first`.
    fieldComplexity: (args, _ctx, field) => {
      // graph() is one bounded query however many nodes it returns: its cost grows with limit alone.
      if (field.name === 'graph') return { field: Math.ceil(Number(args.limit ?? 300) / 10), multiplier: 1 };
      const requested = [args.first, args.limit].find((v): v is number => typeof v === 'number');
      if (requested !== undefined) return { field: 1, multiplier: Math.max(requested, 1) };
      if (field.name === 'edges') return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
    },
    limit: { complexity: QUERY_LIMITS.complexity, depth: QUERY_LIMITS.depth, breadth: QUERY_LIMITS.breadth },
    complexityError: (kind, result) =>
      new GraphQLError(
        `Query ${kind.toLowerCase()} ${result[kind === 'Complexity' ? 'complexity' : kind === 'Depth' ? 'depth' : 'breadth']} is over the limit of ${result[`max${kind}`]}.`,
        {
          extensions: {
            code:
              kind === 'Complexity'
                ? 'QUERY_TOO_COMPLEX'
                : kind === 'Depth'
                  ? 'QUERY_TOO_DEEP'
                  : 'QUERY_TOO_BROAD',
          },
        },
      ),
  },
  scopeAuth: {
    authScopes: (ctx) => ({ writer: ctx.canWrite }),
    unauthorizedError: (_parent, ctx) => unauthenticated(ctx.writesEnabled),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Graph ids already carry their type ("paper:…", "author:philipp-hennig") and are unique
    // across types, so they serve as Relay global ids as they are: readable in the playground.
    encodeGlobalID: (_typename, id) => String(id),
    // The List kind is the PaperList type: the only kind whose label is not its type's name.
    decodeGlobalID: (globalID) => {
      const kind = typeOfId(globalID);
      return { typename: kind === 'List' ? 'PaperList' : (kind ?? 'Unknown'), id: globalID };
    },
    // An id of no known type is simply not found: null, not an error.
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) =>
        id.typename === 'Unknown' ? null : resolveNode(id),
    },
    nodesQueryOptions: {
      resolve: async (_root, { ids }, _ctx, _info, resolveNodes) => {
        const known = ids.filter((id) => id.typename !== 'Unknown');
        const found = await resolveNodes(known);
        return ids.map((id) => (id.typename === 'Unknown' ? null : (found[known.indexOf(id)] ?? null)));
      },
    },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has, across all pages.',
    resolve: (c) => c.totalCount,
  }),
);
