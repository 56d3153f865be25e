import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { typeOfId } from '../db/model.js';
import type { Context } from './context.js';

/** The one SchemaBuilder: context type, plugins and options; types register themselves in types/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Graph ids already carry their type ("paper:…", "author:philipp-hennig") and are unique
    // across types, so they serve as Relay global ids as they are: readable in the playground.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: typeOfId(globalID) ?? 'Unknown', id: globalID }),
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

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has, across all pages.',
    resolve: (c) => c.totalCount,
  }),
);
