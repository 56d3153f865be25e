/**
 * `npm run topics:infer [-- --dry-run]`: recomputes every paper's inferred topics (after a
 * taxonomy or model change), re-fitting the model first when the taxonomy changed, and prints
 * what changed. Manual and section assignments are never touched.
 */
import { parseArgs } from 'node:util';
import { applyConstraints } from '../db/schema/constraints.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { reinferAll } from '../topics/reinfer.js';
import { runCli } from './run.js';

const USAGE = 'usage: npm run topics:infer -- [--dry-run]';
let dryRun = false;
try {
  dryRun =
    parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } }).values['dry-run'] ?? false;
} catch (err) {
  console.error(`topics:infer: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

await runCli('topics:infer', async ({ db }) => {
  await applyConstraints(db);
  const taxonomy = loadTaxonomy();
  const started = Date.now();
  const s = await reinferAll(db, taxonomy, {
    dryRun,
    onBatch: (n) => process.stderr.write(`\r  ${n} papers`),
  });
  process.stderr.write('\n');
  if (s.refitted)
    console.log(
      `the taxonomy changed since the model was fitted: re-fitted ${s.model} on ${s.refitted.lists} labelled lists and ${s.refitted.statedPapers} papers with stated topics${dryRun ? ' (not saved)' : ''}`,
    );
  console.log(
    `${dryRun ? 'DRY RUN (nothing written): ' : ''}${s.papers} papers with model ${s.model} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${s.added} inferred assignments added · ${s.removed} removed · ${s.changed} changed confidence · ${s.unchanged} unchanged`,
  );
  for (const [topic, n] of Object.entries(s.byTopic))
    console.log(
      `  ${topic.padEnd(18)} ${String(n.before).padStart(7)} → ${String(n.after).padEnd(7)} papers at the default threshold`,
    );
});
