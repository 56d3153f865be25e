/**
 * `npm run bench`: for each corpus size, a fresh managed Neo4j, the synthetic corpus loaded with
 * the project's importer (the bulk path from --bulk-from papers up), then this API, @neo4j/graphql and the hand-written Cypher floor asked
 * the same six questions under the same load. Writes bench/RESULTS.md and bench/results.json.
 */
import { parseArgs } from 'node:util';
import { QUESTIONS, runBench, SYSTEMS } from './bench.js';
import type { SystemId } from './systems.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    'bulk-from': { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench' },
    systems: { type: 'string', default: Object.keys(SYSTEMS).join(',') },
    questions: { type: 'string', default: QUESTIONS.map((q) => q.id).join(',') },
  },
});
const fail = (msg: string): never => {
  console.error(`npm run bench: ${msg}`);
  process.exit(2);
};
const sizes = values.sizes.split(',').map(Number);
const [seconds, warmup, connections, seed] = [
  values.seconds,
  values.warmup,
  values.connections,
  values.seed,
].map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 10))
  fail(`--sizes takes whole numbers ≥ 10, comma-separated (got "${values.sizes}").`);
if (!(Number(seconds) > 0) || !(Number(warmup) >= 0)) fail('--seconds must be > 0 and --warmup ≥ 0.');
if (!Number.isInteger(connections) || Number(connections) < 1)
  fail('--connections must be a whole number ≥ 1.');
const systems = values.systems.split(',') as SystemId[];
for (const s of systems)
  if (!(s in SYSTEMS)) fail(`unknown system "${s}"; choose from ${Object.keys(SYSTEMS).join(', ')}.`);
const questions = QUESTIONS.filter((q) => values.questions.split(',').includes(q.id));
if (questions.length === 0) fail('--questions takes Q1 … Q6, comma-separated.');

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const out = await runBench({
  sizes,
  seconds: Number(seconds),
  warmup: Number(warmup),
  connections: Number(connections),
  seed: Number(seed),
  systems,
  questions,
  bulkFrom: Number(values['bulk-from']),
  outDir: values.out,
  command: `npm run bench -- --sizes ${values.sizes} --bulk-from ${values['bulk-from']} --seconds ${seconds} --warmup ${warmup} --connections ${connections} --seed ${seed}`,
  log,
});
log(
  `done in ${(out.totalSeconds / 60).toFixed(1)} min: ${values.out}/RESULTS.md, ${values.out}/results.json`,
);
