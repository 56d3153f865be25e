import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** Where the playground's own files are served; nothing of it comes from a CDN. */
export const GRAPHIQL_ASSETS = '/graphiql/';

/**
 * The Content-Security-Policy of the pages this project serves (GraphiQL and the explorer): every
 * script, style sheet, worker and request from this origin only, so anything that tries to reach
 * a CDN is blocked and shows up in a test. Inline style attributes stay allowed: Monaco and
 * Cytoscape position elements with them. No inline script is needed: the page's options travel
 * as a JSON data block, which is not executed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

// Starts Monaco with same-origin workers, then renders Yoga's GraphiQL with the options the page
// carries in #graphiql-options (the data block keeps them out of any inline script).
const BOOT = `(function () {
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  var base = document.currentScript.src.replace(/[^/]*$/, '');
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return base + workers[label]; } };
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();`;

type Asset = { body: ArrayBuffer; type: string };

const JS = 'text/javascript; charset=utf-8';

/**
 * The bundle is ~9 MB of JavaScript: it is read on the first playground request, not at start, so
 * a process that only answers API calls never holds it; each file is encoded once.
 */
let assets: Promise<Map<string, Asset>> | null = null;
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((g) => {
    const text = (body: string, type: string): Asset => ({
      body: toArrayBuffer(Buffer.from(body, 'utf8')),
      type,
    });
    // A Map, so a path such as /graphiql/__proto__ or /graphiql/constructor finds nothing.
    return new Map(
      Object.entries({
        'graphiql.css': text(g.css, 'text/css; charset=utf-8'),
        'graphiql.js': text(g.js, JS),
        'boot.js': text(BOOT, JS),
        'editor.worker.js': text(g.editorWorkerService, JS),
        'json.worker.js': text(g.jsonWorker, JS),
        'graphql.worker.js': text(g.graphqlWorker, JS),
        'favicon.ico': {
          body: toArrayBuffer(Buffer.from(g.favicon.slice(g.favicon.indexOf(',') + 1), 'base64')),
          type: 'image/x-icon',
        },
      }),
    );
  });
  return assets;
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The bundle's version in the asset URLs, so browsers may cache them for good and still see a new release. */
const VERSION = (() => {
  const entry = createRequire(import.meta.url).resolve('@graphql-yoga/render-graphiql');
  const pkg = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
})();
const asset = (name: string) => `${GRAPHIQL_ASSETS}${name}?v=${VERSION}`;

/** JSON that is safe inside a <script> data block ("</script>" cannot close it). */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The GraphiQL page: Yoga's GraphiQL with its scripts, styles, workers and icon served by this project. */
export function renderGraphiQL(opts: GraphiQLOptions = {}): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${asset('favicon.ico')}" />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script id="graphiql-options" type="application/json">${jsonForHtml(opts)}</script>
    <script src="${asset('graphiql.js')}"></script>
    <script src="${asset('boot.js')}"></script>
  </body>
</html>`;
}

/** Serves the playground's files under /graphiql/ and puts the CSP on every HTML page the app sends. */
export function graphiqlPlugin(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS)) return;
      const file = (await loadAssets()).get(url.pathname.slice(GRAPHIQL_ASSETS.length));
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(
          new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }),
        );
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : file.body, {
          headers: {
            'content-type': file.type,
            'cache-control':
              url.searchParams.get('v') === VERSION ? 'public, max-age=31536000, immutable' : 'no-cache',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        response.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
        response.headers.set('x-content-type-options', 'nosniff');
      }
    },
  };
}
