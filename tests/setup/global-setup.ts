import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultCacheDir } from '../../src/config.js';
import { startLocalNeo4j } from '../../src/neo4j-server/server.js';
import type { Neo4jTarget } from '../helpers/neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

/**
 * Chooses the Neo4j the tests talk to: NEO4J_URI when set; else a Docker engine through
 * testcontainers; else the managed local server on a throwaway data folder.
 */
export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      source: 'NEO4J_URI',
    });
    return;
  }
  if (await dockerAvailable()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('test-password').start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      source: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'paper-graph-test-'));
  const server = await startLocalNeo4j({
    dataDir,
    cacheDir: process.env.NEO4J_CACHE_DIR ?? defaultCacheDir(),
    log: (m) => console.log(`[neo4j] ${m}`),
  });
  const { uri, user, password } = server;
  project.provide('neo4j', { uri, user, password, database: 'neo4j', source: `managed (${dataDir})` });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** A Docker engine answers (the client alone is not enough). */
async function dockerAvailable(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
