import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for graphql-yoga; Vite would pick its .mjs build for our
// sources, and two copies of graphql break instanceof checks (GraphQLError, schema types).
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

/** Tests that talk to a service are named *.int.test.ts (Neo4j, Redis) or *.e2e.test.ts (Chromium). */
const SERVICE_TESTS = ['tests/**/*.int.test.ts', 'tests/**/*.e2e.test.ts'];

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        // Pure code (parsers, planners, Cypher snapshots, label placement): no services, no global setup.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SERVICE_TESTS },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: SERVICE_TESTS,
          globalSetup: ['tests/setup/global-setup.ts'],
          // One real Neo4j is shared by all files; files run one at a time and each starts from a
          // clean graph (tests/helpers/neo4j.ts), so no file sees another's data.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
