import { createYoga } from 'graphql-yoga';
import type { Db } from '../db/driver.js';
import { createContext } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import { PLAYGROUND_QUERY } from './playground.js';

export interface AppDeps {
  db: Db;
  production?: boolean;
}

/** Builds the HTTP app (GraphQL at /graphql, GraphiQL on GET); it opens no port, so tests call app.fetch(). */
export function createApp(deps: AppDeps) {
  return createYoga({
    schema,
    context: () => createContext(deps.db),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: (deps.production ?? false) ? true : { isDev: true },
    graphiql: { title: 'Paper graph', defaultQuery: PLAYGROUND_QUERY },
  });
}

export type App = ReturnType<typeof createApp>;
