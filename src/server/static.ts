import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** The explorer's built files (npm run build:web; npm start and npm test build them first). */
export const WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

// A Map: a file named "x.constructor" must not find Object's own members.
const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.json', 'application/json'],
]);

/** Serves the explorer at / from web/dist for GET requests outside the API's own paths. */
export function staticFilesPlugin(root = WEB_DIST): Plugin {
  const base = resolve(root);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (/^\/(graphql|graphiql|health|ready)(\/|$)/.test(url.pathname)) return;
      const text = (status: number, body: string) =>
        endResponse(
          new fetchAPI.Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
        );
      let path: string;
      try {
        path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      } catch {
        return text(400, `Bad request: the path ${url.pathname} is not valid percent-encoding.`);
      }
      const file = normalize(join(base, path));
      // Never outside the build folder, whatever the path says (a sibling "dist-x" is outside too).
      if (!file.startsWith(base + sep)) return text(404, 'Not found');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        // Other paths fall through to Yoga's own 404; only the explorer's front page explains itself.
        if (url.pathname === '/') text(503, 'The explorer is not built: run "npm run build:web".');
        return;
      }
      const immutable = path.startsWith('/assets/');
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : await readFile(file), {
          headers: {
            'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
