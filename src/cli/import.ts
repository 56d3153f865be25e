import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { applyConstraints } from '../db/schema/constraints.js';
import { FORMATS, type Format } from '../ingest/formats.js';
import {
  decodeList,
  describeSkipped,
  ImportError,
  importDocument,
  MAX_LIST_BYTES,
  sourceFromFile,
} from '../ingest/import-list.js';
import type { ImportSummary } from '../ingest/load.js';
import { importJsonLines } from '../ingest/stream.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { LIMITS } from '../limits.js';
import { progressBar } from './progress.js';
import { runCli } from './run.js';

const USAGE =
  'usage: npm run import -- <file…> [--format md|bib|csl|openalex] [--dry-run] [--strict] [--source NAME]\n' +
  '  files: markdown lists (.md), BibTeX (.bib), CSL-JSON or OpenAlex JSON (.json), OpenAlex JSON Lines (.jsonl); any of them gzipped (.gz)';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      source: { type: 'string' },
      format: { type: 'string' },
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
} catch (err) {
  console.error(`import: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

const format = args.values.format as Format | undefined;
const isJsonLines = (file: string) => /\.(jsonl|ndjson)(\.gz)?$/i.test(file);

/** A file's text: gunzipped when it ends in .gz, refused past the size limit, UTF-8 checked. */
function readText(file: string, max: number): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    if (/\.gz$/i.test(file)) bytes = gunzipSync(bytes, { maxOutputLength: max + 1 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE')
      throw new ImportError(`${file} unpacks to more than ${max / 1024 / 1024} MB, the importer's limit.`);
    throw new ImportError(
      `cannot read ${file}: ${e.code === 'Z_DATA_ERROR' ? 'not a valid gzip file' : (e.code ?? e.message)}`,
    );
  }
  return decodeList(bytes, file, max);
}

await runCli('import', async ({ db, describe }) => {
  await applyConstraints(db);
  const taxonomy = loadTaxonomy();
  for (const file of args.positionals) {
    const source = args.values.source ?? sourceFromFile(file);
    const common = { source, dryRun: args.values['dry-run'], strict: args.values.strict };
    let summary: ImportSummary;
    if ((format === undefined || format === 'openalex') && isJsonLines(file)) {
      const bar = progressBar('bytes', 1);
      summary = await importJsonLines(db, file, taxonomy, {
        ...common,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop();
    } else {
      const max =
        format === 'md' || /\.(md|markdown)(\.gz)?$/i.test(file) ? MAX_LIST_BYTES : LIMITS.documentBytes;
      const bar = progressBar('papers');
      summary = await importDocument(db, readText(file, max), taxonomy, {
        ...common,
        format,
        fileName: file,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop();
    }
    console.error(`Imported ${file} into ${describe}.`);
    print(summary);
  }
});

function print(s: ImportSummary) {
  const c = s.created;
  const skipped = describeSkipped(s.skipped) || '0';
  console.log(
    `${s.dryRun ? 'DRY RUN (nothing written): ' : ''}${s.sections ? `list "${s.list}", ${s.sections} sections` : `source "${s.list}"`}`,
  );
  console.log(
    `  papers: ${s.papers.created} created, ${s.papers.updated} updated · skipped: ${skipped} · warnings: ${s.warnings.length}`,
  );
  console.log(`  entries:    ${s.entries} read`);
  console.log(
    `  new nodes:  ${c.Author ?? 0} authors, ${c.Venue ?? 0} venues, ${c.Optimizer ?? 0} optimizers, ${c.Topic ?? 0} topics, ${c.Section ?? 0} sections`,
  );
  console.log(`  warnings:   ${s.warnings.length}`);
  for (const w of s.warnings.slice(0, 50)) console.log(`    line ${w.line}: ${w.message}`);
  if (s.warnings.length > 50) console.log(`    … and ${s.warnings.length - 50} more`);
  for (const n of s.notices) console.log(`  notice: line ${n.line}: ${n.message}`);
}
