import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run.js';
import { deleteEverything } from '../src/db/read/stats.js';
import { applyConstraints } from '../src/db/schema/constraints.js';
import { loadCorpus } from './load-corpus.js';

/** `npm run bench:load -- --papers N --reset`: empties the database, loads a synthetic corpus, prints the load rate. */
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '1000' },
    reset: { type: 'boolean', default: false },
  },
});
await runCli('bench:load', async ({ db, describe }) => {
  if (!values.reset) throw new Error('bench:load replaces the whole graph; pass --reset to confirm.');
  await deleteEverything(db);
  await applyConstraints(db);
  const r = await loadCorpus(db, Number(values.papers), Number(values.seed), Number(values.batch));
  console.log(
    `Loaded ${r.papers} papers (${r.authorships} authorships) into ${describe} in ${r.seconds.toFixed(2)} s: ${r.papersPerSecond.toFixed(0)} papers/s.`,
  );
});
