import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { Db } from '../../src/db/driver.js';
import { decodeList, ImportError, importList } from '../../src/ingest/import-list.js';
import { loadList } from '../../src/ingest/load.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { counts } from '../helpers/graph.js';
import { cleanGraphEachTest, clearGraph, neo4jTarget } from '../helpers/neo4j.js';

const graph = cleanGraphEachTest();
/** The Db of this file (set by the hooks above before any test runs). */
let db: Db;
beforeAll(() => {
  db = graph();
});
const taxonomy = loadTaxonomy();

const authorsOf = async (title: string) =>
  (
    await db.read(
      'MATCH (a:Author)-[w:AUTHORED]->(p:Paper {title: $title}) RETURN a.name AS name ORDER BY w.position',
      { title },
    )
  ).map((r) => r.name);

/** Counts the write transactions db runs until restore(). */
function countTransactions(db: Db): { n: number; restore: () => void } {
  const write = db.writeTransaction.bind(db);
  const counted = {
    n: 0,
    restore: () => {
      db.writeTransaction = write;
    },
  };
  db.writeTransaction = ((...args: Parameters<Db['writeTransaction']>) => {
    counted.n++;
    return write(...args);
  }) as Db['writeTransaction'];
  return counted;
}

describe('the seed', () => {
  it('holds the five papers of the seed list with exact author order, venues and years', async () => {
    await loadSeed(db);
    const rows = await db.read(
      `MATCH (p:Paper)-[:LISTED_IN]->(s:Section)-[:IN_LIST]->(:List {name: 'optimizer-papers-analysis'})
       WHERE s.code IN ['A.2', 'B.2']
       MATCH (p)-[:PUBLISHED_IN]->(v:Venue)
       RETURN s.code AS section, p.title AS title, v.name AS venue, v.kind AS kind, p.year AS year, p.listedYear AS listedYear
       ORDER BY section, title`,
    );
    expect(rows).toEqual([
      {
        section: 'A.2',
        title: 'A Simple Convergence Proof of Adam and Adagrad',
        venue: 'arXiv',
        kind: 'PREPRINT',
        year: 2020,
        listedYear: 2020,
      },
      {
        section: 'A.2',
        title: 'On the convergence of a class of Adam-type algorithms for non-convex optimization',
        venue: 'ICLR',
        kind: 'CONFERENCE',
        year: 2019,
        listedYear: 2018,
      },
      {
        section: 'A.2',
        title: 'On the convergence proof of AMSGrad and a new version',
        venue: 'IEEE Access',
        kind: 'JOURNAL',
        year: 2019,
        listedYear: 2019,
      },
      {
        section: 'A.2',
        title: 'Stochastic Sign Descent Methods: New Algorithms and Better Theory',
        venue: 'ICML',
        kind: 'CONFERENCE',
        year: 2019,
        listedYear: 2019,
      },
      {
        section: 'A.2',
        title: 'Towards practical Adam: Non-convexity, convergence theory, and mini-batch acceleration',
        venue: 'JMLR',
        kind: 'JOURNAL',
        year: 2022,
        listedYear: 2022,
      },
      {
        section: 'B.2',
        title: 'Towards Theoretically Understanding Why SGD Generalizes Better Than ADAM in Deep Learning',
        venue: 'NeurIPS',
        kind: 'CONFERENCE',
        year: 2020,
        listedYear: 2020,
      },
    ]);
    expect(await authorsOf('A Simple Convergence Proof of Adam and Adagrad')).toEqual([
      'Alexandre Défossez',
      'Léon Bottou',
      'Francis Bach',
      'Nicolas Usunier',
    ]);
    expect(await authorsOf('On the convergence proof of AMSGrad and a new version')).toEqual([
      'Tran Thi Phuong',
      'Le Trieu Phong',
    ]);
  });

  it('keeps the seed list codes as written, with A.1 and B.1 present and empty', async () => {
    await loadSeed(db);
    const rows = await db.read(
      `MATCH (s:Section)-[:IN_LIST]->(:List {name: 'optimizer-papers-analysis'})
       OPTIONAL MATCH (s)-[:SUBSECTION_OF]->(parent)
       RETURN s.code AS code, parent.code AS parent, COUNT { (s)<-[:LISTED_IN]-() } AS papers, s.descriptionZh IS NOT NULL AS zh
       ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'A', parent: null, papers: 0, zh: true },
      { code: 'A.1', parent: 'A', papers: 0, zh: true },
      { code: 'A.2', parent: 'A', papers: 5, zh: true },
      { code: 'B', parent: null, papers: 0, zh: true },
      { code: 'B.1', parent: 'B', papers: 0, zh: true },
      { code: 'B.2', parent: 'B', papers: 1, zh: true },
      { code: 'C', parent: null, papers: 3, zh: true },
    ]);
  });

  it('gives papers the topic facets of their section and its ancestors', async () => {
    await loadSeed(db);
    const rows = await db.read(
      `MATCH (p:Paper {title: 'Towards Theoretically Understanding Why SGD Generalizes Better Than ADAM in Deep Learning'})-[:ABOUT {source: 'SECTION'}]->(t:Topic)
       RETURN t.id AS id, t.facet AS facet ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'topic:adaptive', facet: 'METHOD_FAMILY' },
      { id: 'topic:dynamics', facet: 'ANALYSIS_LENS' },
    ]);
  });

  it('finds optimizers in titles and tags', async () => {
    await loadSeed(db);
    const rows = await db.read(
      'MATCH (o:Optimizer) RETURN o.name AS name, COUNT { (o)<-[:MENTIONS]-() } AS papers ORDER BY name',
    );
    expect(rows).toEqual([
      { name: 'AMSGrad', papers: 2 },
      { name: 'AdaBound', papers: 1 },
      { name: 'Adagrad', papers: 1 },
      { name: 'Adam', papers: 9 },
      { name: 'AdamW', papers: 1 },
      { name: 'SGD', papers: 3 },
      { name: 'SWATS', papers: 1 },
      { name: 'SignAdam', papers: 1 },
      { name: 'SignSGD', papers: 1 },
    ]);
  });
});

describe('importList', () => {
  const seedMd = readFileSync('seed/lists/analysis-section.md', 'utf8');

  it('changes no counts when the same file is imported twice', async () => {
    const first = await importList(db, seedMd, taxonomy, { source: 'twice' });
    const after1 = await counts(db);
    const second = await importList(db, seedMd, taxonomy, { source: 'twice' });
    expect(await counts(db)).toEqual(after1);
    expect(first.papers).toEqual({ created: 5, updated: 0, moved: 0, removed: 0, deleted: 0 });
    expect(second.papers).toEqual({ created: 0, updated: 5, moved: 0, removed: 0, deleted: 0 });
    expect(second.created).toEqual({
      Paper: 0,
      Author: 0,
      Venue: 0,
      Topic: 0,
      Section: 0,
      Optimizer: 0,
      List: 0,
    });
  });

  it('writes nothing and names the lines when a strict import meets an unreadable entry', async () => {
    const bad = `${seedMd}\n## D.More\n* (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)\n* **Fine title**，*An Author*，ICLR 2020\n`;
    const attempt = importList(db, bad, taxonomy, { source: 'strict', strict: true });
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    const line = seedMd.split('\n').length + 2;
    await expect(attempt).rejects.toThrow(
      `line ${line}: looks like a paper entry (it has a paper link and a year)`,
    );
    expect((await counts(db)).Paper).toBe(0);
  });

  it('writes nothing when the transaction fails part-way', async () => {
    await db.write("CREATE (:Venue {id: 'venue:neurips', name: 'NeurIPS', kind: 'CONFERENCE'})");
    const before = await counts(db);
    // Another transaction holds the NeurIPS venue's lock, so the import blocks on its last paper
    // after writing the list, sections and the other papers, then hits its 2 s timeout.
    const session = db.driver.session();
    const holder = session.beginTransaction();
    await holder.run("MATCH (v:Venue {id: 'venue:neurips'}) SET v.lockedBy = 'test'");
    const impatient = new Db(db.driver, { database: neo4jTarget().database, txTimeoutMs: 2000 });
    try {
      await expect(importList(impatient, seedMd, taxonomy, { source: 'timeout' })).rejects.toThrow();
    } finally {
      await holder.rollback();
      await session.close();
    }
    expect(await counts(db)).toEqual(before);
  });

  it('stores hostile text literally', async () => {
    const hostile = 'Robert\'); MATCH (n) DETACH DELETE n // \\" `}) DETACH DELETE n //';
    const md = `## A. Part\n* **${hostile}**，*O'Brien \\"Quote\\", Zoë $param*，ICLR 2020\n`;
    await importList(db, md, taxonomy, { source: 'hostile' });
    const [row] = await db.read(
      'MATCH (a:Author)-[w:AUTHORED]->(p:Paper) WITH p, a ORDER BY w.position RETURN p.title AS title, collect(a.name) AS authors',
    );
    expect(row?.title).toBe(hostile.replace('\\"', '"'));
    expect(row?.authors).toEqual(['O\'Brien "Quote"', 'Zoë $param']);
    expect((await counts(db)).Paper).toBe(1);
  });

  it('refuses bytes that are not UTF-8, naming the offset', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('## A. ok\n* **T**'), 0xff, 0xfe]);
    expect(() => decodeList(bytes, 'bad.md')).toThrow(
      'bad.md is not valid UTF-8 (first bad byte at offset 16, line 2)',
    );
  });

  it('refuses a list larger than 5 MB', () => {
    expect(() => decodeList(new Uint8Array(5 * 1024 * 1024 + 1))).toThrow(/at most 5242880 \(5 MB\)/);
  });

  it('rolls back a dry run', async () => {
    const s = await importList(db, seedMd, taxonomy, { source: 'dry', dryRun: true });
    expect(s.papers.created).toBe(5);
    expect(s.dryRun).toBe(true);
    expect((await counts(db)).Paper).toBe(0);
  });

  // CI has ../shared beside the clone; elsewhere the same upstream files are in seed/lists.
  const shared = existsSync('../shared/lists')
    ? { seeds: '../shared/seeds', lists: '../shared/lists' }
    : { seeds: 'seed/lists', lists: 'seed/lists' };

  it('makes one node of a paper shared by the seed and the fuller upstream list', async () => {
    const seed = readFileSync(`${shared.seeds}/analysis-section.md`, 'utf8');
    // By its file name: an alias of the fuller list in seed/taxonomy.yaml, so both land in one list.
    await importList(db, seed, taxonomy, { source: 'analysis-section' });
    for (const f of ['optimizer-papers-analysis.md', 'optimizer-papers-optimizers.md']) {
      const md = decodeList(readFileSync(`${shared.lists}/${f}`), f);
      const s = await importList(db, md, taxonomy, { source: f.replace('.md', ''), strict: true });
      expect(s.warnings).toEqual([]);
    }
    const rows = await db.read(
      `MATCH (p:Paper {title: 'A Simple Convergence Proof of Adam and Adagrad'})
       RETURN count(p) AS nodes, p.linkLabels AS links, COUNT { (p)-[:LISTED_IN]->() } AS listings`,
    );
    expect(rows).toEqual([{ nodes: 1, links: ['Newest Version PDF'], listings: 1 }]);
    const c = await counts(db);
    expect(c.Paper).toBe(16);
    expect(c.List).toBe(2);
  });
});

describe('a list loaded in many batches', () => {
  /** Every inferred assignment and pair counter, as comparable rows. */
  const inferred = async () => ({
    about: await db.read(
      `MATCH (p:Paper)-[a:ABOUT {source: 'INFERRED'}]->(t:Topic)
       RETURN p.id AS paper, t.id AS topic, round(a.confidence, 6) AS confidence ORDER BY paper, topic`,
    ),
    // A counter back at zero counts nothing, like a missing one (batches may leave such nodes).
    pairs: await db.read(
      'MATCH (x:TopicPair) WHERE any(n IN x.byGrade WHERE n <> 0) RETURN x.id AS id, x.byGrade AS byGrade ORDER BY id',
    ),
  });

  it('gets the same inferred topics and pair counts as one batch (sections re-inferred once at the end)', async () => {
    const corpus = generateCorpus(60, 3);
    await loadList(db, corpus, 'optimizer-papers-analysis', taxonomy);
    const oneBatch = await inferred();
    expect(oneBatch.about.length).toBeGreaterThan(0);
    await clearGraph(db);
    await loadList(db, corpus, 'optimizer-papers-analysis', taxonomy, { atomic: false, batchSize: 7 });
    expect(await inferred()).toEqual(oneBatch);
  });

  it('infers papers outside any section batch by batch, as one batch does (no section pass reaches them)', async () => {
    const base = generateCorpus(60, 4);
    // Every third paper without a section, as a BibTeX or OpenAlex file gives them.
    const corpus = { ...base, papers: base.papers.map((p, i) => (i % 3 ? p : { ...p, sectionCode: null })) };
    await loadList(db, corpus, 'optimizer-papers-analysis', taxonomy);
    const oneBatch = await inferred();
    await clearGraph(db);
    await loadList(db, corpus, 'optimizer-papers-analysis', taxonomy, { atomic: false, batchSize: 7 });
    expect(await inferred()).toEqual(oneBatch);
    const sectionless = await db.read(
      `MATCH (p:Paper) WHERE NOT (p)-[:LISTED_IN]->() AND (p)-[:ABOUT {source: 'INFERRED'}]->() RETURN count(p) AS n`,
    );
    expect(Number(sectionless[0]?.n)).toBeGreaterThan(0);
  });
  /** What a re-import must leave: nodes, statements and every derived value. */
  const state = async () => ({
    ...(await inferred()),
    counts: await counts(db),
    terms: await db.read('MATCH (x:Term) WHERE x.papers <> 0 RETURN x.id AS t, x.papers AS n ORDER BY t'),
    listed: await db.read(
      `MATCH (p:Paper)-[:STATED_IN]->(l:List) OPTIONAL MATCH (p)-[:LISTED_IN]->(s:Section)
       RETURN p.id AS paper, l.id AS list, collect(s.id) AS sections ORDER BY paper`,
    ),
  });

  it('removes what a re-imported file no longer states a chunk per transaction, ending where one transaction ends', async () => {
    const name = 'optimizer-papers-analysis';
    const corpus = generateCorpus(60, 6);
    // A quarter of the papers stay; two of them move to another section.
    const codes = [...new Set(corpus.papers.map((p) => p.sectionCode))];
    const kept = corpus.papers
      .filter((_, i) => i % 4 === 0)
      .map((p, i) => (i < 2 ? { ...p, sectionCode: codes.find((c) => c !== p.sectionCode) ?? null } : p));
    const smaller = { ...corpus, papers: kept };
    await loadList(db, corpus, name, taxonomy);
    const atomic = await loadList(db, smaller, name, taxonomy);
    const oneTransaction = await state();
    expect(atomic.papers.removed).toBe(45);

    await clearGraph(db);
    await loadList(db, corpus, name, taxonomy, { atomic: false, batchSize: 7 });
    const counted = countTransactions(db);
    try {
      const batched = await loadList(db, smaller, name, taxonomy, { atomic: false, batchSize: 7 });
      expect(batched.papers).toEqual(atomic.papers);
    } finally {
      counted.restore();
    }
    expect(await state()).toEqual(oneTransaction);
    // 15 papers in 3 batches, then 45 removed and 2 moved in chunks of 7: at least 7 more.
    expect(counted.n).toBeGreaterThanOrEqual(3 + 7);
  });

  it('loads a large file in batches when asked to batch large work only', async () => {
    const corpus = generateCorpus(30, 7);
    const small = { ...corpus, papers: corpus.papers.slice(0, 5) };
    const counted = countTransactions(db);
    try {
      await loadList(db, small, 'optimizer-papers-analysis', taxonomy, { batchLarge: true, batchSize: 7 });
      expect(counted.n).toBe(1);
      counted.n = 0;
      await loadList(db, corpus, 'optimizer-papers-analysis', taxonomy, { batchLarge: true, batchSize: 7 });
      expect(counted.n).toBeGreaterThan(5);
      // Now the source states 30: a file of 5 removes 25, in chunks.
      counted.n = 0;
      const back = await loadList(db, small, 'optimizer-papers-analysis', taxonomy, {
        batchLarge: true,
        batchSize: 7,
      });
      expect(back.papers.removed).toBe(25);
      expect(counted.n).toBeGreaterThan(4);
    } finally {
      counted.restore();
    }
  });
});
