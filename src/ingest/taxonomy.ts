import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { slug } from '../domain/normalize.js';
import { SEED_DIR } from './seed-dir.js';

const sectionMap = z.object({
  topics: z.array(z.string()).default([]),
  en: z.string().optional(),
  zh: z.string().optional(),
});

const schema = z.object({
  topics: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      facet: z.enum(['METHOD_FAMILY', 'ANALYSIS_LENS', 'CONTRIBUTION']),
    }),
  ),
  lists: z.record(
    z.string(),
    z.object({
      title: z.string().optional(),
      /** Other names the same list is imported under (e.g. the file name of an older version). */
      aliases: z.array(z.string()).default([]),
      sections: z.record(z.string(), sectionMap).default({}),
    }),
  ),
  seed: z.array(z.object({ file: z.string(), list: z.string() })).default([]),
});

export type Taxonomy = z.infer<typeof schema>;
export type TopicDef = Taxonomy['topics'][number];

/** Reads and checks seed/taxonomy.yaml (or another file of that shape); unknown topic ids are errors. */
export function loadTaxonomy(file = join(SEED_DIR, 'taxonomy.yaml')): Taxonomy {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid taxonomy: ${problems}`);
  }
  const known = new Set(parsed.data.topics.map((t) => t.id));
  for (const [list, def] of Object.entries(parsed.data.lists)) {
    for (const [code, s] of Object.entries(def.sections)) {
      const unknown = s.topics.filter((t) => !known.has(t));
      if (unknown.length)
        throw new Error(`${file}: lists.${list}.sections.${code} names unknown topics ${unknown}`);
    }
  }
  return parsed.data;
}

/** The canonical list name for a source: an alias of a known list resolves to that list. */
export function canonicalList(taxonomy: Taxonomy, source: string): string {
  const key = slug(source);
  for (const [name, def] of Object.entries(taxonomy.lists)) {
    if (slug(name) === key || def.aliases.some((a) => slug(a) === key)) return name;
  }
  return source;
}
