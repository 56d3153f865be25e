/**
 * @neo4j/graphql over the same database, served by graphql-yoga with its defaults: what a user
 * who picks the generated API would run.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { announce, systemEnv } from './env.js';

const { driver, port } = systemEnv();
const typeDefs = readFileSync(new URL('./neo4j-graphql.graphql', import.meta.url), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, graphiql: false, logging: false });
announce(createServer(yoga), port);
