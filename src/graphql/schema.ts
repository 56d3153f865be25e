import { builder } from './builder.js';
import './types/stats.js';

/** The whole GraphQL schema; importing the type files registers them with the builder. */
export const schema = builder.toSchema();
