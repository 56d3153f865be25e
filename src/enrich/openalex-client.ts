import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pRetry, { AbortError } from 'p-retry';
import pThrottle from 'p-throttle';
import type { OpenAlexWork } from '../ingest/works/openalex.js';

export interface OpenAlexClientOptions {
  /** https://api.openalex.org, or a local server in tests. */
  baseUrl: string;
  /** Sent in the User-Agent and as `mailto`, which puts requests in OpenAlex's polite pool. */
  mailto: string | null;
  /** Answers are kept here, so a second run asks nothing again. */
  cacheDir: string;
  /** Requests a second at most (OpenAlex asks for no more than 10). */
  perSecond?: number;
  retries?: number;
}

/** A failed lookup that retrying will not fix (4xx other than 404 and 429). */
export class OpenAlexError extends Error {
  override name = 'OpenAlexError';
}

/**
 * A polite OpenAlex client: at most 10 requests a second (p-throttle), retries with backoff on
 * 429, 5xx and network errors (p-retry, honouring Retry-After), and a disk cache of every answer,
 * 404s included. `requests` counts what went over the network; cached answers do not count.
 */
export class OpenAlexClient {
  requests = 0;
  cacheHits = 0;
  private readonly fetchThrottled: (url: string) => Promise<Response>;

  constructor(private readonly opts: OpenAlexClientOptions) {
    const throttle = pThrottle({ limit: opts.perSecond ?? 10, interval: 1000, strict: true });
    this.fetchThrottled = throttle((url: string) => {
      this.requests++;
      return fetch(url, {
        headers: {
          'user-agent': `paper-graph (enrichment; ${opts.mailto ? `mailto:${opts.mailto}` : 'no mailto given'})`,
          accept: 'application/json',
        },
        signal: AbortSignal.timeout(30_000),
      });
    });
  }

  /** One work by DOI, or null when OpenAlex has none. */
  workByDoi(doi: string): Promise<OpenAlexWork | null> {
    return this.get(`/works/doi:${encodeURIComponent(doi)}`) as Promise<OpenAlexWork | null>;
  }

  /** Works whose title matches the words of `title`, best first. */
  async searchTitle(title: string, perPage = 5): Promise<OpenAlexWork[]> {
    // Commas and colons have a meaning in OpenAlex filters: the search is by words.
    const words = title
      .replace(/[,:|!?()"]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const page = (await this.get(
      `/works?filter=${encodeURIComponent(`title.search:${words}`)}&per-page=${perPage}`,
    )) as { results?: OpenAlexWork[] } | null;
    return page?.results ?? [];
  }

  private url(path: string): string {
    const sep = path.includes('?') ? '&' : '?';
    return `${this.opts.baseUrl}${path}${this.opts.mailto ? `${sep}mailto=${encodeURIComponent(this.opts.mailto)}` : ''}`;
  }

  private async get(path: string): Promise<unknown> {
    // The cache key leaves out mailto: the answer does not depend on who asks.
    const file = join(this.opts.cacheDir, `${createHash('sha256').update(path).digest('hex')}.json`);
    const cached = await readFile(file, 'utf8').catch(() => null);
    if (cached !== null) {
      this.cacheHits++;
      return (JSON.parse(cached) as { body: unknown }).body;
    }
    const url = this.url(path);
    const body = await pRetry(
      async () => {
        const res = await this.fetchThrottled(url);
        if (res.status === 404) return null;
        if (res.status === 429 || res.status >= 500) {
          const wait = Number(res.headers.get('retry-after'));
          if (Number.isFinite(wait) && wait > 0)
            await new Promise((r) => setTimeout(r, Math.min(wait, 60) * 1000));
          throw new Error(`OpenAlex answered ${res.status} for ${path}`);
        }
        if (!res.ok) throw new AbortError(new OpenAlexError(`OpenAlex answered ${res.status} for ${path}`));
        return (await res.json()) as unknown;
      },
      { retries: this.opts.retries ?? 5, minTimeout: 250, maxTimeout: 8_000, factor: 2 },
    );
    await mkdir(this.opts.cacheDir, { recursive: true });
    // Written whole then renamed: an interrupted run never leaves half an answer in the cache.
    await writeFile(`${file}.tmp`, JSON.stringify({ path, body }));
    await rename(`${file}.tmp`, file);
    return body;
  }
}
