import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { importList } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { createApp } from '../../src/server/yoga.js';
import { gqlFor } from '../helpers/app.js';
import { cleanGraphEachTest } from '../helpers/neo4j.js';

const graph = cleanGraphEachTest();
/** The Db of this file (set by the hooks above before any test runs). */
let db: Db;
beforeAll(() => {
  db = graph();
});
const taxonomy = loadTaxonomy();
const fixture = (name: string) => readFileSync(`tests/fixtures/lists/${name}`, 'utf8');

describe('importing the newer list styles into Neo4j', () => {
  it('writes a paper on two table rows as one paper that mentions both optimizers', async () => {
    const s = await importList(db, fixture('table-style.md'), taxonomy, {
      source: 'table-style',
      strict: true,
    });
    expect(s.papers).toEqual({ created: 6, updated: 0, moved: 0, removed: 0, deleted: 0 });
    expect(s.entries).toBe(7);
    const rows = await db.read(
      `MATCH (p:Paper {title: 'Decoupled Weight Decay Regularization'})
       RETURN count(p) AS papers, [(p)-[:MENTIONS]->(o) | o.name] AS optimizers, [(p)-[:PUBLISHED_IN]->(v) | v.kind] AS kinds`,
    );
    expect(rows.map((r) => ({ ...r, optimizers: [...(r.optimizers as string[])].sort() }))).toEqual([
      { papers: 1, optimizers: ['AdamW', 'SGDW'], kinds: ['CONFERENCE'] },
    ]);
  });

  it('writes a paper listed in two sections as one paper listed in both', async () => {
    await importList(db, fixture('mixed-structure.md'), taxonomy, { source: 'mixed', strict: true });
    const rows = await db.read(
      `MATCH (p:Paper {id: 'paper:adam-a-method-for-stochastic-optimization'})-[:LISTED_IN]->(s:Section)
       RETURN s.code AS code ORDER BY code`,
    );
    expect(rows).toEqual([{ code: '1' }, { code: 'x2' }]);
    expect((await db.read('MATCH (s:Section) RETURN count(s) AS n'))[0]).toEqual({ n: 3 });
  });

  it('answers Paper.authorsComplete, doi and openreviewId through the API', async () => {
    const md = [
      '## Papers',
      '- **Distilling the knowledge in a neural network** (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)',
      '- **Visualizing and understanding convolutional networks** (2014), M. Zeiler and R. Fergus [[doi]](https://doi.org/10.1007/978-3-319-10590-1_53)',
      '- **Adaptive Gradient Methods with Dynamic Bound of Learning Rate**, *Liangchen Luo, Yuanhao Xiong*, ICLR 2019 [[pdf]](https://openreview.net/pdf?id=Bkg3g2R9FX)',
    ].join('\n');
    await importList(db, md, taxonomy, { source: 'api-fields', strict: true });
    const gql = gqlFor(createApp({ db }));
    const r = await gql(
      '{ papers(first: 10, orderBy: TITLE_ASC) { edges { node { title authorsComplete doi openreviewId authors { name } } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.papers.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        title: 'Adaptive Gradient Methods with Dynamic Bound of Learning Rate',
        authorsComplete: true,
        doi: null,
        openreviewId: 'Bkg3g2R9FX',
        authors: [{ name: 'Liangchen Luo' }, { name: 'Yuanhao Xiong' }],
      },
      {
        title: 'Distilling the knowledge in a neural network',
        authorsComplete: false,
        doi: null,
        openreviewId: null,
        authors: [{ name: 'G. Hinton' }],
      },
      {
        title: 'Visualizing and understanding convolutional networks',
        authorsComplete: true,
        doi: '10.1007/978-3-319-10590-1_53',
        openreviewId: null,
        authors: [{ name: 'M. Zeiler' }, { name: 'R. Fergus' }],
      },
    ]);
  });

  it('keeps a paper complete once any list gives all its authors', async () => {
    const cut =
      '## A\n- **Layer Normalization** (2016), J. Ba et al. [[pdf]](https://arxiv.org/pdf/1607.06450v1.pdf)';
    const full =
      '## A\n- **Layer Normalization** (2016), Jimmy Lei Ba, Jamie Ryan Kiros and Geoffrey E. Hinton [[pdf]](https://arxiv.org/abs/1607.06450)';
    await importList(db, cut, taxonomy, { source: 'cut' });
    const complete = () => db.read("MATCH (p:Paper {arxivId: '1607.06450'}) RETURN p.authorsComplete AS c");
    expect(await complete()).toEqual([{ c: false }]);
    await importList(db, full, taxonomy, { source: 'full' });
    expect(await complete()).toEqual([{ c: true }]);
    await importList(db, cut, taxonomy, { source: 'cut' });
    expect(await complete()).toEqual([{ c: true }]);
  });
});
