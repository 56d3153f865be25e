import { createServer, type Server } from 'node:http';
import type { App } from '../../src/server/yoga.js';

/** Serves an app on a free loopback port, as `npm start` does; returns its base URL and a closer. */
export async function serve(app: App): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface Outcome {
  ok: boolean;
  code?: string;
  ms: number;
  status: number;
}

/** One GraphQL POST over real HTTP; classifies the answer by its first error code. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  const outcome: Outcome = {
    ok: res.status === 200 && !body.errors,
    code: body.errors?.[0]?.extensions?.code,
    ms: performance.now() - t0,
    status: res.status,
  };
  return { outcome, body };
}

/** Runs `workers` loops of `task` until `ms` have passed (bounded in time and loopback only). */
export async function drive<T>(
  workers: number,
  ms: number,
  task: (worker: number, i: number) => Promise<T>,
): Promise<T[]> {
  const end = Date.now() + ms;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; Date.now() < end; i++) {
        const r = await task(w, i);
        if (r === null) return;
        results.push(r);
      }
    }),
  );
  return results;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Pings /health every 20 ms while a hostile request runs and keeps the slowest answer: the server
 * answers from the same event loop the request would block.
 */
export function healthPinger(url: string) {
  let slowest = 0;
  let pings = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - t0);
      pings++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop(): Promise<{ slowest: number; pings: number }> {
      stopped = true;
      await loop;
      return { slowest, pings };
    },
  };
}
