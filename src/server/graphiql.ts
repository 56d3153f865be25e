import { createHash } from 'node:crypto';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';
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

const FILES: Record<string, { body: string | ArrayBuffer; type: string }> = {
  'graphiql.css': { body: css, type: 'text/css; charset=utf-8' },
  'graphiql.js': { body: js, type: 'text/javascript; charset=utf-8' },
  'boot.js': { body: BOOT, type: 'text/javascript; charset=utf-8' },
  'editor.worker.js': { body: editorWorkerService, type: 'text/javascript; charset=utf-8' },
  'json.worker.js': { body: jsonWorker, type: 'text/javascript; charset=utf-8' },
  'graphql.worker.js': { body: graphqlWorker, type: 'text/javascript; charset=utf-8' },
  'favicon.ico': { body: bytes(favicon.slice(favicon.indexOf(',') + 1)), type: 'image/x-icon' },
};

function bytes(base64: string): ArrayBuffer {
  const b = Buffer.from(base64, 'base64');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** A short content hash in the asset URLs, so browsers may cache them for good and still see a new version. */
const VERSION = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
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
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS)) return;
      const file = FILES[url.pathname.slice(GRAPHIQL_ASSETS.length)];
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
