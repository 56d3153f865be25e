/** What the parsers make of a markdown list or a bibliographic file: plain records, no database types. */

import type { VenueKind } from '../domain/venue-kind.js';

export type { VenueKind };

export interface VenueRecord {
  id: string;
  /** The series, e.g. "ICLR", "IEEE Access", "arXiv". */
  name: string;
  kind: VenueKind;
}

export interface LinkRecord {
  label: string;
  url: string;
}

export interface AuthorRecord {
  id: string;
  name: string;
  /** From bibliographic sources: identifiers that match a person before their name does. */
  orcid?: string | null;
  openAlexId?: string | null;
}

export interface PaperRecord {
  /** Stable id from the normalised title; the loader may swap it for an existing paper with the same arXiv id. */
  id: string;
  title: string;
  authors: AuthorRecord[];
  /** False when the list cut the author list short ("G. Hinton et al."). */
  authorsComplete: boolean;
  venue: VenueRecord | null;
  /** The venue as the list wrote it, e.g. "ICML 2018 (Best Paper)". */
  venueText: string | null;
  /** The year at the venue ("ICLR 2019" → 2019). */
  year: number | null;
  /** The year the list gives after the venue ("…，ICLR 2019，2018" → 2018). */
  listedYear: number | null;
  arxivId: string | null;
  /** From a doi.org link, lower-cased. */
  doi: string | null;
  /** From an openreview.net forum or pdf link. */
  openreviewId: string | null;
  /** OpenAlex work id, short form ("W2963446712"). */
  openAlexId?: string | null;
  abstract?: string | null;
  keywords?: string[];
  /** Citations counted by the source over all of scholarship (OpenAlex cited_by_count), not in our graph. */
  globalCitationCount?: number | null;
  /** Other identifiers as "scheme:value" ("mag:2963446712", "pmid:…"). */
  otherIds?: string[];
  /** Works this paper cites, as keys ("doi:…", "arxiv:…", "openalex:W…"; see paperKeys). */
  references?: string[];
  links: LinkRecord[];
  notes: string[];
  optimizers: Array<{ id: string; name: string; via: 'tag' | 'title' }>;
  /** Code of the section the entry sits in; null for a bibliographic file, which has none. */
  sectionCode: string | null;
  /** Position within its section, from 0. */
  order: number;
  line: number;
}

export interface SectionRecord {
  code: string;
  title: string;
  parentCode: string | null;
  order: number;
  depth: number;
  line: number;
  /** True when the list had no numbering and the code was made up from position. */
  codeMadeUp: boolean;
  /**
   * What the section is within its list, whatever else the file gains or loses: its written code
   * ("A.2"), else its heading path ("~optimizers/adaptive-methods"). Its id is made from this.
   */
  key: string;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedList {
  /** The document's title heading, when its first heading is an unnumbered title. */
  title: string | null;
  sections: SectionRecord[];
  papers: PaperRecord[];
  warnings: ParseWarning[];
  /** Things worth knowing that lose nothing and do not fail --strict (two titles sharing one arXiv id). */
  notices: ParseWarning[];
  /** Items read and rightly not taken as papers, by reason (navigation, badges, code blocks…). */
  skipped: Record<string, number>;
  /** Paper entries read, counting a paper listed twice in a section (two table rows) twice. */
  entries: number;
}
