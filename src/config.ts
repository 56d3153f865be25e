import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LIMITS } from './limits.js';

/** A setting that cannot work; main and the CLI print its message as one paragraph and exit non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const neo4jUri = z
  .string()
  .regex(
    /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+/,
    'must be a neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc:// URI such as bolt://127.0.0.1:7687',
  );

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const schema = z
  .object({
    NEO4J_URI: neo4jUri.optional(),
    NEO4J_USER: z.string().min(1, 'must not be empty').default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'is not a valid database name')
      .default('neo4j'),
    PORT: port(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    NEO4J_DATA_DIR: z.string().min(1).optional(),
    NEO4J_CACHE_DIR: z.string().min(1).optional(),
    NEO4J_BOLT_PORT: port(0).optional(),
    NODE_ENV: z.string().default('development'),
    API_KEYS: z.string().optional(),
    QUERY_TIMEOUT_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int()
      .min(100, 'must be at least 100')
      .max(600_000, 'must be at most 600000')
      .default(LIMITS.queryTimeoutMs),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379')
      .optional(),
    OPENALEX_URL: z
      .url({ error: 'must be an http(s) URL such as https://api.openalex.org' })
      .default('https://api.openalex.org'),
    OPENALEX_MAILTO: z.email({ error: 'must be an e-mail address' }).optional(),
    CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(\*|https?:\/\/[^\s/?#]+)$/,
              'must be comma-separated origins such as https://explorer.example.org (scheme and host, no path), or *',
            ),
        ),
      )
      .optional(),
    BOOKMARK_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters (for example "openssl rand -hex 32"); replicas share it')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && env.NEO4J_PASSWORD === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'is required when NEO4J_URI is set',
      });
    }
  });

export interface Config {
  /** An external server; when absent the project starts its own managed Neo4j. */
  readonly neo4j:
    | { readonly kind: 'external'; uri: string; user: string; password: string; database: string }
    | { readonly kind: 'managed'; dataDir: string; cacheDir: string; boltPort?: number; database: string };
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  /** Keys that may write; empty means writes are off. */
  readonly apiKeys: readonly string[];
  readonly queryTimeoutMs: number;
  readonly logLevel: string;
  /** Redis for graphChanged events across API replicas; null: in-process events. */
  readonly redisUrl: string | null;
  /** Where `npm run enrich` asks OpenAlex (tests point it at a local server), and who asks. */
  readonly openAlex: { readonly url: string; readonly mailto: string | null; readonly cacheDir: string };
  /** Origins a browser may call the API from; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Signs bookmarks; replicas behind one balancer share it. Null: a random one per process. */
  readonly bookmarkSecret: string | null;
}

/** Shortest key accepted: anything shorter is guessable. */
export const MIN_KEY_LENGTH = 16;

/** API_KEYS is a comma-separated list, or the path of a file with one key per line (# comments allowed). */
export function parseApiKeys(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  const fromFile = existsSync(value.trim()) && statSync(value.trim()).isFile();
  const raw = fromFile
    ? readFileSync(value.trim(), 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('#'))
    : value.split(',');
  const keys = raw.map((k) => k.trim()).filter(Boolean);
  const short = keys.filter((k) => k.length < MIN_KEY_LENGTH).length;
  if (short) {
    throw new ConfigError(
      `Invalid environment: API_KEYS has ${short} key(s) shorter than ${MIN_KEY_LENGTH} characters; use long random keys (for example "openssl rand -hex 24").`,
    );
  }
  return keys;
}

/** The user's cache folder for downloaded Neo4j jars (XDG_CACHE_HOME or ~/.cache). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'paper-graph');
}

/** Reads and validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}.`);
  }
  const e = parsed.data;
  const neo4j: Config['neo4j'] = e.NEO4J_URI
    ? {
        kind: 'external',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD ?? '',
        database: e.NEO4J_DATABASE,
      }
    : {
        kind: 'managed',
        dataDir: resolve(e.NEO4J_DATA_DIR ?? '.data/neo4j'),
        cacheDir: resolve(e.NEO4J_CACHE_DIR ?? defaultCacheDir(env)),
        ...(e.NEO4J_BOLT_PORT ? { boltPort: e.NEO4J_BOLT_PORT } : {}),
        database: e.NEO4J_DATABASE,
      };
  return Object.freeze({
    neo4j,
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    apiKeys: Object.freeze(parseApiKeys(e.API_KEYS)),
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL ?? null,
    corsOrigins: Object.freeze(e.CORS_ORIGINS ?? []),
    bookmarkSecret: e.BOOKMARK_SECRET ?? null,
    openAlex: Object.freeze({
      url: e.OPENALEX_URL.replace(/\/+$/, ''),
      mailto: e.OPENALEX_MAILTO ?? null,
      cacheDir: join(resolve(e.NEO4J_CACHE_DIR ?? defaultCacheDir(env)), 'openalex'),
    }),
  });
}
