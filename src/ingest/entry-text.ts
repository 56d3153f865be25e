/** What the recognisers of one entry share: the marked text they read and the state they fill. */
import { cleanText } from '../domain/normalize.js';
import type { NameList } from './names.js';
import type { Token } from './tokens.js';
import { isKnownVenue } from './venue.js';

// Markers (private-use characters) for styled text inside the flattened line: italic and code keep their bounds, so the
// recognisers can tell "*Authors*" and "`code`" from plain words.
export const EM = ['\uE001', '\uE002'] as const;
export const CODE = ['\uE005', '\uE006'] as const;
// "(2015)", "(ICLR 2019)", "(Book, Jan 2017)": a short parenthesis with a year; or a broken "(2014, A. B".
export const YEAR_PAREN =
  /\s*\(([^()\uE001\uE002]{0,24}?\b(?:19|20)\d{2}[a-z]?\b[^()\uE001\uE002]{0,12})\)|\s*\(((?:19|20)\d{2}),/;
/** Link texts that label a link ("pdf", "[code]", ":computer:") rather than name a paper. */
export const LABEL_TEXT =
  /^\s*\[*\s*(?:pdf|paper|code|arxiv|html|web|link|doi|openreview|slides|video|notes|blog|project|website|github|cite|bib|bibtex|abs|official code)\s*\]*\s*$/i;

export const BROKEN_LABEL = /\[+\s*(?:pdf|paper|code|web|html|arxiv|link|slides|video|project)\s*\]+/gi;

export type TitleSource = 'bold' | 'link' | 'italic' | 'plain' | 'authors-first';

export interface RestState {
  venues: string[];
  authors: NameList | null;
  /** A names run that could not be a phrase was found (initials, "et al."). */
  strong: boolean;
  /** The authors came from italic text that did not read as names: kept, but no evidence. */
  loose?: boolean;
}

/** Italic authors the name reader does not accept, split at commas and "and" as written. */
export function looseNames(text: string): NameList {
  const complete = !/\bet\.?\s*al\b|\band others\b/i.test(text);
  const names = text
    .replace(/,?\s*(?:et\.?\s*al\.?|and others)\s*$/i, '')
    .split(/\s*(?:[,，;；]|\band\b|&)\s*/)
    .map((n) => cleanText(n))
    .filter(Boolean);
  return { names, complete };
}

/** A venue that says something: a known series, or any venue with a year. */
export function isVenueEvidence(v: string): boolean {
  // A short name with a year ("SOSP 2019", "foo'23"); a long sentence that mentions a year is not a venue.
  return isKnownVenue(v) || (/\b(?:19|20)\d{2}\b|['’]\d{2}\b/.test(v) && v.trim().split(/\s+/).length <= 8);
}

/** Tokens to text, with italic and code kept marked for the recognisers. */
export function flatten(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.kind === 'emphasis') return `${EM[0]}${t.text}${EM[1]}`;
      if (t.kind === 'code') return `${CODE[0]}${t.text}${CODE[1]}`;
      if (t.kind === 'link') return ' ';
      if (t.kind === 'newline') return ' ';
      // A label whose link broke ("[[pdf]] (https://…)") is furniture, not text of the entry.
      return t.text.replace(BROKEN_LABEL, ' ');
    })
    .join('');
}
