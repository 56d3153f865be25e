/** What the recognisers of one entry share: the marked text they read and the state they fill. */
import { cleanText } from '../domain/normalize.js';
import type { NameList } from './names.js';
import type { Token } from './tokens.js';
import { isKnownVenue } from './venue.js';
import {
  BROKEN_LINK_LABEL,
  CODE,
  EM,
  NAME_SEPARATOR,
  rx,
  SHORTCODES,
  YEAR,
  YEAR_WORD,
} from './vocabulary.js';

// "(2015)", "(ICLR 2019)", "(Book, Jan 2017)": a short parenthesis with a year; or a broken "(2014, A. B".
export const YEAR_PAREN = rx()`\s*\(([^()${EM[0]}${EM[1]}]{0,24}?\b${YEAR}[a-z]?\b[^()${EM[0]}${EM[1]}]{0,12})\)|\s*\((${YEAR}),`;

export type TitleSource = 'bold' | 'link' | 'italic' | 'plain' | 'authors-first';

export interface RestState {
  venues: string[];
  /** The fields after the title have proposed names already (the first run there is the authors). */
  named: boolean;
  /** A names run that could not be a phrase was found (initials, "et al."). */
  strong: boolean;
  /** Reading a line after the first: what it proposes comes from the next lines. */
  nextLine?: boolean;
}

/** Italic authors the name reader does not accept, split at commas and "and" as written. */
export function looseNames(text: string): NameList {
  const complete = !/\bet\.?\s*al\b|\band others\b/i.test(text);
  const names = text
    .replace(/,?\s*(?:et\.?\s*al\.?|and others)\s*$/i, '')
    .split(NAME_SEPARATOR)
    .map((n) => cleanText(n))
    .filter(Boolean);
  return { names, complete };
}

/** A venue that says something: a known series, or any venue with a year. */
export function isVenueEvidence(v: string): boolean {
  // A short name with a year ("SOSP 2019", "foo'23"); a long sentence that mentions a year is not a venue.
  return (
    isKnownVenue(v) || ((YEAR_WORD.test(v) || /['’]\d{2}\b/.test(v)) && v.trim().split(/\s+/).length <= 8)
  );
}

/** Tokens to text, with italic and code kept marked for the recognisers; links as a space, or their text. */
export function flatten(tokens: Token[], linkText = false): string {
  return (
    tokens
      .map((t) => {
        if (t.kind === 'emphasis') return `${EM[0]}${t.text}${EM[1]}`;
        if (t.kind === 'code') return `${CODE[0]}${t.text}${CODE[1]}`;
        if (t.kind === 'link') return linkText ? t.text : ' ';
        if (t.kind === 'newline') return ' ';
        // A label whose link broke ("[[pdf]] (https://…)") is furniture, not text of the entry.
        return t.text.replace(BROKEN_LINK_LABEL, ' ').replace(SHORTCODES, ' ');
      })
      .join('')
      // Brackets left empty by a link taken out ("[[arXiv](…)] Zambaldi et al.") hold nothing.
      .replace(/\[\s*\]|<\s*>|\(\s*\)/g, ' ')
  );
}
