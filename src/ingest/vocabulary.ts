/**
 * The words and marks paper lists are written with, each defined once: years and dates, the
 * separators between an entry's fields, the labels that name a field or a link, and the markers
 * the recognisers put around styled text. Recognisers compose their patterns from these parts
 * (`rx`), so a new separator or label is one edit here.
 */

/** A regular expression composed from named parts: rx()`^(${YEAR})$`; parts are RegExps or sources. */
export function rx(flags = '') {
  return (strings: TemplateStringsArray, ...parts: Array<RegExp | string>) =>
    new RegExp(
      String.raw({ raw: strings.raw }, ...parts.map((p) => (typeof p === 'string' ? p : p.source))),
      flags,
    );
}

/** A year a paper can have, as lists write it: four digits, 1900–2099. */
export const YEAR = /(?:19|20)\d{2}/;
/** A year standing as a word ("2019", "2019a"), not inside a longer number or an arXiv id. */
export const YEAR_WORD = rx()`(?<![\d.])(${YEAR})[a-z]?(?!\d|\.\d{4})`;
/** A year and nothing else. */
export const YEAR_ONLY = rx()`^\s*(${YEAR})\s*$`;
/** Month names and their abbreviations ("Oct.", "Sept", "June"). */
export const MONTH = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/;
/** Marks between fields that stand between spaces: dashes, bars, dots, arrowheads, "//", arrows. */
export const SEPARATOR = /(?:[-–—|·▸▶►›]|\/\/|->|→)/;
const I = 'i';
/**
 * A date: "29/10/2018", "12/2019", "2017.12", "2022-04-29", "Oct. 2024", "Apr 25 2019",
 * "28 May 2017", "2024 Oct". The year is the first group that matched.
 */
export const DATE = rx(
  I,
)`(?:(?:\d{1,2}[/.-]){1,2}(${YEAR})|(${YEAR})(?:[/.-]\d{1,2}){1,2}(?!\d)|\d{1,2}\s+${MONTH}\s*(?:,\s*)?(${YEAR})|${MONTH}\s*(?:\d{1,2},?\s*)?(${YEAR})|(${YEAR})\s+${MONTH})`;
/** A date closing a title, as some lists glue it on ("Title 28 May 2017"): no part of the title. */
// A match starts where a run of spaces does, and a bracket takes its spaces with it: no run of
// spaces is split between two quantifiers in every way.
export const TRAILING_DATE = rx(I)`(?<!\s)\s+[([]?${DATE}[)\]]?\s*$`;
export const DATE_ONLY = rx(I)`^\s*(?:\[\s*)?${DATE}\s*(?:\]\s*)?$`;
/** A date or year that opens an entry, before its title: "2/08/2019 Title", "[Oct. 2024] Title", "2020 · Title". */
export const DATE_LEAD = rx(
  I,
)`^\s*(?:\[\s*(?:${DATE}|(${YEAR}))\s*\]|${DATE}(?=\s)|(${YEAR})(?=\s*(?:${SEPARATOR}|:)\s))\s*(?:${SEPARATOR}|:)?\s*`;

/** A year (or date) and a venue glued to the title by hyphens: "2018-ICLR-[Title](…)", "2019.7-[Title](…)". */
export const GLUED_LEAD = rx(I)`^\s*(?:${DATE}|(${YEAR}))\s*-\s*(?:([^[\]\-]{2,40}?)\s*-\s*)?$`;

/** The year of a text that holds one ("ICLR 2019", "(2015)"), else null. */
export function yearIn(text: string): number | null {
  const m = YEAR_WORD.exec(text);
  return m ? Number(m[1]) : null;
}

/** The year of a text that is only a year or a date, else null. */
export function dateYear(text: string): number | null {
  return firstGroup(YEAR_ONLY.exec(text) ?? DATE_ONLY.exec(text));
}

/** The year of the first group that matched, else null. */
export function firstGroup(m: RegExpExecArray | null): number | null {
  const y = m?.slice(1).find((g) => g !== undefined);
  return y ? Number(y) : null;
}

/**
 * A separator with its spaces, or "by" between words. It starts where a run of spaces does (a
 * match could not start later in the run), so a long run is tried once rather than at each space.
 */
export const SPACED_SEPARATOR = rx()`(?<!\s)\s+(?:${SEPARATOR}|by)\s+`;
/** A full stop that ends a word (not an initial): "et al. ICLR", "Networks. Authors". */
export const WORD_STOP = /(?<=\p{L}{2})\.\s+/u;

/** Words that label a field of an entry, by the field they name (matched whole, case-insensitively). */
export const FIELD_LABELS = {
  authors: ['authors?', 'by', 'who', 'written by', 'creators?', 'researchers?', 'author\\(s\\)'],
  venue: [
    'venue',
    'conference',
    'journal',
    'published(?: in| at)?',
    'publication',
    'publisher',
    'booktitle',
    'proceedings',
  ],
  year: ['year', 'date', 'published year', 'pub year'],
  title: ['title', 'paper title'],
  links: ['paper', 'pdf', 'code', 'links?', 'arxiv', 'doi', 'url', 'materials?', 'project'],
  keywords: ['tags?', 'keywords?', 'key words?', 'topics?', 'categor(?:y|ies)'],
  summary: ['notes?', 'tl;?dr', 'summary', 'abstract', 'comments?', 'contribution'],
} as const;

export type FieldLabel = keyof typeof FIELD_LABELS;

const alternation = (words: readonly string[]) => `(?:${words.join('|')})`;
const ALL_LABELS = alternation(Object.values(FIELD_LABELS).flat());

/** "Authors:", "Venue：", "Key Word:" opening a line: a labelled field, whatever else the line holds. */
export const FIELD_LABEL = rx('i')`^\s*(${ALL_LABELS})\s*[:：]`;

/** Which field a label names ("Authors" → authors), or null for a label of another kind. */
export function fieldOfLabel(label: string): FieldLabel | null {
  const l = label.trim().toLowerCase();
  for (const [field, words] of Object.entries(FIELD_LABELS))
    if (rx('i')`^${alternation(words)}$`.test(l)) return field as FieldLabel;
  return null;
}

/** Link texts that say the link is the paper itself ("[pdf]", "[arXiv]", "Paper"). */
export const PAPER_LINK_WORDS = [
  'pdf',
  'paper',
  'arxiv',
  'doi',
  'openreview',
  'html',
  'abs',
  'abstract',
  'preprint',
  'publication',
  'article',
] as const;
/** A link text that opens with a paper word ("pdf", "ICLR PDF" does not; "arXiv version" does). */
export const PAPER_LINK_LABEL = rx('i')`^(?:${PAPER_LINK_WORDS.join('|')})\b`;

/** Words a link's text uses to say what it links to ("pdf", "[code]"), not the paper's name. */
export const LINK_LABEL_WORDS = [
  ...PAPER_LINK_WORDS.filter((w) => !['abstract', 'preprint', 'publication', 'article'].includes(w)),
  'code',
  'web',
  'link',
  'slides',
  'video',
  'notes',
  'blog',
  'project',
  'website',
  'github',
  'cite',
  'bib',
  'bibtex',
  'official code',
  'codes',
  'dataset',
  'supp',
] as const;
// Brackets and spaces around a label are one class each: "\s*\[*\s*" would split a run of
// spaces between two quantifiers in every way before failing (quadratic in the run).
/** A link text that only labels its link: "pdf", "[code]", "[[paper]]". */
export const LINK_LABEL = rx('i')`^[\s[]*(?:${LINK_LABEL_WORDS.join('|')})[\s\]]*$`;
/**
 * A label whose link broke ("[[pdf]] (https://…)"): furniture, not text of the entry. A match
 * starts where a run of brackets does, so a run of 100,000 "[" is tried once, not at each of them.
 */
export const BROKEN_LINK_LABEL = rx('gi')`(?<!\[)\[+\s*(?:${LINK_LABEL_WORDS.join('|')})\s*\]+`;

/** Emoji and `:shortcode:` marks lists put before an entry or after it ("🔥 [Title](…)", ":star::star:"). */
export const DECORATION =
  /^(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F|\u20E3|:[a-z0-9_+-]+:)+/u;
/** `:shortcode:` marks anywhere (":star:", ":computer:"): decoration, never text of an entry. */
export const SHORTCODES = /:[a-z0-9_+-]+:/g;

/** Kinds of things lists hold that are not papers: talks, courses, posts, videos. */
export const NON_PAPER_WORDS = [
  'tutorials?',
  'talks?',
  'invited talks?',
  'keynotes?',
  'lectures?',
  'courses?',
  'webinars?',
  'podcasts?',
  'interviews?',
  'panels?',
  'blog posts?',
  'blogs?',
  'videos?',
  'slides',
  'newsletters?',
] as const;
/** "ICML 2018 Tutorial: …", "Invited Talk: …": a label that says the entry is not a paper. */
export const NON_PAPER_LABEL = rx('i')`^[^:：]{0,40}\b(?:${NON_PAPER_WORDS.join('|')})\s*[:：]`;

/** Words that name where people work, not who they are ("University of Wyoming", "Google Brain"). */
export const AFFILIATION =
  /\b(?:universit(?:y|ies|é|à|ät)|institute|institut|college|school|laborator(?:y|ies)|labs?|research|inc|ltd|corp|academy|cent(?:er|re)|deepmind|google|brain|facebook|meta ai|microsoft|openai|nvidia|ibm|amazon|baidu|tencent|alibaba|idsia|nnaisense)\b/i;

/** Titles of lists, not of papers: "Reading list …", "An … Annotated List of My Favourite … Papers". */
export const NON_PAPER_TITLE =
  /\breading lists?\b|\blists? of (?:[\w-]+ ){0,5}papers\b|\bawesome[- ][\w-]+(?: list)?$|\bpaper lists?\b/i;

/**
 * Titles a template left unfilled: "TBD", "Untitled", "Title", and the first prompt of the
 * Ochiai summary form Japanese reading groups fill in ("どんなもの？", "what is it?").
 */
export const PLACEHOLDER_TITLE =
  /^(?:tb[ad]|todo|untitled|no title|(?:paper )?title|n\/a|what is it|どんなもの|タイトル|标题|待定)\s*[?？]?$/i;

// Markers (private-use characters) for styled text inside a flattened line: italic and code keep
// their bounds, so the recognisers can tell "*Authors*" and "`code`" from plain words.
export const EM = ['\uE001', '\uE002'] as const;
export const CODE = ['\uE005', '\uE006'] as const;
/** Any marker, to strip them all. */
export const MARKS = /[\uE001\uE002\uE005\uE006]/g;
/** Where italic or code opens: text past it is styled, not plain. */
export const STYLED = /[\uE001\uE005]/;
/** Commas, semicolons (and their full-width forms) between fields. */
export const COMMA = /[,，;；]/;
// Without the spaces around it: "\s*" before it would be tried from each space of a long run, and
// a split cannot guard against that (it restarts right after the spaces the last separator took).
// Callers trim the names they split.
/** Between two people's names: a comma or semicolon, "and", "&". */
export const NAME_SEPARATOR = rx()`(?:${COMMA}|\band\b|&)`;
