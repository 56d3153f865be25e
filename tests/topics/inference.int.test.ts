import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { phraseIndex as phrasesOf } from '../../src/topics/features.js';
import { activeModel, ownScores } from '../../src/topics/infer.js';
import { refit, reinferAll } from '../../src/topics/reinfer.js';
import { type SeededApp, seededApp, TEST_KEY } from '../helpers/app.js';

const BIB = `
@inproceedings{kingma2015adam,
  title = {Adam: A Method for Stochastic Optimization},
  author = {Kingma, Diederik P. and Ba, Jimmy},
  booktitle = {International Conference on Learning Representations},
  year = {2015},
  abstract = {We introduce Adam, an algorithm for first-order gradient-based optimization of stochastic objective functions, based on adaptive estimates of lower-order moments.},
  keywords = {optimization, adaptive learning rate}
}
@article{duchi2011adagrad,
  title = {Adaptive Subgradient Methods for Online Learning and Stochastic Optimization},
  author = {Duchi, John and Hazan, Elad and Singer, Yoram},
  journal = {Journal of Machine Learning Research},
  year = {2011}
}
@inproceedings{sutskever2013momentum,
  title = {On the importance of initialization and momentum in deep learning},
  author = {Sutskever, Ilya and Martens, James and Dahl, George and Hinton, Geoffrey},
  booktitle = {International Conference on Machine Learning},
  year = {2013}
}
`;

// A list the taxonomy does not map: its headings are the only word on what its papers are about.
const LIST = `# My reading list

## Adaptive methods

* **On the Convergence of Adam and Beyond**, Sashank J. Reddi, Satyen Kale, Sanjiv Kumar, ICLR 2018

## Loss landscape and sharpness

* **Visualizing the Loss Landscape of Neural Nets**, Hao Li, Zheng Xu, Gavin Taylor, Christoph Studer, Tom Goldstein, NeurIPS 2018
* **Sharpness-Aware Minimization for Efficiently Improving Generalization**, Pierre Foret, Ariel Kleiner, Hossein Mobahi, Behnam Neyshabur, ICLR 2021
`;

interface Assignment {
  topic: { id: string };
  source: string;
  confidence: number;
  evidence: string[];
  model: string | null;
}

let s: SeededApp;
const auth = { authorization: `Bearer ${TEST_KEY}` };
const taxonomy = loadTaxonomy();

beforeAll(async () => {
  s = await seededApp();
  await importDocument(s.db, BIB, taxonomy, { source: 'optimizer-library', format: 'bib' });
  await importDocument(s.db, LIST, taxonomy, { source: 'my-reading-list', format: 'md' });
});
afterAll(async () => {
  await s.db.close();
});

async function assignments(title: string): Promise<Assignment[]> {
  const r = await s.gql(
    `query ($t: String!) { papers(filter: { titleContains: $t }, first: 1) { edges { node {
       topicAssignments { topic { id } source confidence evidence model } } } } }`,
    { t: title },
  );
  expect(r.errors).toBeUndefined();
  return r.data.papers.edges[0].node.topicAssignments;
}
const about = (a: Assignment[], id: string) => a.find((x) => x.topic.id === `topic:${id}`);

describe('topics inferred for every paper, in the import that writes it', () => {
  it('gives BibTeX papers of optimizers their family, with confidence, evidence and the model version', async () => {
    const version = activeModel()?.model.version;
    expect(version).toMatch(/^lr-/);
    const adam = await assignments('Adam: A Method');
    const adaptive = about(adam, 'adaptive');
    expect(adaptive).toMatchObject({ source: 'INFERRED', model: version });
    expect(adaptive?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(adaptive?.confidence).toBeLessThan(1);
    expect(adaptive?.evidence.length).toBeGreaterThan(0);
    expect(about(await assignments('Adaptive Subgradient'), 'adaptive')?.confidence).toBeGreaterThanOrEqual(
      0.5,
    );
    const momentum = await assignments('initialization and momentum');
    expect(about(momentum, 'gd-sgd-momentum')?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(about(momentum, 'adaptive')?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('reads an unmapped list by its headings: no stated topic, inferred ones from the sections', async () => {
    const landscape = await assignments('Visualizing the Loss Landscape');
    expect(landscape.every((a) => a.source === 'INFERRED')).toBe(true);
    const dynamics = about(landscape, 'dynamics');
    expect(dynamics?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(dynamics?.evidence.join(' ')).toMatch(/landscape/);
    expect(about(await assignments('Sharpness-Aware'), 'dynamics')?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(
      about(await assignments('Convergence of Adam and Beyond'), 'adaptive')?.confidence,
    ).toBeGreaterThanOrEqual(0.5);
  });

  it('lets topicOverlap and the papers filter find inferred topics, at the confidence asked for', async () => {
    const overlap = await s.gql(
      '{ topicOverlap(topicIds: ["topic:adaptive", "topic:convergence"], first: 50) { paperCount papers { title } } }',
    );
    expect(overlap.data.topicOverlap.papers.map((p: { title: string }) => p.title)).toContain(
      'On the Convergence of Adam and Beyond',
    );
    const stated = await s.gql(
      '{ topicOverlap(topicIds: ["topic:adaptive", "topic:convergence"], minConfidence: 1) { papers { title } } }',
    );
    expect(stated.data.topicOverlap.papers.map((p: { title: string }) => p.title)).not.toContain(
      'On the Convergence of Adam and Beyond',
    );
    const list = await s.gql(
      '{ papers(filter: { topicId: "topic:dynamics", listId: "list:my-reading-list" }) { totalCount } }',
    );
    expect(list.data.papers.totalCount).toBe(2);
    const bad = await s.gql(
      '{ papers(filter: { topicId: "topic:dynamics", minConfidence: 2 }) { totalCount } }',
    );
    expect(bad.errors?.[0]?.message).toMatch(/minConfidence must be between 0 and 1/);
  });

  it('keeps a manual assignment through topics:infer, and a dry run writes nothing', async () => {
    const [row] = await s.db.read(
      "MATCH (p:Paper) WHERE p.title STARTS WITH 'Adam: A Method' RETURN p.id AS id",
    );
    const id = row?.id as string;
    const set = await s.gql(
      `mutation { updatePaper(id: "${id}", input: { topicIds: ["topic:empirical"] }) { __typename } }`,
      {},
      auth,
    );
    expect(set.data.updatePaper.__typename).toBe('MutationUpdatePaperSuccess');
    const before = await s.db.read('MATCH ()-[a:ABOUT]->() RETURN count(a) AS n');
    const dry = await reinferAll(s.db, taxonomy, { dryRun: true });
    expect(dry.papers).toBeGreaterThanOrEqual(20);
    expect(await s.db.read('MATCH ()-[a:ABOUT]->() RETURN count(a) AS n')).toEqual(before);
    const done = await reinferAll(s.db, taxonomy);
    expect(done.added + done.removed + done.changed).toBe(0);
    const adam = await assignments('Adam: A Method');
    expect(about(adam, 'empirical')).toMatchObject({ source: 'MANUAL', confidence: 1 });
    expect(adam.filter((a) => a.topic.id === 'topic:empirical')).toHaveLength(1);
    expect(about(adam, 'adaptive')?.source).toBe('INFERRED');
  });

  it('re-fits when the taxonomy gains a topic: a few lines of data, no code', async () => {
    const sparsity = {
      id: 'sparsity',
      name: 'Sparse and pruned networks',
      facet: 'ANALYSIS_LENS' as const,
      en: 'Sparse subnetworks, pruning and lottery tickets.',
      zh: '稀疏子网络、剪枝与彩票假设。',
      phrases: ['lottery ticket', 'pruning', 'sparse subnetwork', 'sparsity'],
      optimizers: [],
      examples: [],
    };
    const grown = { ...taxonomy, topics: [...taxonomy.topics, sparsity] };
    const fitted = await refit(s.db, grown);
    expect(fitted.model.topics.map((t) => t.id)).toContain('sparsity');
    expect(fitted.statedPapers).toBeGreaterThan(0);
    const m = { model: fitted.model, phrases: phrasesOf(grown), taxonomy: grown };
    const score = (title: string) =>
      ownScores({ title }, m).find((x) => x.topic === 'sparsity')?.confidence ?? 0;
    expect(score('The Lottery Ticket Hypothesis: Finding Sparse Subnetworks by Pruning')).toBeGreaterThan(
      score('Adam: A Method for Stochastic Optimization') + 0.2,
    );
    // A dry run re-fits too (the digest changed) and saves nothing.
    const dry = await reinferAll(s.db, grown, { dryRun: true });
    expect(dry.refitted?.statedPapers).toBeGreaterThan(0);
    expect(dry.byTopic.sparsity).toBeDefined();
  });
});
