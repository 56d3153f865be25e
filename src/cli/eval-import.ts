/** `npm run eval:import [dir|file…]`: the importer scored against gold lists, pure (no database). */
import { parseArgs } from 'node:util';
import { findGoldFiles } from '../eval/gold.js';
import { belowThresholds, evaluate, scoreTable } from '../eval/run-eval.js';

const USAGE =
  'usage: npm run eval:import -- [dir|file…] [--min-found PCT] [--max-garbage PCT] [--min-authors PCT] [--details]\n' +
  '  every <name>.<ext> beside a <name>.gold.json is parsed and scored (default folder: ../shared/gold)';

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new Error(`--${name} takes a percentage 0–100, not "${v}"`);
  return n;
}

let opts: { paths: string[]; details: boolean; t: Parameters<typeof belowThresholds>[1] };
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'min-found': { type: 'string' },
      'max-garbage': { type: 'string' },
      'min-authors': { type: 'string' },
      details: { type: 'boolean', default: false },
    },
  });
  opts = {
    paths: positionals.length ? positionals : ['../shared/gold'],
    details: values.details ?? false,
    t: {
      minFound: number('min-found', values['min-found']),
      maxGarbage: number('max-garbage', values['max-garbage']),
      minAuthors: number('min-authors', values['min-authors']),
    },
  };
} catch (err) {
  console.error(`eval:import: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

try {
  const files = findGoldFiles(opts.paths);
  if (!files.length) throw new Error(`no <name>.gold.json found in ${opts.paths.join(', ')}`);
  const scores = evaluate(files);
  console.log(scoreTable(scores));
  for (const s of scores) {
    if (s.error) console.log(`\n${s.name}: ${s.error}`);
    if (!opts.details) continue;
    for (const m of s.missed) console.log(`  ${s.name}:${m.line} missed: ${m.title}`);
    for (const g of s.garbageTitles) console.log(`  ${s.name}:${g.line} garbage: ${g.title}`);
    for (const m of s.mergedLines)
      console.log(`  ${s.name}:${m[0]} merged: lines ${m.join(', ')} are one work`);
    for (const a of s.authorMisses)
      console.log(`  ${s.name}:${a.line} authors: ${a.gold.join(', ')} ≠ read ${a.read.join(', ')}`);
  }
  const below = belowThresholds(scores, opts.t);
  if (below.length) {
    console.error(`\nbelow the thresholds:\n  ${below.join('\n  ')}`);
    process.exit(1);
  }
} catch (err) {
  console.error(`eval:import: ${(err as Error).message}`);
  process.exit(2);
}
