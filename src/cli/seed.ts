import { parseArgs } from 'node:util';
import { deleteEverything } from '../db/read/stats.js';
import { applyConstraints } from '../db/schema/constraints.js';
import { loadSeed } from '../ingest/seed.js';
import { runCli } from './run.js';

/** `npm run seed [-- --reset]`: (re)loads the seed lists; --reset empties the database first. */
const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });

await runCli('seed', async ({ db, describe }) => {
  console.error(`Seeding ${describe}.`);
  if (values.reset) {
    await deleteEverything(db);
    console.error('Deleted every node and relationship (--reset).');
  }
  await applyConstraints(db);
  for (const s of await loadSeed(db)) {
    console.log(
      `${s.list}: ${s.sections} sections, papers ${s.papers.created} created / ${s.papers.updated} already present`,
    );
  }
});
