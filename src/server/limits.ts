import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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

/** graphql-armor's validation rules (depth, aliases, directives, tokens) with our numbers; they reject a document before it executes. */
export function armorPlugins(production: boolean): Plugin[] {
  const plugins: Plugin[] = [
    maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true, ...reject('QUERY_TOO_DEEP') }) as Plugin,
    maxAliasesPlugin({ n: LIMITS.aliases, ...reject('TOO_MANY_ALIASES') }) as Plugin,
    maxDirectivesPlugin({ n: LIMITS.directives, ...reject('TOO_MANY_DIRECTIVES') }) as Plugin,
    maxTokensPlugin({ n: LIMITS.tokens, ...reject('TOO_MANY_TOKENS') }) as Plugin,
  ];
  // Suggestions ("Did you mean …?") help in development and map the schema for an attacker.
  if (production) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}

/** Refuses request bodies over the limit before they are read, with 413 and a GraphQL-shaped error. */
export function bodyLimitPlugin(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Request body of ${length} bytes is over the limit of ${maxBytes} bytes.`,
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            }),
            { status: 413, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
    },
  };
}
