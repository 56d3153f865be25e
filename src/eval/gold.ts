/** The gold corpus: real files beside hand-checked lists of the works they hold (../shared/gold/README.md). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

const KINDS = ['paper', 'book', 'thesis', 'dataset', 'other'] as const;

const goldEntrySchema = z.object({
  line: z.number().int().positive(),
  title: z.string().min(1),
  authors: z.array(z.string()).default([]),
  etAl: z.boolean().optional(),
  year: z.number().int().nullable().default(null),
  yearAlt: z.number().int().nullable().optional(),
  venue: z.string().nullable().optional(),
  section: z.string().nullable().optional(),
  arxiv: z.string().nullable().optional(),
  doi: z.string().nullable().optional(),
  kind: z.enum(KINDS).default('paper'),
  dupOf: z.number().int().optional(),
});

export type GoldEntry = z.infer<typeof goldEntrySchema>;

export interface GoldFile {
  /** The file the gold describes. */
  file: string;
  name: string;
  entries: GoldEntry[];
}

const GOLD = '.gold.json';

/** Reads one gold list; a malformed one is an error naming the file and the entry. */
export function readGold(goldPath: string, file: string): GoldFile {
  const parsed = z.array(goldEntrySchema).safeParse(JSON.parse(readFileSync(goldPath, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${goldPath} is not a gold list: ${problems}`);
  }
  return { file, name: basename(file), entries: parsed.data };
}

/**
 * Every `<name>.<ext>` beside a `<name>.gold.json` in the given folders (or gold files or
 * documents named directly), sorted by name. Notes (`<name>.notes.md`) are not documents.
 */
export function findGoldFiles(paths: string[]): GoldFile[] {
  const out: GoldFile[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`${p} does not exist`);
    const golds = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith(GOLD))
          .map((f) => join(p, f))
      : [p.endsWith(GOLD) ? p : p.replace(/\.[^./]+$/, GOLD)];
    for (const g of golds) {
      const stem = basename(g, GOLD);
      const dir = dirname(g);
      const doc = readdirSync(dir).find(
        (f) => f.startsWith(`${stem}.`) && f !== basename(g) && f !== `${stem}.notes.md`,
      );
      if (!doc) throw new Error(`${g} has no document beside it (${stem}.<ext>)`);
      out.push(readGold(g, join(dir, doc)));
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
