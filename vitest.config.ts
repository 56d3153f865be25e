import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql's CommonJS build for graphql-yoga; Vite would pick its .mjs build for our
  // sources, and two copies of graphql break instanceof checks (GraphQLError, schema types).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    // One real Neo4j is shared by all files; files run one at a time and each starts from a
    // clean graph (tests/helpers/neo4j.ts), so no file sees another's data.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
