import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseWorks } from '../../../src/ingest/formats.js';
import type { PaperRecord } from '../../../src/ingest/records.js';
import { rebuildAbstract } from '../../../src/ingest/works/openalex.js';

const fixture = (name: string) => {
  const bytes = readFileSync(`tests/fixtures/works/${name}`);
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const byTitle = (papers: PaperRecord[], start: string) => {
  const p = papers.find((x) => x.title.startsWith(start));
  if (!p) throw new Error(`no paper titled ${start}… among ${papers.map((x) => x.title).join(' | ')}`);
  return p;
};
const names = (p: PaperRecord) => p.authors.map((a) => a.name);

describe('format detection', () => {
  it('tells the formats apart by extension, then by content', () => {
    expect(detectFormat('lib.bib', '')).toBe('bib');
    expect(detectFormat('works.jsonl.gz', '')).toBe('openalex');
    expect(detectFormat('x.json', fixture('zotero.json'))).toBe('csl');
    expect(detectFormat('x.json', fixture('openalex-work.json'))).toBe('openalex');
    expect(detectFormat('x.json', fixture('openalex-page.json'))).toBe('openalex');
    expect(detectFormat('export', fixture('library.bib'))).toBe('bib');
    expect(detectFormat('export', fixture('openalex-works.jsonl'))).toBe('openalex');
    expect(detectFormat('list.txt', '# Papers\n\n- **Adam** ICLR 2015\n')).toBe('md');
  });
});

describe('BibTeX (DBLP, Google Scholar and publisher entries)', () => {
  const parsed = parseWorks(fixture('library.bib'), 'bib');

  it('reads every entry with a title, and reports the broken one and the untitled one by line', () => {
    expect(parsed.papers).toHaveLength(6);
    expect(parsed.entries).toBe(7);
    expect(parsed.warnings.map((w) => w.line)).toEqual([76, 81]);
    expect(parsed.warnings[0]?.message).toMatch(/broken BibTeX entry "broken2020"/);
    expect(parsed.warnings[1]?.message).toMatch(/no title/);
  });

  it('decodes LaTeX, keeps protected case, orders "Last, First" names, and maps the venue', () => {
    const adam = byTitle(parsed.papers, 'Adam');
    expect(adam.title).toBe('Adam: A Method for Stochastic Optimization');
    expect(names(adam)).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
    expect(adam.venue).toEqual({ id: 'venue:iclr', name: 'ICLR', kind: 'CONFERENCE' });
    expect(adam.year).toBe(2015);
    const bubeck = byTitle(parsed.papers, 'Convex Optimization');
    expect(names(bubeck)).toEqual(['Sébastien Bubeck']);
    expect(bubeck.doi).toBe('10.1561/2200000050');
    expect(bubeck.abstract).toBe(
      'This monograph presents the main complexity theorems in convex optimization & their corresponding algorithms.',
    );
    expect(bubeck.venue?.kind).toBe('JOURNAL');
    const goyal = byTitle(parsed.papers, 'Accurate');
    expect(goyal.title).toBe('Accurate, large minibatch SGD: Training ImageNet in 1 hour');
    expect(names(goyal)).toEqual(['Priya Goyal', 'Piotr Dollár', 'Ross Girshick']);
    const duchi = byTitle(parsed.papers, 'Adaptive Subgradient');
    expect(duchi.venueText).toBe('Journal of Machine Learning Research'); // from @string jmlr
    expect(duchi.keywords).toEqual(['online learning', 'subgradient methods']);
  });

  it('marks "and others" as an incomplete author list', () => {
    expect(byTitle(parsed.papers, 'Accurate').authorsComplete).toBe(false);
    expect(byTitle(parsed.papers, 'Adam').authorsComplete).toBe(true);
  });

  it('finds the arXiv id in each of its places: url, eprint, and "arXiv preprint" text', () => {
    expect(byTitle(parsed.papers, 'Adam').arxivId).toBe('1412.6980'); // url
    expect(byTitle(parsed.papers, 'An overview').arxivId).toBe('1609.04747'); // eprint + eprinttype
    expect(byTitle(parsed.papers, 'On the convergence').arxivId).toBe('1904.09237'); // journal text
    expect(byTitle(parsed.papers, 'On the convergence').venue?.kind).toBe('PREPRINT');
  });

  it('reads cites fields as references, to entries of the file or by identifier', () => {
    const bib = `@article{a, title={Citing paper}, year={2020}, cites={b, 10.1000/XYZ123, arXiv:1412.6980v3}}
@article{b, title={Cited paper}, year={2019}}`;
    const [citing] = parseWorks(bib, 'bib').papers;
    expect(citing?.references).toEqual(['id:paper:cited-paper', 'doi:10.1000/xyz123', 'arxiv:1412.6980']);
  });
});

describe('CSL-JSON (a Zotero export)', () => {
  const parsed = parseWorks(fixture('zotero.json'), 'csl');

  it('reads title, authors, year, container, type, DOI, URL and abstract; skips an untitled item by line', () => {
    expect(parsed.papers.map((p) => p.title)).toEqual([
      'Adam: A Method for Stochastic Optimization',
      'Decoupled Weight Decay Regularization',
      'Reducing the Dimensionality of Data with Neural Networks',
    ]);
    expect(parsed.warnings).toEqual([{ line: 38, message: 'record 4 (untitled): skipped: it has no title' }]);
    const adam = byTitle(parsed.papers, 'Adam');
    expect(names(adam)).toEqual(['Diederik P. Kingma', 'Jimmy Ba']);
    expect(adam.year).toBe(2017);
    expect(adam.doi).toBe('10.48550/arxiv.1412.6980');
    expect(adam.arxivId).toBe('1412.6980');
    expect(adam.abstract).toMatch(/^We introduce Adam, an algorithm/);
    const adamw = byTitle(parsed.papers, 'Decoupled');
    expect(adamw.venue).toEqual({ id: 'venue:iclr', name: 'ICLR', kind: 'CONFERENCE' });
    const hinton = byTitle(parsed.papers, 'Reducing');
    expect(hinton.doi).toBe('10.1126/science.1127647'); // https://doi.org/ and upper case dropped
    expect(hinton.venue?.kind).toBe('JOURNAL');
    expect(names(hinton)).toEqual(['G. E. Hinton', 'R. R. Salakhutdinov']);
  });
});

describe('CSL-JSON names written as literals', () => {
  it('turns a person written "Family, Given" round and keeps an institution whole', () => {
    const [p] = parseWorks(
      JSON.stringify([
        {
          type: 'article-journal',
          title: 'Deep learning',
          author: [{ literal: 'LeCun, Yann' }, { literal: 'Google Brain Team' }, { literal: 'Google, Inc.' }],
        },
      ]),
      'csl',
    ).papers;
    expect(p?.authors.map((a) => a.name)).toEqual(['Yann LeCun', 'Google Brain Team', 'Google, Inc.']);
  });
});

describe('OpenAlex works', () => {
  it('reads the documented Work object: ids, authorships with ORCIDs, source, abstract, references', () => {
    const [w] = parseWorks(fixture('openalex-work.json'), 'openalex').papers;
    expect(w?.openAlexId).toBe('W2741809807');
    expect(w?.doi).toBe('10.7717/peerj.4375');
    expect(w?.year).toBe(2018);
    expect(w?.venue).toEqual({ id: 'venue:peerj', name: 'PeerJ', kind: 'JOURNAL' });
    expect(w?.authors.slice(0, 3)).toEqual([
      {
        id: 'author:heather-piwowar',
        name: 'Heather Piwowar',
        orcid: '0000-0003-1613-5981',
        openAlexId: 'A5048491430',
      },
      {
        id: 'author:jason-priem',
        name: 'Jason Priem',
        orcid: '0000-0001-6187-6610',
        openAlexId: 'A5023888391',
      },
      {
        id: 'author:vincent-lariviere',
        name: 'Vincent Larivière',
        orcid: '0000-0002-2733-0689',
        openAlexId: 'A5021738232',
      },
    ]);
    expect(w?.abstract).toBe(fixture('openalex-abstract.txt'));
    expect(w?.references).toEqual(['openalex:W1491218181', 'openalex:W1522301498']);
    expect(w?.globalCitationCount).toBe(1023);
    expect(w?.otherIds).toEqual(['mag:2741809807', 'pmid:29456894', 'pmcid:5815332']);
    expect(w?.keywords).toEqual(['scientometrics and bibliometrics research', 'Citation']);
  });

  it('reads an API page, the older host_venue shape, and the arXiv id from an arXiv location', () => {
    const parsed = parseWorks(fixture('openalex-page.json'), 'openalex');
    const [adam, adagrad] = parsed.papers;
    expect(adam?.arxivId).toBe('1412.6980');
    expect(adam?.venue).toEqual({ id: 'venue:arxiv', name: 'arXiv', kind: 'PREPRINT' });
    expect(adam?.abstract).toBe(
      'We introduce Adam, an algorithm for first-order gradient-based optimization.',
    );
    expect(adagrad?.title).toBe(
      'Adaptive Subgradient Methods for Online Learning and Stochastic Optimization',
    );
    expect(adagrad?.venue).toEqual({ id: 'venue:jmlr', name: 'JMLR', kind: 'JOURNAL' });
    expect(parsed.papers.map((p) => p.line)).toEqual([9, 72]);
  });

  it('reads JSON Lines (gzipped too), a bad line and an untitled work each a warning with its line', () => {
    const parsed = parseWorks(fixture('openalex-works.jsonl.gz'), 'openalex');
    expect(parsed.papers.map((p) => p.openAlexId)).toEqual(['W1522301498', 'W2146502635']);
    expect(parsed.warnings.map((w) => w.line)).toEqual([2, 4]);
    expect(parsed.warnings[0]?.message).toMatch(/not valid JSON/);
  });

  it('rebuilds an abstract from its inverted index in word order, repeated words included', () => {
    expect(rebuildAbstract({ the: [0, 3], cat: [1], saw: [2], dog: [4] })).toBe('the cat saw the dog');
    expect(rebuildAbstract(null)).toBeNull();
  });
});
