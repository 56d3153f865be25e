import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the project's data files: taxonomy, venues and the seed lists. */
export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seed');
