import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/paper-graph/', import.meta.url));

let bundled: Promise<URL> | null = null;

/**
 * The import worker as one JavaScript file, bundled by esbuild from parse-worker.ts (packages
 * stay imports): a thread runs it with no TypeScript loader. Loading the .ts through tsx in the
 * thread cost ~55 MB more resident memory per worker (measured: 117 MB against 62 MB). Named by
 * its content, so processes bundling at once write the same file; built once per process.
 */
export function workerBundle(): Promise<URL> {
  bundled ??= (async () => {
    const out = await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      // Modules find files next to their source (seed-dir.ts), not next to the bundle.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(ENTRY).href) },
    });
    const code = out.outputFiles[0]?.text ?? '';
    const file = join(
      OUT_DIR,
      `parse-worker-${createHash('sha1').update(code).digest('hex').slice(0, 12)}.mjs`,
    );
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
  // A failed bundle is tried again at the next start, not remembered.
  bundled.catch(() => {
    bundled = null;
  });
  return bundled;
}

// `node --import tsx src/ingest/worker-bundle.ts`: bundles ahead (the Docker image, at build time).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await workerBundle()).href);
