import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Format, parseWorks } from '../../../src/ingest/formats.js';
import { ImportError, parseDocument } from '../../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../../src/ingest/taxonomy.js';
import { itemLines, jsonItems } from '../../../src/ingest/works/json-items.js';
import { LIMITS } from '../../../src/limits.js';

type JsonFormat = Exclude<Format, 'md' | 'bib'>;
interface Row {
  /** What is wrong with the record. */
  name: string;
  format: JsonFormat;
  /** The second of three records; the first and the third are good. */
  record: unknown;
  /** Every warning the file gives, in order. */
  warnings: string[];
  /** Whether the hostile record still loads as a paper (a bad optional field is dropped). */
  loads: boolean;
}

const csl = (fields: object) => ({ title: 'Hostile', ...fields });
const oa = (fields: object) => ({ id: 'https://openalex.org/W2', title: 'Hostile', ...fields });
const CSL = 'record 2 ("Hostile")';
const OA = 'record 2 (W2)';
const row = (format: JsonFormat, name: string, record: unknown, warnings: string[], loads = true): Row => ({
  name,
  format,
  record,
  warnings,
  loads,
});

// One row a class of wrong JSON types the audit of issue 28 found (each used to crash with a TypeError).
const ROWS: Row[] = [
  row('csl', 'a null author', csl({ author: [null, { family: 'Ba' }] }), [
    `${CSL}: author[0] must be an object, got null`,
  ]),
  row('csl', 'authors as a string', csl({ author: 'Kingma' }), [
    `${CSL}: author must be an array, got a string`,
  ]),
  row('csl', 'a number for a family name', csl({ author: [{ family: 5, given: 'A' }] }), [
    `${CSL}: author[0].family must be a string, got a number`,
  ]),
  row(
    'csl',
    'a number for the title',
    { title: 5 },
    ['record 2: skipped: title must be a string, got a number'],
    false,
  ),
  row(
    'csl',
    'an object for the title',
    { id: 'k2', title: {} },
    ['record 2 (k2): skipped: title must be a string, got an object'],
    false,
  ),
  row(
    'csl',
    'the record a number',
    5,
    ['record 2: skipped: the record must be an object, got a number'],
    false,
  ),
  row('csl', 'the record null', null, ['record 2: skipped: the record must be an object, got null'], false),
  row('csl', 'date-parts a string', csl({ issued: { 'date-parts': 'x' } }), [
    `${CSL}: issued.date-parts must be an array, got a string`,
  ]),
  row('csl', 'a date part an object', csl({ issued: { 'date-parts': [[{}]] } }), [
    `${CSL}: issued.date-parts[0][0] must be a number or a string, got an object`,
  ]),
  row('csl', 'issued a string', csl({ issued: '2020' }), [`${CSL}: issued must be an object, got a string`]),
  row('csl', 'container-title an object', csl({ 'container-title': {} }), [
    `${CSL}: container-title must be a string or an array, got an object`,
  ]),
  row('csl', 'a container-title entry a number', csl({ 'container-title': [5, 'ICLR'] }), [
    `${CSL}: container-title[0] must be a string, got a number`,
  ]),
  row('csl', 'a number for the DOI', csl({ DOI: 10 }), [`${CSL}: DOI must be a string, got a number`]),
  row('csl', 'an array for the URL', csl({ URL: [] }), [`${CSL}: URL must be a string, got an array`]),
  row('csl', 'an object for the abstract', csl({ abstract: {} }), [
    `${CSL}: abstract must be a string, got an object`,
  ]),
  row('csl', 'a number for the keywords', csl({ keyword: 5 }), [
    `${CSL}: keyword must be a string, got a number`,
  ]),
  row('csl', 'a number for the references', csl({ references: 5 }), [
    `${CSL}: references must be a string or an array, got a number`,
  ]),
  row('csl', 'a reference a number', csl({ references: [5, '10.1000/x'] }), [
    `${CSL}: references[0] must be a string, got a number`,
  ]),
  row('csl', 'an object for the id', csl({ id: {} }), [
    `${CSL}: id must be a string or a number, got an object`,
  ]),
  row('openalex', 'referenced_works a string', oa({ referenced_works: 'W1' }), [
    `${OA}: referenced_works must be an array, got a string`,
  ]),
  row('openalex', 'a referenced work a number', oa({ referenced_works: [5, 'W1'] }), [
    `${OA}: referenced_works[0] must be a string, got a number`,
  ]),
  row('openalex', 'a source a string', oa({ primary_location: { source: 'x' } }), [
    `${OA}: primary_location.source must be an object, got a string`,
  ]),
  row('openalex', 'a location a string', oa({ primary_location: 'x', locations: [null] }), [
    `${OA}: primary_location must be an object, got a string`,
    `${OA}: locations[0] must be an object, got null`,
  ]),
  row('openalex', 'a landing page a number', oa({ primary_location: { landing_page_url: 5 } }), [
    `${OA}: primary_location.landing_page_url must be a string, got a number`,
  ]),
  row(
    'openalex',
    'a number for the title',
    oa({ title: 5 }),
    [`${OA}: skipped: title must be a string, got a number`],
    false,
  ),
  row('openalex', 'a number for the title, display_name good', oa({ title: 5, display_name: 'Hostile' }), [
    `${OA}: title must be a string, got a number`,
  ]),
  row(
    'openalex',
    'an author a number',
    oa({ authorships: [{ author: 3 }, { author: { display_name: 'A B' } }] }),
    [`${OA}: authorships[0].author must be an object, got a number`],
  ),
  row('openalex', 'an authorship null', oa({ authorships: [null] }), [
    `${OA}: authorships[0] must be an object, got null`,
  ]),
  row('openalex', 'authorships an object', oa({ authorships: {} }), [
    `${OA}: authorships must be an array, got an object`,
  ]),
  row('openalex', 'an author name a number', oa({ authorships: [{ author: { display_name: 5 } }] }), [
    `${OA}: authorships[0].author.display_name must be a string, got a number`,
  ]),
  row('openalex', 'ids a string', oa({ ids: 'x' }), [`${OA}: ids must be an object, got a string`]),
  row('openalex', 'an id an object', oa({ ids: { pmid: {} } }), [
    `${OA}: ids.pmid must be a string or a number, got an object`,
  ]),
  row('openalex', 'the work id a number', oa({ id: 5 }), [
    `record 2 ("Hostile"): id must be a string, got a number`,
  ]),
  row('openalex', 'the inverted index a string', oa({ abstract_inverted_index: 'x' }), [
    `${OA}: abstract_inverted_index must be an object, got a string`,
  ]),
  row('openalex', "a word's positions a number", oa({ abstract_inverted_index: { a: 5, b: [0] } }), [
    `${OA}: abstract_inverted_index.a must be an array, got a number`,
  ]),
  row('openalex', 'a position not a whole number', oa({ abstract_inverted_index: { a: ['x', 1e9, 0] } }), [
    `${OA}: abstract_inverted_index.a[0] must be a position (a whole number from 0 to 99999), got a string`,
    `${OA}: abstract_inverted_index.a[1] must be a position (a whole number from 0 to 99999), got 1000000000`,
  ]),
  row('openalex', 'the year a string', oa({ publication_year: '2020' }), [
    `${OA}: publication_year must be a number, got a string`,
  ]),
  row('openalex', 'a keyword null, topics a string', oa({ keywords: [null], topics: 'x' }), [
    `${OA}: topics must be an array, got a string`,
    `${OA}: keywords[0] must be an object, got null`,
  ]),
  row('openalex', 'host_venue a number', oa({ host_venue: 5 }), [
    `${OA}: host_venue must be an object, got a number`,
  ]),
  row(
    'openalex',
    'the work an array',
    [1],
    // formats.ts reads the top level with jsonItems, which names a non-object record.
    ['record 2: skipped: the record must be an object, got an array'],
    false,
  ),
];

const GOOD = {
  csl: (n: number) => ({
    id: `good${n}`,
    title: `Good paper ${n}`,
    author: [{ family: 'Kingma', given: 'D.' }],
  }),
  openalex: (n: number) => ({
    id: `https://openalex.org/W10${n}`,
    title: `Good paper ${n}`,
    authorships: [{ author: { display_name: 'D. Kingma' } }],
  }),
};
const taxonomy = loadTaxonomy();
const fileOf = (r: Row) => JSON.stringify([GOOD[r.format](1), r.record, GOOD[r.format](3)], null, 1);

describe('hostile CSL-JSON and OpenAlex records', () => {
  it.each(ROWS)('$format, $name: a warning names the record and the field; the good records load', (r) => {
    const parsed = parseWorks(fileOf(r), r.format);
    expect(parsed.warnings.map((w) => w.message)).toEqual(r.warnings);
    expect(parsed.entries).toBe(3);
    const titles = parsed.papers.map((p) => p.title);
    expect(titles).toEqual(
      r.loads ? ['Good paper 1', 'Hostile', 'Good paper 3'] : ['Good paper 1', 'Good paper 3'],
    );
  });

  it.each(ROWS)('$format, $name: --strict refuses the file with an ImportError listing the warning', (r) => {
    const run = () =>
      parseDocument(fileOf(r), taxonomy, { source: 'hostile', format: r.format, strict: true });
    expect(run).toThrow(ImportError);
    expect(run).toThrow(r.warnings[0]);
  });

  it('keeps what the dropped fields left: the other authors, references and abstract words', () => {
    const file = JSON.stringify([
      oa({
        authorships: [{ author: 3 }, null, { author: { display_name: 'Jimmy Ba' } }],
        referenced_works: [5, 'https://openalex.org/W1'],
        abstract_inverted_index: { We: [0], bad: ['x'], introduce: [1] },
      }),
    ]);
    const [p] = parseWorks(file, 'openalex').papers;
    expect(p?.authors.map((a) => a.name)).toEqual(['Jimmy Ba']);
    expect(p?.references).toEqual(['openalex:W1']);
    expect(p?.abstract).toBe('We introduce');
  });

  it('lists five warnings of a record, then counts the rest in one', () => {
    const positions = Array.from({ length: 12 }, () => 'x');
    const parsed = parseWorks(JSON.stringify(oa({ abstract_inverted_index: { a: positions } })), 'openalex');
    expect(parsed.warnings).toHaveLength(6);
    expect(parsed.warnings[5]?.message).toBe(`${OA.replace('2', '1')}: and 7 more problem(s)`);
  });

  it('numbers the records of JSON Lines by line and names them by id', () => {
    const lines = [JSON.stringify(GOOD.openalex(1)), '', JSON.stringify(oa({ authorships: 'x' }))].join('\n');
    const parsed = parseWorks(lines, 'openalex');
    expect(parsed.warnings).toEqual([
      { line: 3, message: `${OA}: authorships must be an array, got a string` },
    ]);
  });
});

describe('sizes past the limits', () => {
  const huge = 'x'.repeat(9000);
  const one = (record: object, format: JsonFormat = 'csl') => parseWorks(JSON.stringify([record]), format);
  const REC = 'record 1 ("Hostile")';

  it('cuts a word of an abstract longer than LIMITS.wordChars, and says so', () => {
    const parsed = one(csl({ abstract: `We introduce ${huge} here.` }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: abstract: 1 word(s) longer than ${LIMITS.wordChars} characters cut to that length`,
    ]);
    expect(parsed.papers[0]?.abstract).toBe(`We introduce ${'x'.repeat(LIMITS.wordChars)}… here.`);
  });

  it('cuts a huge word of an OpenAlex inverted index the same way', () => {
    const parsed = one(oa({ abstract_inverted_index: { [huge]: [1], A: [0] } }), 'openalex');
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `record 1 (W2): abstract: 1 word(s) longer than ${LIMITS.wordChars} characters cut to that length`,
    ]);
    expect(parsed.papers[0]?.abstract).toHaveLength(2 + LIMITS.wordChars + 1);
  });

  it('cuts a BibTeX abstract too: the bound is in the shared work record', () => {
    // A word just past the limit: BibTeX's own bound on a value's length (bibtex.ts) is far longer.
    const bib = `@article{k, title={Hostile}, year={2020}, abstract={A ${'x'.repeat(2 * LIMITS.wordChars)}}}`;
    const parsed = parseWorks(bib, 'bib');
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: abstract: 1 word(s) longer than ${LIMITS.wordChars} characters cut to that length`,
    ]);
    expect(parsed.papers[0]?.abstract?.length).toBe(2 + LIMITS.wordChars + 1);
  });

  it('cuts an abstract longer than LIMITS.abstractChars at a word', () => {
    const words = 'gradient '.repeat(LIMITS.abstractChars / 4).trim();
    const parsed = one(csl({ abstract: words }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: abstract: ${words.length.toLocaleString('en-US')} characters, cut to the limit of ${LIMITS.abstractChars.toLocaleString('en-US')}`,
    ]);
    const abstract = parsed.papers[0]?.abstract ?? '';
    expect(abstract.length).toBeLessThanOrEqual(LIMITS.abstractChars + 1);
    expect(abstract).toMatch(/ gradient…$/);
  });

  it('cuts a long word of a keyword', () => {
    const parsed = one(csl({ keyword: `optimization, ${huge}` }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: keywords: 1 word(s) longer than ${LIMITS.wordChars} characters cut to that length`,
    ]);
    expect(parsed.papers[0]?.keywords?.[1]).toHaveLength(LIMITS.wordChars + 1);
  });

  it('skips a record whose title is longer than LIMITS.titleChars', () => {
    const title = 'T'.repeat(LIMITS.titleChars + 1);
    const parsed = one({ id: 'long', title });
    expect(parsed.papers).toEqual([]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `record 1 (long): skipped: the title is ${LIMITS.titleChars + 1} characters, over the limit of ${LIMITS.titleChars}`,
    ]);
  });

  it('keeps the first LIMITS.authorsPerPaper authors and says how many were dropped', () => {
    const author = Array.from({ length: LIMITS.authorsPerPaper + 20 }, (_, i) => ({ family: `Author${i}` }));
    const parsed = one(csl({ author }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: 20 of ${LIMITS.authorsPerPaper + 20} authors dropped: the limit is ${LIMITS.authorsPerPaper} a paper`,
    ]);
    expect(parsed.papers[0]?.authors).toHaveLength(LIMITS.authorsPerPaper);
    expect(parsed.papers[0]?.authorsComplete).toBe(false);
  });

  it('drops an author name longer than LIMITS.nameChars', () => {
    const parsed = one(csl({ author: [{ literal: huge }, { family: 'Ba' }] }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: author 1: a name of 9,000 characters, over the limit of ${LIMITS.nameChars}, dropped`,
    ]);
    expect(parsed.papers[0]?.authors.map((a) => a.name)).toEqual(['Ba']);
  });

  it('drops a DOI and a reference longer than LIMITS.wordChars', () => {
    const parsed = one(csl({ DOI: `10.1000/${huge}`, references: [`10.1000/${huge}`, '10.1000/ok'] }));
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `${REC}: doi: ${(huge.length + 8).toLocaleString('en-US')} characters, over the limit of ${LIMITS.wordChars}, dropped`,
      `${REC}: 1 reference(s) longer than ${LIMITS.wordChars} characters dropped`,
    ]);
    expect(parsed.papers[0]?.doi).toBeNull();
    expect(parsed.papers[0]?.references).toEqual(['doi:10.1000/ok']);
  });
});

describe('the top level of a JSON document', () => {
  it.each([
    [
      'a number',
      5,
      'the file must hold an array of records, one record (an object) or {"results": [...]}, got a number',
    ],
    [
      'a string',
      'x',
      'the file must hold an array of records, one record (an object) or {"results": [...]}, got a string',
    ],
    [
      'null',
      null,
      'the file must hold an array of records, one record (an object) or {"results": [...]}, got null',
    ],
    [
      'results not an array',
      { meta: {}, results: 'x' },
      '"results" must be an array of records, got a string',
    ],
  ])('refuses %s by name', (_, value, problem) => {
    expect(jsonItems(value, JSON.stringify(value))).toEqual({ ok: false, problem });
  });

  it('takes an array, an API page and one object', () => {
    expect(jsonItems([{ a: 1 }], '[{"a": 1}]')).toEqual({ ok: true, items: [{ a: 1 }], lines: [1] });
    const page = '{"meta": {"count": 2},\n "results": [\n  {"a": 1},\n  null\n]}';
    expect(jsonItems(JSON.parse(page), page)).toEqual({ ok: true, items: [{ a: 1 }, null], lines: [3, 4] });
    expect(jsonItems({ title: 'x' }, '{"title": "x"}')).toEqual({
      ok: true,
      items: [{ title: 'x' }],
      lines: [1],
    });
  });

  it('finds the line of every item, scalars and nulls included', () => {
    expect(itemLines('[\n {"a": [1,\n 2]},\n null,\n 5, "x,]"\n]')).toEqual([2, 4, 5, 5]);
  });
});

describe('any JSON in any field', () => {
  // Each field the readers use, with any JSON value or a value of about the right shape.
  const any = fc.jsonValue({ maxDepth: 3 });
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(any, a);
  const obj = (keys: string[]) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, any])), { requiredKeys: [] });
  const location = maybe(
    fc.record(
      { landing_page_url: any, pdf_url: any, source: maybe(obj(['display_name', 'type'])) },
      { requiredKeys: [] },
    ),
  );
  const openAlex = fc.record(
    {
      id: any,
      title: maybe(fc.string()),
      display_name: any,
      publication_year: any,
      ids: maybe(obj(['openalex', 'doi', 'mag', 'pmid'])),
      primary_location: location,
      locations: maybe(fc.array(location)),
      host_venue: maybe(obj(['display_name', 'type', 'url'])),
      authorships: maybe(
        fc.array(
          maybe(
            fc.record(
              { author: maybe(obj(['id', 'display_name', 'orcid'])), raw_author_name: any },
              { requiredKeys: [] },
            ),
          ),
        ),
      ),
      abstract_inverted_index: maybe(fc.dictionary(fc.string(), maybe(fc.array(maybe(fc.nat()))))),
      referenced_works: maybe(fc.array(any)),
      keywords: maybe(fc.array(maybe(obj(['display_name', 'keyword'])))),
      cited_by_count: any,
    },
    { requiredKeys: [] },
  );
  const csl = fc.record(
    {
      id: any,
      type: any,
      title: maybe(fc.string()),
      author: maybe(fc.array(maybe(obj(['family', 'given', 'literal', 'suffix'])))),
      issued: maybe(
        fc.record({ 'date-parts': maybe(fc.array(maybe(fc.array(any)))), raw: any }, { requiredKeys: [] }),
      ),
      'container-title': any,
      DOI: any,
      URL: any,
      abstract: any,
      keyword: any,
      number: any,
      note: any,
      references: maybe(fc.array(any)),
    },
    { requiredKeys: [] },
  );

  it.each([
    ['openalex', openAlex],
    ['csl', csl],
  ] as const)('%s: reads without throwing, and warns for every record it skips', (format, record) => {
    fc.assert(
      fc.property(fc.array(maybe(record), { maxLength: 5 }), (records) => {
        const parsed = parseWorks(JSON.stringify(records), format);
        expect(parsed.entries).toBe(records.length);
        expect(parsed.papers.length + parsed.warnings.filter((w) => /skipped/.test(w.message)).length).toBe(
          records.length,
        );
      }),
      { numRuns: 300 },
    );
  });
});
