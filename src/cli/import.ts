import { watch } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { applyConstraints } from '../db/schema/constraints.js';
import { type BulkSummary, bulkImport } from '../ingest/bulk/bulk-import.js';
import { FORMATS, type Format } from '../ingest/formats.js';
import { describeSkipped, ImportError, importDocument, sourceFromFile } from '../ingest/import-list.js';
import type { ImportSummary } from '../ingest/load.js';
import { isJsonLines, readDocumentFile } from '../ingest/read-file.js';
import { importJsonLines } from '../ingest/stream.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { progressBar } from './progress.js';
import { runCli } from './run.js';

const USAGE =
  'usage: npm run import -- <file…> [--format md|bib|csl|openalex] [--dry-run] [--strict] [--keep] [--source NAME] [--watch] [--bulk]\n' +
  '  files: markdown lists (.md), BibTeX (.bib), CSL-JSON or OpenAlex JSON (.json), OpenAlex JSON Lines (.jsonl); any of them gzipped (.gz)\n' +
  '  --dry-run: print what would change, entry by entry, and write nothing\n' +
  '  --keep: only add (what an earlier import of the source stated and the file no longer says stays)\n' +
  '  --watch: import again each time a file changes, until interrupted (Ctrl-C)\n' +
  '  --bulk: into an empty managed database through neo4j-admin import (the server is stopped and started again)';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      source: { type: 'string' },
      format: { type: 'string' },
      bulk: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
  if (args.positionals.length === 0) throw new Error('expected at least one file');
  if (args.values.format && !FORMATS.includes(args.values.format as Format))
    throw new Error(`--format must be one of ${FORMATS.join(', ')}, not "${args.values.format}"`);
  if (args.values.source && args.positionals.length > 1)
    throw new Error('--source names one file; with several files each is named after its file');
  if (args.values.watch && (args.values.bulk || args.values['dry-run']))
    throw new Error(
      '--watch imports for real, each time a file changes; it takes neither --bulk nor --dry-run',
    );
  if (args.values.bulk && args.values.keep)
    throw new Error('--bulk loads an empty database; --keep has nothing to keep there');
  if (args.values.bulk && args.values['dry-run'])
    throw new Error(
      '--bulk does not take --dry-run; run the same files with --dry-run alone to see what they hold',
    );
} catch (err) {
  console.error(`import: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

const format = args.values.format as Format | undefined;
if (args.values.bulk) await runBulk();
else
  await runCli('import', async ({ db, describe }) => {
    await applyConstraints(db);
    const taxonomy = loadTaxonomy();
    const importFile = async (file: string) => {
      const source = args.values.source ?? sourceFromFile(file);
      const common = {
        source,
        dryRun: args.values['dry-run'],
        strict: args.values.strict,
        keep: args.values.keep,
      };
      let summary: ImportSummary;
      if ((format === undefined || format === 'openalex') && isJsonLines(file)) {
        const bar = progressBar('bytes', 1);
        summary = await importJsonLines(db, file, taxonomy, {
          ...common,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
      } else {
        const bar = progressBar('papers');
        summary = await importDocument(db, readDocumentFile(file, format), taxonomy, {
          ...common,
          batchLarge: true,
          format,
          fileName: file,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
      }
      console.error(`Imported ${file} into ${describe}.`);
      print(summary);
    };
    for (const file of args.positionals) await importFile(file);
    if (args.values.watch) await watchFiles(args.positionals, importFile);
  });

/**
 * Imports a file again each time it changes (editors write a file in bursts: changes within
 * 300 ms are one), one import at a time, until SIGINT or SIGTERM. A failed import is reported
 * and the watch goes on: the graph keeps what the last good import wrote.
 */
async function watchFiles(files: string[], importFile: (file: string) => Promise<void>): Promise<void> {
  console.error(`Watching ${files.join(', ')} (Ctrl-C to stop).`);
  let queue = Promise.resolve();
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers = files.map((file) =>
    watch(file, () => {
      clearTimeout(timers.get(file));
      timers.set(
        file,
        setTimeout(() => {
          queue = queue.then(() =>
            importFile(file).catch((err) => {
              console.error(`import: ${file}: ${(err as Error).message}`);
            }),
          );
        }, 300),
      );
    }),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const w of watchers) w.close();
  for (const t of timers.values()) clearTimeout(t);
  await queue;
}

function print(s: ImportSummary) {
  const c = s.created;
  const skipped = describeSkipped(s.skipped) || '0';
  console.log(
    `${s.dryRun ? 'DRY RUN (nothing written): ' : ''}${s.sections ? `list "${s.list}", ${s.sections} sections` : `source "${s.list}"`}`,
  );
  const p = s.papers;
  console.log(
    `  papers: ${p.created} created · ${p.updated} updated · ${p.moved} moved · ${p.removed} removed${p.deleted ? ` (${p.deleted} left the graph)` : ''}${s.synced ? '' : ' (--keep)'} · skipped: ${skipped} · warnings: ${s.warnings.length}`,
  );
  printChanges(s);
  console.log(`  entries:    ${s.entries} read`);
  console.log(
    `  new nodes:  ${c.Author ?? 0} authors, ${c.Venue ?? 0} venues, ${c.Optimizer ?? 0} optimizers, ${c.Topic ?? 0} topics, ${c.Section ?? 0} sections`,
  );
  console.log(`  warnings:   ${s.warnings.length}`);
  for (const w of s.warnings.slice(0, 50)) console.log(`    line ${w.line}: ${w.message}`);
  if (s.warnings.length > 50) console.log(`    … and ${s.warnings.length - 50} more`);
  for (const n of s.notices) console.log(`  notice: line ${n.line}: ${n.message}`);
}

/** Entry by entry: every change on a dry run; moves and removals (the first 50 of each) otherwise. */
function printChanges(s: ImportSummary) {
  const at = (sections: string[]) => (sections.length ? sections.join(', ') : '(no section)');
  const lines = [
    ...(s.dryRun ? s.changes.added.map((c) => `    + ${c.title}  → ${at(c.to)}`) : []),
    ...s.changes.moved
      .slice(0, s.dryRun ? undefined : 50)
      .map((c) => `    ~ ${c.title}  ${at(c.from)} → ${at(c.to)}`),
    ...s.changes.removed
      .slice(0, s.dryRun ? undefined : 50)
      .map((c) => `    - ${c.title}  ${at(c.from)}${c.deleted ? '  (leaves the graph)' : ''}`),
  ];
  if (lines.length) console.log(`  changes:\n${lines.join('\n')}`);
}

async function runBulk(): Promise<void> {
  const log = (m: string) => console.error(m);
  try {
    const inputs = args.positionals.map((file) => ({
      file,
      ...(format ? { format } : {}),
      ...(args.values.source ? { source: args.values.source } : {}),
    }));
    let last = 0;
    const s = await bulkImport(loadConfig().neo4j, inputs, loadTaxonomy(), {
      strict: args.values.strict,
      log,
      onProgress: (works) => {
        if (works - last < 100_000) return;
        last = works;
        log(`  read ${works} works…`);
      },
    });
    printBulk(s);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ImportError) console.error(`import: ${err.message}`);
    else console.error('import failed:', err);
    process.exitCode = 1;
  }
}

function printBulk(s: BulkSummary) {
  const c = s.counts;
  const t = s.seconds;
  console.log(
    `BULK IMPORT: ${c.papers + c.duplicates} works read (${s.entries} entries), ${c.papers} papers, ${c.authors} authors, ${c.authorships} authorships, ${c.citations} citations, ${c.pendingRefs} pending references`,
  );
  console.log(
    `  merged through the online path: ${c.duplicates} rows naming a paper twice · skipped: ${describeSkipped(s.skipped) || '0'} · warnings: ${s.warnings.length}`,
  );
  console.log(`  graph: ${c.nodes} nodes, ${c.relationships} relationships`);
  console.log(
    `  time: ${t.total.toFixed(1)} s = files ${t.files.toFixed(1)} + neo4j-admin ${t.adminImport.toFixed(1)} + start ${t.start.toFixed(1)} + indexes ${t.indexes.toFixed(1)} + merges ${t.duplicates.toFixed(1)} → ${((c.papers + c.duplicates) / t.total).toFixed(0)} works/s`,
  );
  console.log(
    `  peak RSS: this process ${s.peakRssMb.node.toFixed(0)} MB, the import tool ${s.peakRssMb.importTool.toFixed(0)} MB`,
  );
  for (const w of s.warnings.slice(0, 50)) console.log(`    ${w.message}`);
  if (s.warnings.length > 50) console.log(`    … and ${s.warnings.length - 50} more`);
}
