/**
 * `npm run eval:topics [-- dir…]`: topic inference scored leave-one-list-out on the labelled lists
 * (seed/taxonomy.yaml's section mappings) found in the corpus folders.
 */
import { evaluateTopics } from '../eval/topic-score.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { CORPUS_DIRS, corpusFiles, heldOutLists, readCorpus } from '../topics/corpus.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--lists');
  const heldOut = args.find((a) => a.startsWith('--held-out='))?.slice(11);
  const dirs = args.filter((a) => !a.startsWith('--'));
  const dev = loadTaxonomy();
  const devFiles = corpusFiles(dev, dirs.length ? dirs : CORPUS_DIRS);
  if (!devFiles.length)
    throw new Error(`No labelled list found in ${(dirs.length ? dirs : CORPUS_DIRS).join(', ')}`);
  // Held out: the lists of that folder, scored by one model fitted on the whole development corpus.
  const held = heldOut ? heldOutLists(heldOut, dev) : null;
  const taxonomy = held?.taxonomy ?? dev;
  const files = held?.files ?? devFiles;
  const corpus = readCorpus(taxonomy, files);
  const fittedOn = held ? readCorpus(dev, devFiles) : undefined;
  const started = Date.now();
  const pool = args.find((a) => a.startsWith('--pool='));
  const threshold = args.find((a) => a.startsWith('--threshold='));
  const e = evaluateTopics(
    taxonomy,
    corpus,
    threshold ? Number(threshold.slice(12)) : taxonomy.inference.threshold,
    undefined,
    pool ? Number(pool.slice(7)) : undefined,
    fittedOn,
  );
  console.log(
    `${files.length} labelled lists, ${corpus.length} papers (${corpus.filter((p) => p.labels.size).length} labelled), ${held ? `held out (fitted on ${devFiles.length} development lists)` : 'leave-one-list-out'}, threshold ${taxonomy.inference.threshold}\n`,
  );
  console.log('| topic | facet | support | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of e.rows)
    console.log(
      `| ${r.topic} | ${r.facet} | ${r.support} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.f1.toFixed(3)} |`,
    );
  console.log(`\nmacro-F1 ${e.macroF1.toFixed(3)} over the topics with support`);
  const ff = e.falseFamily.reduce((n, l) => n + l.papers, 0);
  console.log(
    `false family: ${e.falseFamily.reduce((n, l) => n + l.withFamily, 0)}/${ff} papers of ${e.falseFamily.length} lists about something else (${pct(e.falseFamilyRate)})`,
  );
  if (verbose) for (const l of e.falseFamily) console.log(`  ${l.list}: ${l.withFamily}/${l.papers}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
