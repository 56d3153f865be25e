import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { applyConstraints } from '../db/schema/constraints.js';
import { enrich } from '../enrich/enrich.js';
import { OpenAlexClient } from '../enrich/openalex-client.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { runCli } from './run.js';

const USAGE = 'usage: npm run enrich -- [--limit N] [--mailto you@example.org] [--dry-run]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      limit: { type: 'string', default: '100' },
      mailto: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
}
let limit = 100;
try {
  args = parse();
  limit = Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new Error(`--limit must be a whole number from 1 to 100000, not "${args.values.limit}"`);
  if (args.values.mailto && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.values.mailto))
    throw new Error(`--mailto must be an e-mail address, not "${args.values.mailto}"`);
} catch (err) {
  console.error(`enrich: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

await runCli('enrich', async ({ db, describe }) => {
  const config = loadConfig().openAlex;
  const mailto = args.values.mailto ?? config.mailto;
  if (!mailto)
    console.error(
      'enrich: no --mailto (or OPENALEX_MAILTO) given: OpenAlex answers more slowly without one.',
    );
  await applyConstraints(db);
  const client = new OpenAlexClient({ baseUrl: config.url, mailto, cacheDir: config.cacheDir });
  const dryRun = args.values['dry-run'];
  console.log(
    `${dryRun ? 'DRY RUN (nothing written): ' : ''}looking up at most ${limit} papers in ${config.url}`,
  );
  const s = await enrich(db, client, loadTaxonomy(), {
    limit,
    dryRun,
    onProposal: (p) =>
      console.log(
        'found' in p
          ? `  no match      ${p.paperId} "${p.title}"`
          : `  ${`${p.by} ${p.confidence.toFixed(2)}`.padEnd(13)} ${p.paperId} → ${p.workId} "${p.workTitle}" (${p.workYear ?? '?'})`,
      ),
  });
  console.log(
    `looked up ${s.lookedUp} papers: ${s.proposals.length} matched, ${s.notFound.length} not found · ${s.requests} requests, ${s.cacheHits} answered from the cache`,
  );
  if (s.filled)
    console.log(
      `filled in ${describe}: ${s.filled.dois} DOIs, ${s.filled.abstracts} abstracts, ${s.filled.citations} citations (+${s.filled.pendingReferences} references to works not in the graph)`,
    );
});
