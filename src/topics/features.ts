import { optimizerFamily } from '../ingest/optimizers.js';
import type { Taxonomy } from '../ingest/taxonomy.js';

/** What topic inference reads of a paper, whatever source it came from. */
export interface TopicInput {
  title: string;
  abstract?: string | null;
  keywords?: readonly string[] | null;
  /** Titles of the sections it sits in, outermost first (section titles are evidence). */
  sectionPath?: readonly string[];
  venue?: string | null;
  /** Optimizer names it names (tags, titles). */
  optimizers?: readonly string[];
}

/** A sparse feature vector: feature name → value. Names are readable (they are the evidence). */
export type Features = Map<string, number>;

/** A taxonomy phrase as word stems, for matching inside any text. */
export interface Phrase {
  topic: string;
  phrase: string;
  stems: string;
}

// Words that say nothing of a topic; short on purpose: the model learns the rest.
const STOP = new Set(
  'a an and are as at be by can do does for from how in into is it its of on or our the their this to towards via we what when where which why with without using use based new paper papers deep neural network networks learning'.split(
    ' ',
  ),
);

/**
 * Lower-case word stems: letters and digits, camel case split ("LossLandscapePapers" is three
 * words), a plural's s taken off, stop words dropped unless `all`.
 */
export function words(text: string, all = false): string[] {
  const out: string[] = [];
  const spaced = text.normalize('NFKD').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  for (const raw of spaced.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || (!all && STOP.has(raw)) || /^\d+$/.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A topic's phrases as word-stem sequences, for matching inside any text. */
export function phraseIndex(taxonomy: Taxonomy): Phrase[] {
  return taxonomy.topics.flatMap((t) =>
    t.phrases.map((phrase) => ({ topic: t.id, phrase, stems: ` ${words(phrase, true).join(' ')} ` })),
  );
}

function addBag(f: Features, prefix: string, tokens: string[], weight: number): void {
  for (const w of tokens) f.set(`${prefix}${w}`, weight);
  for (let i = 1; i < tokens.length; i++) f.set(`${prefix}${tokens[i - 1]} ${tokens[i]}`, weight);
}

/**
 * The features of one paper. Namespaces, so the evidence reads as what decided it:
 * `title:` words and word pairs of the title, keywords and abstract (the abstract weighs less);
 * `section:` those of its section headings; `optimizer:` a family an optimizer it names belongs to;
 * `phrase:` a taxonomy phrase found anywhere; `venue:` its venue.
 */
export function featuresOf(p: TopicInput, phrases: readonly Phrase[]): Features {
  const f: Features = new Map();
  const abstract = words(p.abstract ?? '');
  addBag(f, 'title:', abstract.slice(0, 300), 0.3);
  addBag(f, 'title:', words((p.keywords ?? []).join(' ; ')), 0.6);
  const title = words(p.title);
  addBag(f, 'title:', title, 1);
  const section = words((p.sectionPath ?? []).join(' ; '));
  addBag(f, 'section:', section, 1);
  for (const name of p.optimizers ?? []) setOnce(f, `optimizer:${optimizerFamily(name) ?? 'other'}`, name);
  // Phrases match whole words, stop words kept ("new optimizer" is not any "optimizer").
  const text = ` ${words(p.title, true).join(' ')} ${words(p.abstract ?? '', true).join(' ')} `;
  const heading = ` ${words((p.sectionPath ?? []).join(' ; '), true).join(' ')} `;
  for (const ph of phrases) {
    // One feature a topic (what the model weighs), named with the first phrase found (the evidence).
    if (text.includes(ph.stems)) setOnce(f, `phrase:${ph.topic}`, ph.phrase);
    if (heading.includes(ph.stems)) setOnce(f, `section phrase:${ph.topic}`, ph.phrase);
  }
  if (p.venue) f.set(`venue:${words(p.venue).join(' ')}`, 0.5);
  return f;
}

/** What a `phrase:` or `optimizer:` feature found (the phrase, the optimizer's name), kept beside the vector. */
export const FEATURE_NOTES = new WeakMap<Features, Map<string, string>>();

function setOnce(f: Features, name: string, phrase: string): void {
  if (f.has(name)) return;
  f.set(name, 1);
  const found = FEATURE_NOTES.get(f) ?? new Map<string, string>();
  FEATURE_NOTES.set(f, found);
  found.set(name, phrase);
}
