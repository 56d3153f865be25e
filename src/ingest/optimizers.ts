import { optimizerId } from '../domain/normalize.js';
import { projectTaxonomy } from './taxonomy.js';

/**
 * Named optimizers recognised in titles, spelled as the field spells them: the taxonomy's
 * dictionary (each family topic's optimizers, and those of no family). Matching needs word
 * boundaries, so "AdamW" is not "Adam" and "signADAM" is not "Adam".
 */
interface Dictionary {
  names: string[];
  byKey: Map<string, string>;
  patterns: [string, RegExp][];
  family: Map<string, string>;
}
let dictionary: Dictionary | undefined;

function known(): Dictionary {
  if (dictionary) return dictionary;
  const t = projectTaxonomy();
  const family = new Map<string, string>();
  for (const topic of t.topics) for (const n of topic.optimizers) family.set(n.toLowerCase(), topic.id);
  const names = [...new Set([...t.topics.flatMap((x) => x.optimizers), ...t.optimizers])].sort(
    (a, b) => b.length - a.length,
  );
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  dictionary = {
    names,
    byKey: new Map(names.map((n) => [n.toLowerCase(), n])),
    patterns: names.map((n) => [n, new RegExp(`(?<![\\p{L}\\p{N}])${literal(n)}(?![\\p{L}\\p{N}])`, 'iu')]),
    family,
  };
  return dictionary;
}

/** The canonical spelling of an optimizer name (a tag like "ADAM" becomes "Adam"); unknown names stay as written. */
export function canonicalOptimizer(name: string): string {
  return known().byKey.get(name.toLowerCase()) ?? name;
}

/** The family topic id an optimizer belongs to (taxonomy), or null. */
export function optimizerFamily(name: string): string | null {
  return known().family.get(name.toLowerCase()) ?? null;
}

/** Optimizers named in a title, in the order it names them. */
export function optimizersInTitle(title: string): string[] {
  const found: [number, string][] = [];
  for (const [name, re] of known().patterns) {
    const at = title.search(re);
    if (at >= 0) found.push([at, name]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

export const optimizerRef = (name: string, via: 'tag' | 'title') => ({ id: optimizerId(name), name, via });
