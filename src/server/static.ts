import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** The explorer's built files (npm run build:web; npm start and npm test build them first). */
export const WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves the explorer at / from web/dist for GET requests outside the API's own paths. */
export function staticFilesPlugin(root = WEB_DIST): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (/^\/(graphql|health|ready)(\/|$)/.test(url.pathname)) return;
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      const file = normalize(join(root, path));
      // Never outside the build folder, whatever the path says.
      if (!file.startsWith(root)) return;
      if (!existsSync(file) || !statSync(file).isFile()) {
        if (url.pathname === '/') {
          endResponse(
            new fetchAPI.Response('The explorer is not built: run "npm run build:web".', {
              status: 503,
              headers: { 'content-type': 'text/plain' },
            }),
          );
        }
        return;
      }
      const immutable = path.startsWith('/assets/');
      endResponse(
        new fetchAPI.Response(readFileSync(file), {
          headers: {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
