import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededApp, seededApp, TEST_KEY } from '../helpers/app.js';
import { counts } from '../helpers/graph.js';

let s: SeededApp;
const auth = { authorization: `Bearer ${TEST_KEY}` };
beforeAll(async () => {
  s = await seededApp();
});
afterAll(async () => {
  await s.db.close();
});

const CREATE = `mutation ($input: PaperInput!) {
  createPaper(input: $input) {
    __typename
    ... on MutationCreatePaperSuccess { data { id title year venue { name kind } authors { name } sections { code } topicAssignments(minConfidence: 1) { topic { name } source } optimizers { name } links { url } } }
    ... on ValidationError { message field }
    ... on ConflictError { message nodeId }
  }
}`;

const paperInput = {
  title: 'Lion: Symbolic Discovery of Optimization Algorithms',
  year: 2023,
  venue: { name: 'NeurIPS', kind: 'CONFERENCE' },
  authors: [{ name: 'Xiangning Chen' }, { name: '  Chen  Liang ' }, { id: 'author:philipp-hennig' }],
  sectionIds: ['section:optimizer-papers-optimizers/~papers'],
  optimizers: [{ name: 'lion' }],
  links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/2302.06675' }],
};

describe('createPaper', () => {
  it('creates a paper with its relations in one transaction, naming authors by name or id', async () => {
    const r = await s.gql(CREATE, { input: paperInput }, auth);
    expect(r.errors).toBeUndefined();
    expect(r.data.createPaper).toEqual({
      __typename: 'MutationCreatePaperSuccess',
      data: {
        id: 'paper:lion-symbolic-discovery-of-optimization-algorithms',
        title: 'Lion: Symbolic Discovery of Optimization Algorithms',
        year: 2023,
        venue: { name: 'NeurIPS', kind: 'CONFERENCE' },
        authors: [{ name: 'Xiangning Chen' }, { name: 'Chen Liang' }, { name: 'Philipp Hennig' }],
        sections: [{ code: '1' }],
        topicAssignments: [{ topic: { name: 'New optimization algorithms' }, source: 'SECTION' }],
        optimizers: [{ name: 'Lion' }],
        links: [{ url: 'https://arxiv.org/abs/2302.06675' }],
      },
    });
  });

  it('reports a duplicate title as a conflict naming the node, and writes nothing', async () => {
    const before = await counts(s.db);
    const r = await s.gql(
      CREATE,
      { input: { ...paperInput, title: 'LION: symbolic discovery of optimization algorithms!' } },
      auth,
    );
    expect(r.data.createPaper).toEqual({
      __typename: 'ConflictError',
      message: 'A paper with this title exists: "Lion: Symbolic Discovery of Optimization Algorithms".',
      nodeId: 'paper:lion-symbolic-discovery-of-optimization-algorithms',
    });
    expect(await counts(s.db)).toEqual(before);
  });

  it.each([
    [{ title: '   ' }, 'input.title', 'must not be empty'],
    [{ title: 'x'.repeat(501) }, 'input.title', 'must be at most 500 characters'],
    [{ year: 1899 }, 'input.year', 'must be 1900 or later'],
    [{ year: new Date().getFullYear() + 2 }, 'input.year', 'or earlier'],
    [
      { links: [{ label: 'x', url: 'javascript:alert(1)' }] },
      'input.links.0.url',
      'must be an http or https URL',
    ],
    [
      { authors: Array.from({ length: 101 }, (_, i) => ({ name: `A${i}` })) },
      'input.authors',
      'at most 100 authors',
    ],
    [{ authors: [{ name: '  \t ' }] }, 'input.authors.0.name', 'must not be empty'],
    [{ sectionIds: ['section:nope/1'] }, 'input.sectionIds[0]', 'No node with id "section:nope/1"'],
  ])('rejects %j naming the field, and writes nothing', async (patch, field, message) => {
    const before = await counts(s.db);
    const r = await s.gql(CREATE, { input: { ...paperInput, title: 'A fresh title', ...patch } }, auth);
    expect(r.data.createPaper.__typename).toBe('ValidationError');
    expect(r.data.createPaper.field).toBe(field);
    expect(r.data.createPaper.message).toContain(message);
    expect(await counts(s.db)).toEqual(before);
  });
});

describe('the other mutations', () => {
  it('updates fields and replaces the author list', async () => {
    const r = await s.gql(
      `mutation { updatePaper(id: "paper:lion-symbolic-discovery-of-optimization-algorithms", input: { year: 2024, authors: [{ name: "Xiangning Chen" }] }) {
        ... on MutationUpdatePaperSuccess { data { year title authors { name } } } } }`,
      {},
      auth,
    );
    expect(r.data.updatePaper.data).toEqual({
      year: 2024,
      title: 'Lion: Symbolic Discovery of Optimization Algorithms',
      authors: [{ name: 'Xiangning Chen' }],
    });
  });

  it('moves a paper between sections, and its section topics follow', async () => {
    const r = await s.gql(
      `mutation { movePaper(paperId: "paper:a-simple-convergence-proof-of-adam-and-adagrad",
          fromSectionId: "section:optimizer-papers-analysis/A.2", toSectionId: "section:optimizer-papers-analysis/B.2") {
        ... on MutationMovePaperSuccess { data { sections { code } topicAssignments(minConfidence: 1) { topic { name } source } } } } }`,
      {},
      auth,
    );
    expect(r.data.movePaper.data).toEqual({
      sections: [{ code: 'B.2' }],
      topicAssignments: [
        { topic: { name: 'Adaptive gradient methods' }, source: 'SECTION' },
        { topic: { name: 'Learning dynamics & loss landscape' }, source: 'SECTION' },
      ],
    });
  });

  it('merges two authors keeping every authorship and its position', async () => {
    await s.gql(
      CREATE,
      {
        input: {
          title: 'A duplicate person wrote this',
          authors: [{ name: 'Someone Else' }, { name: 'P. Hennig' }],
        },
      },
      auth,
    );
    const r = await s.gql(
      `mutation { mergeAuthors(keepId: "author:philipp-hennig", mergeId: "author:p-hennig") {
        ... on MutationMergeAuthorsSuccess { data { name papers(first: 10) { totalCount } } } } }`,
      {},
      auth,
    );
    expect(r.data.mergeAuthors.data).toEqual({ name: 'Philipp Hennig', papers: { totalCount: 3 } });
    const rows = await s.db.read(
      "MATCH (:Author {id: 'author:philipp-hennig'})-[w:AUTHORED]->(p:Paper {title: 'A duplicate person wrote this'}) RETURN w.position AS position",
    );
    expect(rows).toEqual([{ position: 1 }]);
    expect(await s.db.read("MATCH (a:Author {id: 'author:p-hennig'}) RETURN a")).toEqual([]);
  });

  it('deletes a paper and the authors it leaves without papers', async () => {
    const r = await s.gql(
      'mutation { deletePaper(id: "paper:a-duplicate-person-wrote-this") { ... on MutationDeletePaperSuccess { data } } }',
      {},
      auth,
    );
    expect(r.data.deletePaper.data).toBe('paper:a-duplicate-person-wrote-this');
    expect(await s.db.read("MATCH (a:Author {id: 'author:someone-else'}) RETURN a")).toEqual([]);
    const again = await s.gql(
      'mutation { deletePaper(id: "paper:a-duplicate-person-wrote-this") { __typename ... on NotFoundError { id } } }',
      {},
      auth,
    );
    expect(again.data.deletePaper).toEqual({
      __typename: 'NotFoundError',
      id: 'paper:a-duplicate-person-wrote-this',
    });
  });

  it('imports a list through the API with the same importer and line-numbered warnings', async () => {
    const markdown =
      '## A. Part\n* **An imported paper**，*Imp Orter*，ICLR 2024，2024\n* (2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)\n* a prose bullet, not a paper\n';
    const r = await s.gql(
      `mutation ($md: String!) { importPaperList(markdown: $md, source: "api-list", dryRun: true) {
        ... on MutationImportPaperListSuccess { data { list dryRun papersCreated entriesRead skipped warnings { line message } } } } }`,
      { md: markdown },
      auth,
    );
    expect(r.data.importPaperList.data).toMatchObject({
      list: 'api-list',
      dryRun: true,
      papersCreated: 1,
      entriesRead: 1,
      skipped: 1,
      warnings: [{ line: 3 }],
    });
    expect(await s.db.read("MATCH (p:Paper {title: 'An imported paper'}) RETURN p")).toEqual([]);
    const strict = await s.gql(
      `mutation ($md: String!) { importPaperList(markdown: $md, source: "api-list", strict: true) {
        __typename ... on ValidationError { field message } } }`,
      { md: markdown },
      auth,
    );
    expect(strict.data.importPaperList).toMatchObject({ __typename: 'ValidationError', field: 'markdown' });
    expect(strict.data.importPaperList.message).toContain('line 3:');
  });
});

describe('graphChanged', () => {
  it('delivers an event for a committed mutation over server-sent events', async () => {
    const res = await s.app.fetch(
      'http://localhost/graphql?query=subscription%7BgraphChanged%7Bkind%20ids%7D%7D',
      {
        headers: { accept: 'text/event-stream' },
      },
    );
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
        if (text.includes('"graphChanged"')) return text;
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    await s.gql(CREATE, { input: { title: 'A paper that announces itself' } }, auth);
    const event = await first;
    await reader.cancel();
    expect(event).toContain(
      '"graphChanged":{"kind":"PAPER_CREATED","ids":["paper:a-paper-that-announces-itself"]}',
    );
  });
});
