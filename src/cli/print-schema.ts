import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../graphql/schema.js';

/** `npm run schema`: writes the sorted SDL to schema/schema.graphql, so every API change shows as a diff. */
export const SCHEMA_FILE = 'schema/schema.graphql';
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1]?.endsWith('print-schema.ts')) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`Wrote ${SCHEMA_FILE}.`);
}
