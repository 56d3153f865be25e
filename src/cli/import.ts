import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyConstraints } from '../db/schema/constraints.js';
import {
  decodeList,
  describeSkipped,
  ImportError,
  importList,
  sourceFromFile,
} from '../ingest/import-list.js';
import type { ImportSummary } from '../ingest/load.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { progressBar } from './progress.js';
import { runCli } from './run.js';

const USAGE = 'usage: npm run import -- <file.md> [--dry-run] [--strict] [--source NAME]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      source: { type: 'string' },
    },
  });
}
try {
  args = parse();
  if (args.positionals.length !== 1)
    throw new Error(`expected exactly one file, got ${args.positionals.length}`);
} catch (err) {
  console.error(`import: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

const file = args.positionals[0] as string;
await runCli('import', async ({ db, describe }) => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ImportError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const markdown = decodeList(bytes, file);
  await applyConstraints(db);
  const bar = progressBar('papers');
  const summary = await importList(db, markdown, loadTaxonomy(), {
    source: args.values.source ?? sourceFromFile(file),
    dryRun: args.values['dry-run'],
    strict: args.values.strict,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.stop();
  console.error(`Imported into ${describe}.`);
  print(summary);
});

function print(s: ImportSummary) {
  const c = s.created;
  const skipped = describeSkipped(s.skipped) || '0';
  console.log(`${s.dryRun ? 'DRY RUN (nothing written): ' : ''}list "${s.list}", ${s.sections} sections`);
  console.log(
    `  papers: ${s.papers.created} created, ${s.papers.updated} updated · skipped: ${skipped} · warnings: ${s.warnings.length}`,
  );
  console.log(`  entries:    ${s.entries} read`);
  console.log(
    `  new nodes:  ${c.Author ?? 0} authors, ${c.Venue ?? 0} venues, ${c.Optimizer ?? 0} optimizers, ${c.Topic ?? 0} topics, ${c.Section ?? 0} sections`,
  );
  console.log(`  warnings:   ${s.warnings.length}`);
  for (const w of s.warnings) console.log(`    line ${w.line}: ${w.message}`);
  for (const n of s.notices) console.log(`  notice: line ${n.line}: ${n.message}`);
}
