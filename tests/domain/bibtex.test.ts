import { describe, expect, it } from 'vitest';
import type { PaperNode } from '../../src/db/schema/model.js';
import { bibtex } from '../../src/domain/bibtex.js';

const paper: PaperNode = {
  id: 'paper:x',
  title: 'R&D of 100% SGD_variants #1',
  year: 2020,
  listedYear: 2020,
  arxivId: '2001.00001',
  venueText: null,
  notes: ['Best Paper & Oral', '50% acceptance'],
  linkLabels: ['pdf'],
  linkUrls: ['https://example.org/paper_v2.pdf?a=1&b=50%25#page=3'],
};

describe('BibTeX', () => {
  it('escapes the LaTeX specials of every field, not only the title', () => {
    expect(
      bibtex(paper, [{ id: 'author:a', name: 'Ann & Bob_Lab' }], {
        id: 'venue:j',
        name: 'Journal of R&D #5',
        kind: 'JOURNAL',
      }),
    ).toBe(
      [
        '@article{lab2020r,',
        '  title = {{R\\&D of 100\\% SGD\\_variants \\#1}},',
        '  author = {Ann \\& Bob\\_Lab},',
        '  journal = {Journal of R\\&D \\#5},',
        '  year = {2020},',
        '  eprint = {2001.00001},',
        '  archivePrefix = {arXiv},',
        '  url = {https://example.org/paper_v2.pdf?a=1&b=50\\%25\\#page=3},',
        '  note = {Best Paper \\& Oral; 50\\% acceptance}',
        '}',
      ].join('\n'),
    );
  });
});
