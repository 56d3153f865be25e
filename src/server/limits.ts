import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { measureDocument } from '../graphql/document-size.js';
import { decodeList } from '../ingest/import-list.js';
import { LIMITS } from '../limits.js';

/** Reports an armor rejection as a GraphQL error with a code clients can switch on. */
const reject = (code: string) => ({
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, err: GraphQLError) =>
      ctx?.reportError(
        new GraphQLError(err.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
      ),
  ],
});

/** graphql-armor's validation rules (depth, directives, tokens) with our numbers; they reject a document before it executes. */
export function armorPlugins(production: boolean): Plugin[] {
  const plugins: Plugin[] = [
    documentSizePlugin(),
    maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true, ...reject('QUERY_TOO_DEEP') }) as Plugin,
    maxDirectivesPlugin({ n: LIMITS.directives, ...reject('TOO_MANY_DIRECTIVES') }) as Plugin,
    maxTokensPlugin({ n: LIMITS.tokens, ...reject('TOO_MANY_TOKENS') }) as Plugin,
  ];
  // Suggestions ("Did you mean …?") help in development and map the schema for an attacker.
  if (production) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}

const n = (x: number) => (Number.isFinite(x) && x < 1e15 ? x.toLocaleString('en-US') : 'more than 10^15');

/** The size limits in the order they are checked: what a document asks for after expansion. */
const SIZE_LIMITS = [
  {
    key: 'spreads',
    limit: LIMITS.fragmentSpreads,
    code: 'TOO_MANY_FRAGMENT_SPREADS',
    what: 'fragment spreads',
  },
  { key: 'fields', limit: LIMITS.expandedFields, code: 'TOO_MANY_FIELDS', what: 'fields' },
  { key: 'aliases', limit: LIMITS.aliases, code: 'TOO_MANY_ALIASES', what: 'aliases' },
] as const;

/**
 * Rejects a document whose expansion is too big before any other rule reads it: graphql's own
 * rules, armor's depth and Pothos's complexity all walk fragments expanded, so a 1 KB document of
 * doubling fragments would hold the event loop for minutes. measureDocument never expands.
 */
function documentSizePlugin(): Plugin {
  return {
    onValidate({ params, setResult }) {
      const size = measureDocument(params.documentAST);
      const over = SIZE_LIMITS.filter((l) => size[l.key] > l.limit);
      if (!over.length) return namedAbort;
      setResult(
        over.map(
          (l) =>
            new GraphQLError(
              `The query has ${n(size[l.key])} ${l.what} once its fragments are expanded; the limit is ${n(l.limit)}.`,
              { extensions: { code: l.code, limit: l.limit } },
            ),
        ),
      );
    },
  };
}

/** graphql-js stops after this many validation errors (its maxErrors default). */
const MAX_VALIDATION_ERRORS = 100;

/** graphql-js ends a long list of errors with "… Validation aborted."; say which limit that was. */
type AfterValidate = Exclude<ReturnType<NonNullable<Plugin['onValidate']>>, void>;
const namedAbort: AfterValidate = ({ result, setResult }) => {
  if (!result.some((e) => e.message.endsWith('Validation aborted.'))) return;
  setResult(
    result.map((e) =>
      e.message.endsWith('Validation aborted.')
        ? new GraphQLError(
            `The query has more than ${MAX_VALIDATION_ERRORS} validation errors; the first ${MAX_VALIDATION_ERRORS} are listed.`,
            { extensions: { code: 'TOO_MANY_ERRORS', limit: MAX_VALIDATION_ERRORS } },
          )
        : e,
    ),
  );
};

/** A request-level refusal: a GraphQL-shaped body with one coded error, before GraphQL runs. */
function refusal(fetchAPI: { Response: typeof Response }, status: number, code: string, message: string) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The body types yoga reads as JSON (its own POST JSON parser's). */
const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);
const isJsonPost = (request: Request) =>
  request.method === 'POST' &&
  JSON_TYPES.has((request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '');

const badBody = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Refuses request bodies over the limit before they are read (413), and bodies that are not valid
 * UTF-8 (400, with the offset and line the CLI names for a file): decoded leniently, every bad
 * byte would be stored as U+FFFD without a word. A JSON body (every GraphQL POST a client sends)
 * is read, checked and parsed once, here, in place of yoga's own parser; other POST bodies are
 * checked on a copy before yoga reads them.
 */
export function bodyLimitPlugin(maxBytes: number): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          refusal(
            fetchAPI,
            413,
            'PAYLOAD_TOO_LARGE',
            `Request body of ${length} bytes is over the limit of ${maxBytes} bytes.`,
          ),
        );
        return;
      }
      if (request.method !== 'POST' || !length || isJsonPost(request)) return;
      const bytes = new Uint8Array(await request.clone().arrayBuffer());
      try {
        decodeList(bytes, 'The request body', maxBytes);
      } catch (err) {
        endResponse(refusal(fetchAPI, 400, 'BAD_USER_INPUT', (err as Error).message));
      }
    },
    onRequestParse({ request, setRequestParser }) {
      if (!isJsonPost(request)) return;
      setRequestParser(async (req) => {
        let text: string;
        try {
          text = decodeList(new Uint8Array(await req.arrayBuffer()), 'The request body', maxBytes);
        } catch (err) {
          throw badBody((err as Error).message, 'BAD_USER_INPUT');
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw badBody('POST body sent invalid JSON.', 'BAD_REQUEST');
        }
        if (body === null || typeof body !== 'object')
          throw badBody(
            `POST body is expected to be object but received ${body === null ? 'null' : typeof body}`,
            'BAD_REQUEST',
          );
        return body as GraphQLParams | GraphQLParams[];
      });
    },
  };
}
