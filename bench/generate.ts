import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

/** `npm run bench:generate -- --papers N [--seed S] [--out FILE]`: writes a synthetic corpus as JSON records. */
const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1 || papers > 1_000_000) {
  console.error(`bench:generate: --papers must be a whole number from 1 to 1000000; got ${values.papers}`);
  process.exit(2);
}
const corpus = generateCorpus(papers, Number(values.seed));
const out = values.out ?? `bench/data/corpus-${papers}-seed${values.seed}.json`;
mkdirSync('bench/data', { recursive: true });
writeFileSync(out, JSON.stringify(corpus));
const authors = new Set(corpus.papers.flatMap((p) => p.authors.map((a) => a.id))).size;
console.log(
  `Wrote ${out}: ${papers} papers, ${authors} authors, ${corpus.papers.reduce((n, p) => n + p.authors.length, 0)} authorships.`,
);
