import { builder } from './builder.js';
import './error-types.js';
import './types/author.js';
import './types/graph-changed.js';
import './types/import.js';
import './types/paper-mutations.js';
import './types/graph.js';
import './types/optimizer.js';
import './types/paper.js';
import './types/related.js';
import './types/search.js';
import './types/section.js';
import './types/stats.js';
import './types/topic.js';
import './types/topic-assignment.js';
import './types/venue.js';

/** The whole GraphQL schema; importing the type files registers them with the builder. */
export const schema = builder.toSchema();
