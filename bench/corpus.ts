import { authorId, paperId, venueId } from '../src/domain/normalize.js';
import { optimizerRef } from '../src/ingest/optimizers.js';
import type { PaperRecord, ParsedList, SectionRecord, VenueKind } from '../src/ingest/records.js';

/** mulberry32: a tiny seeded PRNG, so a corpus is the same for the same seed on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VENUES: Array<[string, VenueKind]> = [
  ['ICLR', 'CONFERENCE'],
  ['NeurIPS', 'CONFERENCE'],
  ['ICML', 'CONFERENCE'],
  ['AISTATS', 'CONFERENCE'],
  ['COLT', 'CONFERENCE'],
  ['AAAI', 'CONFERENCE'],
  ['JMLR', 'JOURNAL'],
  ['IEEE Access', 'JOURNAL'],
  ['TPAMI', 'JOURNAL'],
  ['Mathematical Programming', 'JOURNAL'],
  ['arXiv', 'PREPRINT'],
  ['ICDMW', 'WORKSHOP'],
  ['OPT Workshop', 'WORKSHOP'],
];
const OPTIMIZERS = [
  'Adam',
  'AdamW',
  'AMSGrad',
  'Adagrad',
  'SGD',
  'RMSProp',
  'SignSGD',
  'Lion',
  'LAMB',
  'Nesterov',
];
export const WORDS = [
  'convergence',
  'generalization',
  'landscape',
  'stochastic',
  'adaptive',
  'momentum',
  'nonconvex',
  'implicit bias',
  'sharpness',
  'learning rate',
  'warmup',
  'variance',
  'noise',
  'batch size',
  'scaling',
  'dynamics',
];
/** The seed taxonomy's sections, so generated papers carry its topic facets. */
const SECTIONS: SectionRecord[] = [
  ['A', null, 'Convergence Analysis'],
  ['A.1', 'A', 'Convergence analysis of GD, SGD and Momentum'],
  ['A.2', 'A', 'Convergence analysis of Adaptive Gradient Methods'],
  ['B', null, 'Loss Landscape Analysis & Learning Dynamics'],
  ['B.1', 'B', 'Learning Dynamics of GD, SGD and Momentum'],
  ['B.2', 'B', 'Learning Dynmaics of Adaptive Methods'],
  ['C', null, 'Other perspectives'],
].map(([code, parentCode, title], order) => ({
  code: code as string,
  parentCode: parentCode as string | null,
  title: title as string,
  order,
  depth: parentCode ? 4 : 2,
  line: 0,
  codeMadeUp: false,
  key: code as string,
}));
const LEAVES = ['A.1', 'A.2', 'B.1', 'B.2', 'C'];

/** A reference's distance back in the corpus: most papers cite recent ones (mean 300 papers back). */
const LOCAL_REFERENCE_SPAN = 300;
/** Every CLASSIC_EVERY-th paper is a "classic", cited from up to CLASSIC_WINDOW papers later. */
const CLASSIC_EVERY = 100;
const CLASSIC_WINDOW = 20_000;

/**
 * A realistic synthetic corpus of `papers` papers: authors grouped in co-author communities,
 * papers per author heavy-tailed (a few prolific authors, many with one paper), authors per
 * paper 1–12 (mean ≈ 3.4), venues of each kind, the seed taxonomy's sections, optimizer mentions,
 * years 2010–2026, and 0–16 references per paper (mean 8): most to recent papers, 15% to
 * "classics" that gather ~100 citations each. Citations per paper do not grow with the corpus,
 * so a question about one paper costs the same at every size. Deterministic for a seed.
 */
export function generateCorpus(papers: number, seed = 1): ParsedList {
  const chunks = [...corpusChunks(papers, seed, papers)];
  return chunks[0] as ParsedList;
}

/** The same corpus as generateCorpus, in chunks of `chunk` papers (the first holds the sections): any size in bounded memory. */
export function* corpusChunks(papers: number, seed = 1, chunk = 10_000): Generator<ParsedList> {
  const rand = rng(seed);
  // References draw from their own stream, so the other fields are those of corpora made without them.
  const refRand = rng(seed + 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const communitySize = 40;
  const communities = Math.max(1, Math.ceil((papers * 1.1) / communitySize));
  // Zipf-like rank within a community: member k is chosen with weight 1/(k+1).
  const zipf = () => Math.min(communitySize - 1, Math.floor(communitySize ** rand()) - 1);
  const ids: string[] = [];
  const referencesOf = (i: number): string[] => {
    if (i === 0) return [];
    const out = new Set<string>();
    const n = Math.floor(refRand() * 17);
    for (let k = 0; k < n; k++) {
      const j =
        refRand() < 0.15
          ? CLASSIC_EVERY *
            Math.floor(Math.max(0, i - 1 - Math.floor(refRand() * CLASSIC_WINDOW)) / CLASSIC_EVERY)
          : Math.max(0, i - 1 - Math.floor(-Math.log(1 - refRand()) * LOCAL_REFERENCE_SPAN));
      out.add(`id:${ids[j]}`);
    }
    return [...out];
  };
  let out: PaperRecord[] = [];
  const orderIn = new Map<string, number>();
  let first = true;
  for (let i = 0; i < papers; i++) {
    const community = Math.floor(rand() * communities);
    const count = Math.min(12, 1 + Math.floor(-Math.log(1 - rand()) * 2.4));
    const members = new Set<number>();
    while (members.size < count) {
      // Most co-authors come from the paper's community, some from anywhere.
      const c = rand() < 0.85 ? community : Math.floor(rand() * communities);
      members.add(c * communitySize + Math.max(0, zipf()));
    }
    const opt = rand() < 0.7 ? pick(OPTIMIZERS) : null;
    const title = `${opt ? `${opt} and ` : ''}${pick(WORDS)} of ${pick(WORDS)}: a study ${i}`;
    const [venueName, kind] = pick(VENUES);
    const year = 2010 + Math.floor(rand() * 17);
    const section = pick(LEAVES);
    const order = orderIn.get(section) ?? 0;
    orderIn.set(section, order + 1);
    const id = paperId(title);
    out.push({
      id,
      title,
      authors: [...members].map((m) => ({ id: authorId(`Author ${m}`), name: `Author ${m}` })),
      authorsComplete: true,
      venue: { id: venueId(venueName), name: venueName, kind },
      venueText: `${venueName} ${year}`,
      year,
      listedYear: year,
      // Month and number from i, so no two papers share an id below 1,200,000 papers (the number
      // alone repeats every 100,000; a run of 1M with i % 12 months gave 17,453 pairs one id).
      arxivId:
        rand() < 0.5
          ? `${String(year).slice(2)}${String(1 + (Math.floor(i / 100_000) % 12)).padStart(2, '0')}.${String(i % 100_000).padStart(5, '0')}`
          : null,
      doi: null,
      openreviewId: null,
      links: [],
      notes: [],
      optimizers: opt ? [optimizerRef(opt, 'title')] : [],
      sectionCode: section,
      order,
      line: i + 1,
      references: referencesOf(i),
    });
    ids.push(id);
    if (out.length === chunk || i === papers - 1) {
      yield {
        title: 'Synthetic benchmark corpus',
        sections: first ? SECTIONS : [],
        papers: out,
        warnings: [],
        notices: [],
        skipped: {},
        entries: out.length,
      };
      first = false;
      out = [];
    }
  }
}
