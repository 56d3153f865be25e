import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/driver.js';
import { decodeList, importList } from './import-list.js';
import type { ImportSummary } from './load.js';
import { SEED_DIR } from './seed-dir.js';
import { loadTaxonomy } from './taxonomy.js';

/** Loads every list named in seed/taxonomy.yaml, in order (idempotent). */
export async function loadSeed(db: Db): Promise<ImportSummary[]> {
  const taxonomy = loadTaxonomy();
  const out: ImportSummary[] = [];
  for (const entry of taxonomy.seed) {
    const file = join(SEED_DIR, entry.file);
    const markdown = decodeList(readFileSync(file), file);
    out.push(await importList(db, markdown, taxonomy, { source: entry.list, strict: true }));
  }
  return out;
}
