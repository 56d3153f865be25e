import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { cleanText, findArxivId, foldKey, venueId } from '../domain/normalize.js';
import { VENUE_KINDS } from '../domain/venue-kind.js';
import type { VenueKind, VenueRecord } from './records.js';
import { SEED_DIR } from './seed-dir.js';
import { dateYear, rx, YEAR, yearIn } from './vocabulary.js';

const catalogueSchema = z.object({
  series: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(VENUE_KINDS),
      aliases: z.array(z.string()).default([]),
    }),
  ),
});

/** Venue series by every folded spelling of their name: what seed/venues.yaml says. */
export type VenueCatalogue = Map<string, { name: string; kind: VenueKind }>;

/** Reads a venue catalogue (seed/venues.yaml by default); a malformed file is an error naming the problem. */
export function loadVenues(file = join(SEED_DIR, 'venues.yaml')): VenueCatalogue {
  const parsed = catalogueSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid venue catalogue: ${problems}`);
  }
  const out: VenueCatalogue = new Map();
  for (const s of parsed.data.series) {
    for (const spelling of [s.name, ...s.aliases]) out.set(foldKey(spelling), { name: s.name, kind: s.kind });
  }
  return out;
}

let defaultCatalogue: VenueCatalogue | null = null;
const catalogue = () => {
  defaultCatalogue ??= loadVenues();
  return defaultCatalogue;
};

export interface ParsedVenue {
  venue: VenueRecord | null;
  /** True when the series is in the catalogue (or is arXiv): a venue, not just some words. */
  known?: boolean;
  year: number | null;
  arxivId: string | null;
  notes: string[];
}

const NO_VENUE: ParsedVenue = { venue: null, year: null, arxivId: null, notes: [] };

/**
 * Reads a venue as lists write it: "ICLR 2019", "ICML 2018 (Best Paper)", "NIPS 2018" (NeurIPS),
 * "neurips'23", "iclr-W'23" (a workshop), "IEEE Access", "JMLR", "Proceedings of the 36th
 * International Conference on Machine Learning", "arXiv preprint arXiv:2003.02395". The venue node
 * is the series (ICLR), so a venue's papers span years; the year goes to the paper.
 */
export function parseVenue(text: string, venues: VenueCatalogue = catalogue()): ParsedVenue {
  const notes: string[] = [];
  let year: number | null = null;
  // "[^()]": a bracket's text stops at the next one, so a run of "(" is not read to its end from each.
  let s = cleanText(text).replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    const y = dateYear(inner);
    if (y !== null) year ??= y;
    else if (inner.trim()) notes.push(cleanText(inner));
    return ' ';
  });
  s = cleanText(s).replace(/^in\s*:?\s+/i, '');
  if (!s) return { ...NO_VENUE, year, notes };
  const arxivId = findArxivId(s);
  if (/^(arxiv|corr)\b/i.test(s)) {
    const y = yearIn(s.replace(/arXiv\s*:\s*\S+/i, ''));
    return { venue: series('arXiv', 'PREPRINT'), known: true, year: y ?? year, arxivId, notes };
  }
  // A year at the end ("ICLR 2019", "ICLR'2019") or as two digits after an apostrophe ("icml'23").
  const y4 = YEAR_END.exec(s);
  // Two digits need an apostrophe ("icml'23"), or a known series before them ("CVPR 18").
  const y2 = y4 ? null : (/^(.*?)\s*['’](\d{2})$/.exec(s) ?? knownThenDigits(s, venues));
  if (y4) [s, year] = [trimEnd(s.slice(0, y4.index), YEAR_GLUE), Number(y4[1])];
  else if (y2) [s, year] = [y2[1] as string, 2000 + Number(y2[2])];
  // A year that opens the venue ("2019 ICLR") is a year too.
  const lead = rx()`^(${YEAR})\s+(.+)$`.exec(s);
  if (lead) [year, s] = [year ?? Number(lead[1]), lead[2] as string];
  // …and so is one inside it ("ICML 2020 Workshop on …", "Proceedings of the 2019 Conference on …").
  const inside = year === null ? rx()`\s(${YEAR})\s`.exec(s) : null;
  if (inside)
    [year, s] = [
      Number(inside[1]),
      `${s.slice(0, inside.index)} ${s.slice(inside.index + inside[0].length)}`,
    ];
  // …and so is one glued to the series ("iclr2022 submit", "ICML2019").
  const glued = year === null ? rx('u')`^(\p{L}+)(${YEAR})(?!\d)(.*)$`.exec(s) : null;
  if (glued) [year, s] = [Number(glued[2]), `${glued[1]}${glued[3]}`];
  let name = cleanText(s).replace(/[.,;:/\s]+$/, '');
  if (!name) return { venue: null, year, arxivId, notes };
  // A workshop of a known series: "iclr-W", "ICLR Workshop", "ICML 2020 Workshop on …".
  const workshop = /^(.*?)(?:[-\s]W|\s+workshops?\b.*)$/i.exec(name);
  const known = lookup(name, venues);
  if (known) return { venue: series(known.name, known.kind), known: true, year, arxivId, notes };
  const base = workshop ? lookup(workshop[1] as string, venues) : null;
  if (base && base.kind === 'CONFERENCE')
    return { venue: series(`${base.name} Workshop`, 'WORKSHOP'), known: true, year, arxivId, notes };
  name = name.replace(/^(?:the\s+)/i, '');
  return { venue: series(name, kindByWords(name)), year, arxivId, notes };
}

/** True when a text names a catalogued venue ("ICLR 2019", "neurips'23", "IEEE Access", "arXiv …"). */
export function isKnownVenue(text: string, venues: VenueCatalogue = catalogue()): boolean {
  return /\p{L}/u.test(text) && parseVenue(text, venues).known === true;
}

/** A year closing a venue ("ICLR 2019", "ICLR'2019", "ICLR-2019"), and what may glue it on. */
const YEAR_END = rx()`(${YEAR})$`;
const YEAR_GLUE = /[\s'’,-]/;

/**
 * The text without the characters of a class at its end, by a loop: "[…]+$" would be tried from
 * each character of a long run that something else follows, reading the run to its end each time.
 */
function trimEnd(s: string, chars: RegExp): string {
  let end = s.length;
  while (end > 0 && chars.test(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

function knownThenDigits(s: string, venues: VenueCatalogue): RegExpExecArray | null {
  // "CVPR 18", "ICLR18", "IJCAI-19".
  const m = /^(.*?\p{L})[\s-]*(\d{2})$/u.exec(s);
  // "CVPR 18" is a year; "NeurIPS 32" is a volume (2032 has not happened).
  const plausible = m && 2000 + Number(m[2]) <= new Date().getFullYear() + 1;
  return m && plausible && lookup(m[1] as string, venues) ? m : null;
}

/** The known series a venue name denotes, after the words lists add around it. */
function lookup(name: string, venues: VenueCatalogue) {
  const direct = venues.get(foldKey(name));
  if (direct) return direct;
  const bare = foldKey(
    name
      .replace(/^(?:in\s+)?(?:the\s+)?proceedings\s+of\s+(?:the\s+)?/i, '')
      .replace(/^(?:\d+(?:st|nd|rd|th)|[a-z]+teenth|[a-z]+ieth)\s+/i, '')
      .replace(/^(?:annual\s+)/i, ''),
  );
  // A volume number after the series ("Advances in Neural Information Processing Systems 32").
  return venues.get(bare) ?? venues.get(bare.replace(/\s\d{1,3}$/, '')) ?? null;
}

function series(name: string, kind: VenueKind): VenueRecord {
  return { id: venueId(name), name, kind };
}

/** Classifies a venue that is not in the catalogue by what its name says, else OTHER. */
export function kindByWords(name: string): VenueKind {
  if (/\bworkshops?\b/i.test(name)) return 'WORKSHOP';
  if (/arxiv|preprint|openreview|ssrn/i.test(name)) return 'PREPRINT';
  if (/\b(journal|transactions|letters)\b/i.test(name)) return 'JOURNAL';
  if (/\b(conference|symposium|proceedings)\b/i.test(name)) return 'CONFERENCE';
  return 'OTHER';
}
