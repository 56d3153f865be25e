import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { ImportError, importDocument } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { cleanGraphEachTest, clearGraph } from '../helpers/neo4j.js';

const graph = cleanGraphEachTest();
/** The Db of this file (set by the hooks above before any test runs). */
let db: Db;
beforeAll(() => {
  db = graph();
});
const taxonomy = loadTaxonomy();
const fixture = (name: string) => readFileSync(`tests/fixtures/works/${name}`, 'utf8');
const load = (text: string, source: string, extra: { strict?: boolean; fileName?: string } = {}) =>
  importDocument(db, text, taxonomy, { source, ...extra });

const paper = async (
  where: string,
  params: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> => {
  const rows = await db.read(
    `MATCH (p:Paper) WHERE ${where}
     RETURN p {.id, .doi, .arxivId, .openAlexId, .abstract, .authorsComplete, .globalCitationCount} AS p,
            [(p)-[:STATED_IN]->(l:List) | l.name] AS sources,
            [(a:Author)-[w:AUTHORED]->(p) | [w.position, a.name]] AS authors`,
    params,
  );
  return rows.map((r) => ({
    ...(r.p as Record<string, unknown>),
    sources: [...(r.sources as string[])].sort(),
    authors: [...(r.authors as [number, string][])].sort((x, y) => x[0] - y[0]).map((a) => a[1]),
  }));
};

const markdown = `# Optimizers

## Adaptive

- **Adam: A Method for Stochastic Optimization**, *D. P. Kingma, J. Ba*, ICLR 2015. [arxiv](https://arxiv.org/abs/1412.6980)
`;

describe('one paper from markdown, BibTeX, CSL-JSON and OpenAlex', () => {
  it('is one node with every identifier, every source, and full author names', async () => {
    await load(markdown, 'optimizer-list', { fileName: 'list.md' });
    await load(fixture('library.bib'), 'my-library', { fileName: 'library.bib' });
    await load(fixture('zotero.json'), 'zotero', { fileName: 'zotero.json' });
    await load(fixture('openalex-page.json'), 'openalex', { fileName: 'page.json' });
    const found = await paper("p.arxivId = '1412.6980' OR p.title STARTS WITH 'Adam'", {});
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      doi: '10.48550/arxiv.1412.6980',
      arxivId: '1412.6980',
      openAlexId: 'W1522301498',
      globalCitationCount: 98000,
      sources: ['my-library', 'openalex', 'optimizer-list', 'zotero'],
      // The list's abbreviated names gave way to the full ones at the same positions.
      authors: ['Diederik P. Kingma', 'Jimmy Ba'],
    });
    // Zotero's abstract is longer than OpenAlex's one-sentence one: the richer one stays, whatever the order.
    expect(found[0]?.abstract).toMatch(
      /^We introduce Adam, an algorithm for first-order gradient-based optimization of stochastic/,
    );
    const abbreviated = await db.read(
      "MATCH (a:Author) WHERE a.name IN ['D. P. Kingma', 'J. Ba'] RETURN a.name AS n",
    );
    expect(abbreviated).toEqual([]);
  });

  it('keeps the full name when the abbreviated form comes second, and adds the OpenAlex id to it', async () => {
    await load(fixture('openalex-page.json'), 'openalex', { fileName: 'page.json' });
    await load(markdown, 'optimizer-list', { fileName: 'list.md' });
    const [adam] = await paper("p.arxivId = '1412.6980'", {});
    expect(adam?.authors).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
    const [kingma] = await db.read("MATCH (a:Author {name: 'Diederik P. Kingma'}) RETURN a.openAlexId AS oa");
    expect(kingma?.oa).toBe('A5036542498');
  });

  it('lets surnames only ("Kingma & Ba") give way to the full names at the same positions', async () => {
    const surnames = `## Adaptive

- **Adam: A Method for Stochastic Optimization** — Kingma & Ba, ICLR 2015 [arxiv](https://arxiv.org/abs/1412.6980)
`;
    await load(surnames, 'surnames', { fileName: 'surnames.md' });
    await load(fixture('openalex-page.json'), 'openalex', { fileName: 'page.json' });
    const [adam] = await paper("p.arxivId = '1412.6980'", {});
    expect(adam?.authors).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
    expect(await db.read("MATCH (a:Author) WHERE a.name IN ['Kingma', 'Ba'] RETURN a.name AS n")).toEqual([]);
  });

  it('merges "John Duchi" into "John C. Duchi" on the same paper, matched by title and year', async () => {
    await load(fixture('library.bib'), 'my-library', { fileName: 'library.bib' });
    await load(fixture('openalex-page.json'), 'openalex', { fileName: 'page.json' });
    const [adagrad] = await paper("p.title STARTS WITH 'Adaptive Subgradient'", {});
    expect(adagrad?.authors).toEqual(['John C. Duchi', 'Elad Hazan', 'Yoram Singer']);
    expect(adagrad?.doi).toBe('10.5555/1953048.2021068');
  });

  it('never merges two people with the same initials on different papers, nor two different full names', async () => {
    const list = `## Papers

- **A first paper on curvature**, *J. Smith, Ann Lee*, ICML 2020.
- **A second paper on momentum**, *John Smith*, ICML 2021.
- **A third paper on momentum**, *Jane Smith*, ICML 2021.
`;
    await load(list, 'people', { fileName: 'people.md' });
    const people = await db.read(
      "MATCH (a:Author) WHERE a.name ENDS WITH 'Smith' RETURN a.name AS n ORDER BY n",
    );
    expect(people.map((r) => r.n)).toEqual(['J. Smith', 'Jane Smith', 'John Smith']);
  });

  it('matches a person by ORCID across papers, whatever the spelling, and keeps the fullest name', async () => {
    const orcid = 'https://orcid.org/0000-0003-1613-5981';
    const works = [
      {
        id: 'https://openalex.org/W1',
        title: 'A first work',
        publication_year: 2018,
        authorships: [{ author: { display_name: 'Heather Piwowar', orcid } }],
      },
      {
        id: 'https://openalex.org/W2',
        title: 'A second work',
        publication_year: 2019,
        authorships: [{ author: { display_name: 'Heather A. Piwowar', orcid } }],
      },
    ];
    await load(JSON.stringify(works), 'openalex', { fileName: 'w.json' });
    const people = await db.read(
      'MATCH (a:Author) RETURN a.name AS name, a.orcid AS orcid, COUNT { (a)-[:AUTHORED]->() } AS papers',
    );
    expect(people).toEqual([{ name: 'Heather A. Piwowar', orcid: '0000-0003-1613-5981', papers: 2 }]);
  });

  it('keeps a full author list over an "and others" one', async () => {
    await load(fixture('library.bib'), 'my-library', { fileName: 'library.bib' });
    const jsonl = JSON.stringify({
      id: 'https://openalex.org/W2622263826',
      title: 'Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour',
      publication_year: 2017,
      locations: [{ landing_page_url: 'https://arxiv.org/abs/1706.02677' }],
      authorships: ['Priya Goyal', 'Piotr Dollár', 'Ross Girshick', 'Pieter Noordhuis'].map((n) => ({
        author: { display_name: n },
      })),
    });
    await load(jsonl, 'openalex', { fileName: 'w.json' });
    const [goyal] = await paper("p.arxivId = '1706.02677'", {});
    expect(goyal?.authorsComplete).toBe(true);
    expect(goyal?.authors).toEqual(['Priya Goyal', 'Piotr Dollár', 'Ross Girshick', 'Pieter Noordhuis']);
  });

  it('keeps two works with one title and years far apart as two papers', async () => {
    await load('@book{a, title={Deep Learning}, year={2016}, author={Goodfellow, Ian}}', 'a', {
      fileName: 'a.bib',
    });
    await load(
      '@article{b, title={Deep learning}, year={2015}, journal={Nature}, author={LeCun, Yann}}',
      'b',
      { fileName: 'b.bib' },
    );
    await load(
      '@article{c, title={Deep Learning}, year={1998}, journal={Some Journal}, author={Other, Person}}',
      'c',
      { fileName: 'c.bib' },
    );
    const rows = await db.read('MATCH (p:Paper) RETURN p.id AS id, p.year AS year ORDER BY id');
    expect(rows).toEqual([
      { id: 'paper:deep-learning', year: 2015 },
      { id: 'paper:deep-learning-1998', year: 1998 },
    ]);
  });
});

describe('citations', () => {
  const citing = fixture('openalex-work.json'); // cites W1522301498 (Adam) and W1491218181
  const cited = fixture('openalex-page.json'); // Adam (cites W2146502635, AdaGrad) and AdaGrad

  const edges = () =>
    db.read(
      `MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.openAlexId AS from, b.openAlexId AS to ORDER BY from, to`,
    );
  const expected = [
    { from: 'W1522301498', to: 'W2146502635' },
    { from: 'W2741809807', to: 'W1522301498' },
  ];

  it('are the same whichever file comes first', async () => {
    await load(citing, 'one', { fileName: 'w.json' });
    await load(cited, 'two', { fileName: 'p.json' });
    const first = await edges();
    const pendingFirst = await db.read('MATCH (r:Ref) RETURN r.key AS key');
    await clearGraph(db);
    await load(cited, 'two', { fileName: 'p.json' });
    await load(citing, 'one', { fileName: 'w.json' });
    expect(first).toEqual(expected);
    expect(await edges()).toEqual(expected);
    // The reference to a work never imported stays, waiting for it.
    expect(pendingFirst).toEqual([{ key: 'openalex:W1491218181' }]);
    expect(await db.read('MATCH (r:Ref) RETURN r.key AS key')).toEqual([{ key: 'openalex:W1491218181' }]);
  });

  it('a re-import changes nothing', async () => {
    await load(cited, 'two', { fileName: 'p.json' });
    await load(citing, 'one', { fileName: 'w.json' });
    const before = await db.read('MATCH (n) RETURN count(n) AS n, COUNT { ()-[]->() } AS r');
    await load(citing, 'one', { fileName: 'w.json' });
    await load(cited, 'two', { fileName: 'p.json' });
    expect(await db.read('MATCH (n) RETURN count(n) AS n, COUNT { ()-[]->() } AS r')).toEqual(before);
  });
});

describe('bad input', () => {
  it('fails in strict mode with nothing written, naming the lines', async () => {
    await expect(
      load(fixture('library.bib'), 'lib', { strict: true, fileName: 'library.bib' }),
    ).rejects.toThrow(/line 76: skipped a broken BibTeX entry[\s\S]*line 81/);
    expect(await db.read('MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('says so when a file has no record with a title', async () => {
    const err = await load('[{"type": "webpage"}]', 'x', { fileName: 'x.json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(
      /No CSL-JSON record with a title was found, so nothing was written \(1 problem/,
    );
  });
});
