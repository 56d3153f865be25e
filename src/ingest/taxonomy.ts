import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { slug } from '../domain/normalize.js';
import { SEED_DIR } from './seed-dir.js';

export const FACETS = ['METHOD_FAMILY', 'ANALYSIS_LENS', 'CONTRIBUTION'] as const;
export type Facet = (typeof FACETS)[number];

const sectionMap = z.object({
  topics: z.array(z.string()).default([]),
  /** Facets this section states have no answer (a lottery-ticket section has no method family). */
  none: z.array(z.enum(FACETS)).default([]),
  en: z.string().optional(),
  zh: z.string().optional(),
});

const schema = z.object({
  topics: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      facet: z.enum(FACETS),
      en: z.string().default(''),
      zh: z.string().default(''),
      /** Words or phrases that are evidence for the topic wherever they appear. */
      phrases: z.array(z.string().min(1)).default([]),
      /** Optimizers of this family: a paper naming one inherits evidence for the topic. */
      optimizers: z.array(z.string().min(1)).default([]),
      /** Paper ids known to be about the topic (fitting data when no list states it). */
      examples: z.array(z.string()).default([]),
    }),
  ),
  /** Optimizers the dictionary knows that belong to no family topic. */
  optimizers: z.array(z.string().min(1)).default([]),
  inference: z
    .object({ keep: z.number().min(0).max(1), threshold: z.number().min(0).max(1) })
    .default({ keep: 0.25, threshold: 0.5 }),
  lists: z.record(
    z.string(),
    z.object({
      title: z.string().optional(),
      /** Other names the same list is imported under (e.g. the file name of an older version). */
      aliases: z.array(z.string()).default([]),
      /** `other`: the list is about something else, so its papers have no method family (eval:topics). */
      about: z.enum(['optimization', 'mixed', 'other']).optional(),
      sections: z.record(z.string(), sectionMap).default({}),
    }),
  ),
  seed: z.array(z.object({ file: z.string(), list: z.string() })).default([]),
});

export type Taxonomy = z.infer<typeof schema>;
export type TopicDef = Taxonomy['topics'][number];
export type SectionMapping = z.infer<typeof sectionMap>;
export type ListDef = Taxonomy['lists'][string];

const DEFAULT_FILE = join(SEED_DIR, 'taxonomy.yaml');
const cache = new Map<string, Taxonomy>();

/** Reads and checks seed/taxonomy.yaml (or another file of that shape); unknown topic ids are errors. */
export function loadTaxonomy(file = DEFAULT_FILE): Taxonomy {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid taxonomy: ${problems}`);
  }
  const known = new Set(parsed.data.topics.map((t) => t.id));
  if (known.size !== parsed.data.topics.length) throw new Error(`${file}: two topics share an id`);
  for (const [list, def] of Object.entries(parsed.data.lists)) {
    for (const [code, s] of Object.entries(def.sections)) {
      const unknown = s.topics.filter((t) => !known.has(t));
      if (unknown.length)
        throw new Error(`${file}: lists.${list}.sections.${code} names unknown topics ${unknown}`);
    }
  }
  cache.set(file, parsed.data);
  return parsed.data;
}

/** The project's taxonomy, read once (parsers that consult it at every entry use this). */
export function projectTaxonomy(): Taxonomy {
  return cache.get(DEFAULT_FILE) ?? loadTaxonomy();
}

/** The canonical list name for a source: an alias of a known list resolves to that list. */
export function canonicalList(taxonomy: Taxonomy, source: string): string {
  const key = slug(source);
  for (const [name, def] of Object.entries(taxonomy.lists)) {
    if (slug(name) === key || def.aliases.some((a) => slug(a) === key)) return name;
  }
  return source;
}

/** A list's taxonomy entry under any of its names (own keys only: a list named "constructor" has none). */
export function listDef(taxonomy: Taxonomy, source: string): ListDef | undefined {
  const own = (key: string) => (Object.hasOwn(taxonomy.lists, key) ? taxonomy.lists[key] : undefined);
  return own(canonicalList(taxonomy, source)) ?? own(slug(source));
}
