import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The worker threads' entry modules: the API's import worker, and the bulk path's parsers. */
const ENTRIES = {
  'parse-worker': new URL('./parse-worker.ts', import.meta.url),
  // Here, not in bulk/: a bundle's modules resolve their files from this folder (seed-dir.ts).
  'bulk-worker': new URL('./bulk-worker.ts', import.meta.url),
} as const;
export type WorkerName = keyof typeof ENTRIES;
const OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/paper-graph/', import.meta.url));

const bundled = new Map<WorkerName, Promise<URL>>();

/**
 * A worker thread's module as one JavaScript file, bundled by esbuild (packages stay imports): a
 * thread runs it with no TypeScript loader. Loading the .ts through tsx in the thread cost ~55 MB
 * more resident memory per worker (measured: 117 MB against 62 MB). Named by its content, so
 * processes bundling at once write the same file; built once per process.
 */
export function workerBundle(name: WorkerName = 'parse-worker'): Promise<URL> {
  const known = bundled.get(name);
  if (known) return known;
  const entry = fileURLToPath(ENTRIES[name]);
  const made = (async () => {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      // Modules find files next to their source (seed-dir.ts), not next to the bundle.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
    });
    const code = out.outputFiles[0]?.text ?? '';
    const file = join(OUT_DIR, `${name}-${createHash('sha1').update(code).digest('hex').slice(0, 12)}.mjs`);
    // Already there (an image bundles it at build time, where the server may not write).
    if (existsSync(file)) return pathToFileURL(file);
    try {
      mkdirSync(OUT_DIR, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    } catch (err) {
      throw new Error(
        `The import worker could not be written to ${file} (${(err as Error).message}); make ${OUT_DIR} writable, or bundle it ahead: node --import tsx src/ingest/worker-bundle.ts.`,
      );
    }
    return pathToFileURL(file);
  })();
  bundled.set(name, made);
  // A failed bundle is tried again at the next start, not remembered.
  made.catch(() => bundled.delete(name));
  return made;
}

// `node --import tsx src/ingest/worker-bundle.ts`: bundles ahead (the Docker image, at build time).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const name of Object.keys(ENTRIES) as WorkerName[]) console.log((await workerBundle(name)).href);
