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
  },
});

builder.queryType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has, across all pages.',
    resolve: (c) => c.totalCount,
  }),
);
