import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { rng, WORDS } from './corpus.js';

/**
 * `npm run bench:openalex -- [--works N] [--seed S] [--out FILE]`: a deterministic OpenAlex
 * snapshot file, one Work object per line, gzipped, written as a stream (any size in bounded
 * memory). Works have 1–8 authors from a heavy-tailed pool (a few with ORCIDs), an abstract as an
 * inverted index, a source, concepts, and 0–20 references to other works of the file, before or
 * after them, so citations arrive in both orders.
 */
const { values } = parseArgs({
  options: {
    works: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const n = Number(values.works);
if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
  console.error(`bench:openalex: --works must be a whole number from 1 to 5000000; got ${values.works}`);
  process.exit(2);
}
const random = rng(Number(values.seed));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
const SOURCES: Array<[string, string]> = [
  ['Journal of Machine Learning Research', 'journal'],
  ['Mathematical Programming', 'journal'],
  ['International Conference on Learning Representations', 'conference'],
  ['Neural Information Processing Systems', 'conference'],
  ['International Conference on Machine Learning', 'conference'],
  ['arXiv (Cornell University)', 'repository'],
  ['IEEE Transactions on Pattern Analysis and Machine Intelligence', 'journal'],
];
const FIRST = ['Ana', 'Wei', 'Jonas', 'Priya', 'Omar', 'Mei', 'Lucas', 'Sara', 'Ivan', 'Yuki', 'Noah', 'Lea'];
const LAST = [
  'Kim',
  'Müller',
  'Chen',
  'Garcia',
  'Okafor',
  'Rossi',
  'Novak',
  'Sato',
  'Dubois',
  'Singh',
  'Larsen',
];
const authorPool = Math.max(10, Math.floor(n * 0.6));
// Heavy tail: low indices are drawn far more often (prolific authors).
const author = () => {
  const k = Math.floor(authorPool * random() ** 3);
  return {
    id: `https://openalex.org/A${7_000_000_000 + k}`,
    display_name: `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]} ${k}`,
    orcid:
      k % 5 === 0
        ? `https://orcid.org/0000-0002-${String(1000 + (k % 9000)).padStart(4, '0')}-${String(k % 10000)
            .padStart(4, '0')
            .slice(0, 3)}X`
        : null,
  };
};

const out = values.out ?? `bench/data/openalex-${n}-seed${values.seed}.jsonl.gz`;
mkdirSync('bench/data', { recursive: true });
const gzip = createGzip();
const file = createWriteStream(out);
gzip.pipe(file);
for (let i = 0; i < n; i++) {
  const words = Array.from({ length: 5 + Math.floor(random() * 6) }, () => pick(WORDS));
  const abstract = Array.from({ length: 30 + Math.floor(random() * 40) }, () => pick(WORDS));
  const index: Record<string, number[]> = {};
  abstract.forEach((w, p) => {
    index[w] = [...(index[w] ?? []), p];
  });
  const [source, type] = pick(SOURCES);
  const refs = Array.from({ length: Math.floor(random() * 21) }, () => Math.floor(random() * n)).filter(
    (k) => k !== i,
  );
  const work = {
    id: `https://openalex.org/W${4_000_000_000 + i}`,
    doi: `https://doi.org/10.5555/bench.${i}`,
    title: `${words.join(' ')} (work ${i})`,
    publication_year: 1990 + Math.floor(random() * 35),
    ids: { openalex: `https://openalex.org/W${4_000_000_000 + i}`, mag: 3_000_000_000 + i },
    primary_location: { source: { display_name: source, type } },
    type: type === 'repository' ? 'preprint' : 'article',
    authorships: Array.from({ length: 1 + Math.floor(random() * 8) }, (_, p) => ({
      author_position: p === 0 ? 'first' : 'middle',
      author: author(),
      institutions: [],
    })),
    abstract_inverted_index: index,
    referenced_works: [...new Set(refs)].map((k) => `https://openalex.org/W${4_000_000_000 + k}`),
    concepts: [{ display_name: pick(WORDS) }, { display_name: pick(WORDS) }],
    cited_by_count: Math.floor(random() ** 4 * 5000),
  };
  if (!gzip.write(`${JSON.stringify(work)}\n`)) await once(gzip, 'drain');
}
gzip.end();
await once(file, 'finish');
console.log(`Wrote ${out}: ${n} OpenAlex works.`);
