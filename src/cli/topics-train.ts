/**
 * `npm run topics:train [-- dir…]`: fits the topic model on every labelled list of the corpus
 * (seed/taxonomy.yaml's section mappings) and the taxonomy's own words, and writes
 * seed/topic-model.json, the model imports infer with.
 */
import { writeFileSync } from 'node:fs';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import { CORPUS_DIRS, corpusFiles, readCorpus } from '../topics/corpus.js';
import { phraseIndex } from '../topics/features.js';
import { taxonomyExamples } from '../topics/fitting-data.js';
import { MODEL_FILE } from '../topics/infer.js';
import { fitModel } from '../topics/model.js';
import { saveModel } from '../topics/reinfer.js';

const dirs = process.argv.slice(2);
const taxonomy = loadTaxonomy();
const files = corpusFiles(taxonomy, dirs.length ? dirs : CORPUS_DIRS);
const corpus = readCorpus(taxonomy, files).filter((p) => p.labels.size);
const model = fitModel(taxonomy, [...taxonomyExamples(taxonomy, phraseIndex(taxonomy)), ...corpus]);
writeFileSync(MODEL_FILE, saveModel(model));
const weights = model.topics.reduce((n, t) => n + Object.keys(t.weights).length, 0);
console.log(
  `${model.version}: ${corpus.length} labelled papers of ${files.length} lists, ${weights} weights → ${MODEL_FILE}`,
);
