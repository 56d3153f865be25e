import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/driver.js';
import { migrate } from '../../src/db/schema/migrations.js';
import { mergeAuthors, movePaper, writePaper } from '../../src/db/write/paper-writes.js';
import { importDocument, importList, parseDocument } from '../../src/ingest/import-list.js';
import { loadList } from '../../src/ingest/load.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { counts } from '../helpers/graph.js';
import { cleanGraphEachTest } from '../helpers/neo4j.js';

const graph = cleanGraphEachTest();
/** The Db of this file (set by the hooks above before any test runs). */
let db: Db;
beforeAll(() => {
  db = graph();
});
const taxonomy = loadTaxonomy();

// A real list's shape: unnumbered ##/### headings (made-up codes), one paper per bullet.
const BASE = `# Optimizer papers

## Adaptive methods

### Adam and its variants

- **Adam: A Method for Stochastic Optimization**, Diederik P. Kingma, Jimmy Ba, ICLR 2015
- **On the Convergence of Adam and Beyond**, Sashank J. Reddi, Satyen Kale, Sanjiv Kumar, ICLR 2018
- **Decoupled Weight Decay Regularization**, Ilya Loshchilov, Frank Hutter, ICLR 2019

### Second order

- **Shampoo: Preconditioned Stochastic Tensor Optimization**, Vineet Gupta, Tomer Koren, Yoram Singer, ICML 2018

## Momentum

- **On the importance of initialization and momentum in deep learning**, Ilya Sutskever, James Martens, George Dahl, Geoffrey Hinton, ICML 2013
- **Lookahead Optimizer: k steps forward, 1 step back**, Michael R. Zhang, James Lucas, Geoffrey Hinton, Jimmy Ba, NeurIPS 2019
`;

const ADAM = 'Adam: A Method for Stochastic Optimization';
const AMSGRAD = 'On the Convergence of Adam and Beyond';
const ADAMW = 'Decoupled Weight Decay Regularization';
const SHAMPOO = 'Shampoo: Preconditioned Stochastic Tensor Optimization';
const NESTEROV = 'On the importance of initialization and momentum in deep learning';
const LOOKAHEAD = 'Lookahead Optimizer: k steps forward, 1 step back';

const line = (title: string) => BASE.split('\n').find((l) => l.includes(`**${title}**`)) as string;
const without = (md: string, title: string) => md.replace(`${line(title)}\n`, '');

/** Section title → paper titles in list order, for one source: the whole structure it states. */
async function structure(source = 'sync'): Promise<Record<string, string[]>> {
  const rows = await db.read(
    `MATCH (l:List {id: $list})<-[:IN_LIST]-(s:Section)
     OPTIONAL MATCH (p:Paper)-[r:LISTED_IN]->(s)
     WITH s, p, r ORDER BY r.order
     RETURN s.title AS section, collect(p.title) AS papers ORDER BY section`,
    { list: `list:${source}` },
  );
  return Object.fromEntries(rows.map((r) => [r.section as string, r.papers as string[]]));
}
const sectionIds = async (): Promise<Array<[string, string]>> =>
  (await db.read("MATCH (s:Section {listId: 'list:sync'}) RETURN s.title AS t, s.id AS id ORDER BY t")).map(
    (r) => [r.t as string, r.id as string],
  );
const stated = async (source: string) =>
  (
    await db.read('MATCH (:List {id: $l})<-[:STATED_IN]-(p:Paper) RETURN p.title AS t ORDER BY t', {
      l: `list:${source}`,
    })
  ).map((r) => r.t);
const paperCount = async () => (await db.read('MATCH (p:Paper) RETURN count(p) AS n'))[0]?.n;
const load = (md: string, opts: { dryRun?: boolean; keep?: boolean; source?: string } = {}) =>
  importList(db, md, taxonomy, { source: 'sync', strict: true, ...opts });

describe('a re-import makes the source state exactly what the file says', () => {
  it('deletes, moves and inserts a section: no stale membership, untouched papers stay where they were', async () => {
    await load(BASE);
    const idsBefore = await sectionIds();
    // One entry deleted, one moved to another section, a new section with one paper at the top.
    const edited = without(BASE, AMSGRAD)
      .replace(`${line(NESTEROV)}\n`, '')
      .replace('### Second order\n', `### Second order\n\n${line(NESTEROV)}`)
      .replace(
        '## Adaptive methods',
        '## Surveys\n\n- **An overview of gradient descent optimization algorithms**, Sebastian Ruder, arXiv 2016\n\n## Adaptive methods',
      );
    const s = await load(edited);
    expect(s.papers).toEqual({ created: 1, updated: 5, moved: 1, removed: 1, deleted: 1 });
    expect(s.changes.moved).toEqual([
      expect.objectContaining({ title: NESTEROV, from: ['Momentum'], to: ['Second order'] }),
    ]);
    expect(s.changes.removed).toEqual([
      expect.objectContaining({ title: AMSGRAD, from: ['Adam and its variants'], deleted: true }),
    ]);
    expect(await structure()).toEqual({
      'Adam and its variants': [ADAM, ADAMW],
      'Adaptive methods': [],
      Momentum: [LOOKAHEAD],
      'Second order': [NESTEROV, SHAMPOO],
      Surveys: ['An overview of gradient descent optimization algorithms'],
    });
    // The sections nobody touched keep their ids, though a section was inserted above them.
    const idsAfter = new Map(await sectionIds());
    for (const [title, id] of idsBefore) expect(idsAfter.get(title)).toBe(id);
    // The deleted paper had no other source: it left the graph, and its author Reddi with it.
    expect(await db.read("MATCH (a:Author) WHERE a.name CONTAINS 'Reddi' RETURN a.name")).toEqual([]);
    expect(await paperCount()).toBe(6);
  });

  it('drops an emptied section and takes a renamed heading as a new section its papers move to', async () => {
    await load(BASE);
    const emptied = without(BASE, SHAMPOO).replace('## Momentum', '## Momentum methods');
    const s = await load(emptied);
    expect(s.papers.moved).toBe(2);
    expect(s.papers.removed).toBe(1);
    expect(await structure()).toEqual({
      'Adam and its variants': [ADAM, AMSGRAD, ADAMW],
      'Adaptive methods': [],
      'Momentum methods': [NESTEROV, LOOKAHEAD],
    });
    expect(
      (await db.read("MATCH (s:Section {listId: 'list:sync'}) RETURN s.title AS t ORDER BY t")).map(
        (r) => r.t,
      ),
    ).toEqual(['Adam and its variants', 'Adaptive methods', 'Momentum methods']);
  });

  it('reorders entries without moving anyone', async () => {
    await load(BASE);
    const reordered = BASE.replace(`${line(ADAM)}\n`, '').replace(
      `${line(ADAMW)}\n`,
      `${line(ADAMW)}\n${line(ADAM)}\n`,
    );
    const s = await load(reordered);
    expect(s.papers).toMatchObject({ moved: 0, removed: 0, created: 0 });
    expect((await structure())['Adam and its variants']).toEqual([AMSGRAD, ADAMW, ADAM]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await load(BASE);
    const before = await counts(db);
    const s = await load(BASE);
    expect(s.papers).toEqual({ created: 0, updated: 6, moved: 0, removed: 0, deleted: 0 });
    expect(s.changes).toEqual({ added: [], moved: [], removed: [] });
    expect(await counts(db)).toEqual(before);
  });

  it('keeps a paper another source still states, listed only where that source lists it', async () => {
    await load(BASE);
    await load(`## Reading\n\n${line(AMSGRAD)}\n${line(SHAMPOO)}\n`, { source: 'other' });
    const s = await load(without(BASE, AMSGRAD));
    expect(s.papers).toMatchObject({ removed: 1, deleted: 0 });
    expect(s.changes.removed).toEqual([expect.objectContaining({ title: AMSGRAD, deleted: false })]);
    expect(await stated('sync')).not.toContain(AMSGRAD);
    expect(await stated('other')).toEqual([AMSGRAD, SHAMPOO]);
    expect(await structure('other')).toEqual({ Reading: [AMSGRAD, SHAMPOO] });
    expect((await structure())['Adam and its variants']).toEqual([ADAM, ADAMW]);
  });

  it('never undoes a hand edit: an edited paper survives its removal, a hand move stays', async () => {
    await load(BASE);
    const id = async (title: string) =>
      (await db.read('MATCH (p:Paper {title: $title}) RETURN p.id AS id', { title }))[0]?.id as string;
    const ids = new Map(await sectionIds());
    const adamw = await id(ADAMW);
    await db.writeTransaction((run) => writePaper(run, adamw, { year: 2017 }, false));
    const lookahead = await id(LOOKAHEAD);
    await db.writeTransaction((run) =>
      movePaper(run, lookahead, ids.get('Momentum') as string, ids.get('Second order') as string),
    );
    // The file drops AdamW (edited by hand) and still lists Lookahead under Momentum, with a new year.
    const s = await load(without(BASE, ADAMW).replace('NeurIPS 2019', 'NeurIPS 2020'));
    expect(s.papers).toMatchObject({ removed: 1, deleted: 0 });
    expect(await db.read('MATCH (p:Paper {id: $id}) RETURN p.year AS y', { id: adamw })).toEqual([
      { y: 2017 },
    ]);
    expect(await structure()).toEqual({
      'Adam and its variants': [ADAM, AMSGRAD],
      'Adaptive methods': [],
      Momentum: [NESTEROV],
      'Second order': [SHAMPOO, LOOKAHEAD],
    });
    // The hand-moved paper's other fields still follow the file.
    expect(await db.read('MATCH (p:Paper {id: $id}) RETURN p.year AS y', { id: lookahead })).toEqual([
      { y: 2020 },
    ]);
  });

  it('with keep, only adds', async () => {
    await load(BASE);
    const s = await load(without(BASE, AMSGRAD), { keep: true });
    expect(s.papers).toMatchObject({ removed: 0, moved: 0 });
    expect(s.synced).toBe(false);
    expect(await stated('sync')).toContain(AMSGRAD);
  });

  it('reports the diff on a dry run and writes nothing', async () => {
    await load(BASE);
    const before = await counts(db);
    const s = await load(without(BASE, AMSGRAD).replace('## Momentum', '## Momentum methods'), {
      dryRun: true,
    });
    expect(s.dryRun).toBe(true);
    expect(s.changes.removed.map((c) => c.title)).toEqual([AMSGRAD]);
    expect(s.changes.moved.map((c) => [c.title, c.from, c.to]).sort()).toEqual([
      [LOOKAHEAD, ['Momentum'], ['Momentum methods']],
      [NESTEROV, ['Momentum'], ['Momentum methods']],
    ]);
    expect(await counts(db)).toEqual(before);
    expect(await stated('sync')).toContain(AMSGRAD);
  });

  it('writes nothing when the import fails part way', async () => {
    const bib = (entries: string[]) => entries.join('\n\n');
    const entry = (key: string, title: string, extra = '') =>
      `@article{${key},\n  title = {${title}},\n  author = {Kingma, Diederik P. and Ba, Jimmy},\n  year = {2015}${extra}\n}`;
    await importDocument(db, bib([entry('a', ADAM), entry('b', AMSGRAD)]), taxonomy, {
      source: 'lib',
      format: 'bib',
    });
    const before = await counts(db);
    // One word longer than any index takes fails the write after the removal was planned (the
    // readers cut such words, so the record is poisoned after reading, as a bug upstream would).
    const doc = parseDocument(bib([entry('a', ADAM), entry('c', ADAMW)]), taxonomy, {
      source: 'lib',
      format: 'bib',
    });
    (doc.parsed.papers[1] as { abstract?: string }).abstract = 'x'.repeat(40_000);
    await expect(loadList(db, doc.parsed, doc.listName, taxonomy, { format: 'bib' })).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await stated('lib')).toEqual([ADAM, AMSGRAD]);
    // A clean re-run completes it.
    const s = await importDocument(db, bib([entry('a', ADAM), entry('c', ADAMW)]), taxonomy, {
      source: 'lib',
      format: 'bib',
    });
    expect(s.papers).toMatchObject({ created: 1, removed: 1 });
    expect(await stated('lib')).toEqual([ADAM, ADAMW]);
  });
});

describe('section ids', () => {
  it('come from the heading path, and a migration moves a store written with positional ids to them', async () => {
    await migrate(db);
    await load(BASE);
    const fresh = await sectionIds();
    expect(fresh).toContainEqual([
      'Adam and its variants',
      'section:sync/~adaptive-methods/adam-and-its-variants',
    ]);
    // The store as the previous version wrote it: made-up codes were the ids.
    await db.write("MATCH (s:Section {listId: 'list:sync'}) SET s.id = 'section:sync/' + s.code");
    await db.write("MATCH (m:Migration {id: '005-section-ids-from-heading-paths'}) DETACH DELETE m");
    expect(await migrate(db)).toEqual(['005-section-ids-from-heading-paths']);
    expect(await sectionIds()).toEqual(fresh);
    expect(await migrate(db)).toEqual([]);
    // A re-import of the same file now changes nothing.
    const before = await counts(db);
    const s = await load(BASE);
    expect(s.papers).toMatchObject({ moved: 0, removed: 0, created: 0 });
    expect(await counts(db)).toEqual(before);
  });
});

describe('one person met twice', () => {
  const work = (id: string, title: string, name: string) => ({
    id: `https://openalex.org/${id}`,
    title,
    publication_year: 2018,
    authorships: [
      {
        author: {
          id: 'https://openalex.org/A5023888391',
          display_name: name,
          orcid: 'https://orcid.org/0000-0003-1613-5981',
        },
      },
    ],
  });

  it('keeps the fullest spelling, whichever record comes first, and on mergeAuthors', async () => {
    const oa = (works: object[]) => JSON.stringify(works);
    await importDocument(db, oa([work('W1', 'The state of OA', 'Heather A. Piwowar')]), taxonomy, {
      source: 'oa1',
      format: 'openalex',
    });
    await importDocument(
      db,
      oa([work('W2', 'Data reuse and the open data citation advantage', 'Heather Piwowar')]),
      taxonomy,
      {
        source: 'oa2',
        format: 'openalex',
      },
    );
    expect(await db.read('MATCH (a:Author) RETURN a.name AS name')).toEqual([{ name: 'Heather A. Piwowar' }]);

    await db.write(
      "CREATE (:Author {id: 'author:h-piwowar', name: 'H. Piwowar'}), (:Author {id: 'author:heather-alyce-piwowar', name: 'Heather Alyce Piwowar'})",
    );
    const kept = await db.writeTransaction((run) =>
      mergeAuthors(run, 'author:h-piwowar', 'author:heather-alyce-piwowar'),
    );
    expect(kept?.name).toBe('Heather Alyce Piwowar');
  });
});
