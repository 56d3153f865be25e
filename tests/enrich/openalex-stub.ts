import { createServer, type IncomingMessage, type Server } from 'node:http';

/** What the stub answers: OpenAlex-shaped works by DOI, by id, and title searches. */
export interface StubData {
  byDoi: Record<string, object>;
  byId: Record<string, object>;
  /** Title search results by the lower-cased search words. */
  searches: Record<string, object[]>;
  /** Paths that answer 429 (Retry-After: 0) the first time they are asked. */
  throttleOnce?: string[];
}

/** A local HTTP server on 127.0.0.1 that answers like the OpenAlex API, and records every request. */
export async function openAlexStub(data: StubData): Promise<{
  url: string;
  requests: Array<{ path: string; userAgent: string; mailto: string | null }>;
  close(): Promise<void>;
}> {
  const requests: Array<{ path: string; userAgent: string; mailto: string | null }> = [];
  const throttled = new Set<string>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname);
    requests.push({
      path: `${path}${url.search}`,
      userAgent: String(req.headers['user-agent']),
      mailto: url.searchParams.get('mailto'),
    });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (data.throttleOnce?.includes(path) && !throttled.has(path)) {
      throttled.add(path);
      return json(429, { error: 'Too many requests' }, { 'retry-after': '0' });
    }
    const doi = /^\/works\/doi:(.+)$/.exec(path)?.[1];
    if (doi)
      return data.byDoi[doi.toLowerCase()]
        ? json(200, data.byDoi[doi.toLowerCase()])
        : json(404, { error: 'not found' });
    const id = /^\/works\/(W\d+)$/.exec(path)?.[1];
    if (id) return data.byId[id] ? json(200, data.byId[id]) : json(404, { error: 'not found' });
    if (path === '/works') {
      const filter = url.searchParams.get('filter') ?? '';
      const words = filter.replace(/^title\.search:/, '').toLowerCase();
      const results = data.searches[words] ?? [];
      return json(200, { meta: { count: results.length, page: 1, per_page: 5 }, results });
    }
    json(404, { error: 'unknown path' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
