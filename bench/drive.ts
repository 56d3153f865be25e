import autocannon from 'autocannon';
import type { Picks, Question } from './questions.js';
import type { RunningSystem, SystemId } from './systems.js';

/** The HTTP request that asks a question of one system: a GraphQL POST, or the floor's POST /Qn. */
export function requestFor(
  system: SystemId,
  q: Question,
  picks: Picks,
  i: number,
): { path: string; body: string } {
  if (system === 'cypher') return { path: `/${q.id}`, body: JSON.stringify(q.cypher.params(picks, i)) };
  const ask = system === 'api' ? q.ours : q.neo4jGraphql;
  return { path: '/graphql', body: JSON.stringify({ query: ask.query, variables: ask.variables(picks, i) }) };
}

/** Asks once and checks the answer: HTTP 200, no errors, some data. Returns the parsed body. */
export async function askOnce(sys: RunningSystem, q: Question, picks: Picks, i = 0): Promise<unknown> {
  const { path, body } = requestFor(sys.id, q, picks, i);
  const res = await fetch(sys.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (res.status !== 200 || json.errors?.length || json.data == null)
    throw new Error(`${sys.id} ${q.id} answered ${res.status}: ${text.slice(0, 600)}`);
  return json.data;
}

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

/** Drives one question at a fixed concurrency for a fixed time, rotating through the picked entities. */
export async function drive(
  sys: RunningSystem,
  q: Question,
  picks: Picks,
  opts: { connections: number; seconds: number },
): Promise<LoadResult> {
  const bodies = Array.from({ length: 16 }, (_, i) => requestFor(sys.id, q, picks, i));
  let n = 0;
  const r = await autocannon({
    url: sys.url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const b = bodies[n++ % bodies.length] as { path: string; body: string };
          return { ...req, path: b.path, body: b.body };
        },
      },
    ],
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.total / opts.seconds,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}
