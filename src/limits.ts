/**
 * Every limit the API and the importer enforce, in one place: the code reads these numbers, and
 * the README's limits table is rendered from LIMIT_TABLE (a test compares them). Chosen from what
 * the explorer and the README's queries need: the deepest of those (paper → authors → coAuthors →
 * papers → authors) is depth 6 with a selection set below it; the GraphiQL example document is
 * ~150 tokens; the explorer aliases at most 6 fields.
 */
export const LIMITS = {
  /** GraphQL nesting (graphql-armor max-depth, and Pothos complexity's depth). */
  depth: 8,
  /** Pothos complexity: 1 a field, times first/limit, or 10 for other lists. */
  complexity: 20_000,
  breadth: 200,
  aliases: 15,
  directives: 20,
  tokens: 2000,
  /** first/last of every connection. */
  pageSize: 100,
  defaultPageSize: 20,
  graphNodes: 2000,
  graphDepth: 3,
  pathLength: 6,
  relatedWork: 50,
  coAuthors: 100,
  coCited: 50,
  search: 100,
  topicOverlap: 100,
  /** 5 MB of markdown for importPapers / importPaperList plus JSON escaping. */
  bodyBytes: 6 * 1024 * 1024,
  /** Largest list the importer takes; a bigger file is almost certainly not a paper list. */
  listBytes: 5 * 1024 * 1024,
  /** Largest BibTeX, CSL-JSON or OpenAlex JSON file read whole (JSON Lines files are streamed). */
  documentBytes: 50 * 1024 * 1024,
  /** Largest line of a streamed JSON Lines file: one work. */
  recordBytes: 1024 * 1024,
  titleChars: 500,
  authorsPerPaper: 100,
  /** Default of QUERY_TIMEOUT_MS: every transaction. */
  queryTimeoutMs: 15_000,
} as const;

const n = (x: number) => x.toLocaleString('en-US');

/** The README's limits table: limit, value, what a client gets when it is passed. */
export const LIMIT_TABLE: ReadonlyArray<readonly [string, string, string]> = [
  [
    'depth (graphql-armor max-depth 2.4.2, with the `__schema` bypass fixes; fragments flattened)',
    String(LIMITS.depth),
    '`QUERY_TOO_DEEP`',
  ],
  [
    'complexity (`@pothos/plugin-complexity`: 1 a field, times `first`/`limit`, or 10 for other lists; `graph` costs limit/10)',
    n(LIMITS.complexity),
    '`QUERY_TOO_COMPLEX`',
  ],
  [
    'aliases / directives / tokens (graphql-armor)',
    `${LIMITS.aliases} / ${LIMITS.directives} / ${n(LIMITS.tokens)}`,
    '`TOO_MANY_ALIASES` …',
  ],
  ['page size (`first`, `last`)', String(LIMITS.pageSize), '`BAD_USER_INPUT`'],
  [
    '`graph(limit)` / `graph(depth)`',
    `${n(LIMITS.graphNodes)} nodes / ${LIMITS.graphDepth}`,
    '`BAD_USER_INPUT`',
  ],
  ['`collaborationPath(maxLength)`', String(LIMITS.pathLength), '`BAD_USER_INPUT`'],
  [
    '`relatedWork(first)` / `coAuthors(first)` / `coCited(first)` / `search(first)` / `topicOverlap(first)`',
    `${LIMITS.relatedWork} / ${LIMITS.coAuthors} / ${LIMITS.coCited} / ${LIMITS.search} / ${LIMITS.topicOverlap}`,
    '`BAD_USER_INPUT`',
  ],
  [
    'request body',
    `${LIMITS.bodyBytes / 1024 / 1024} MB (${LIMITS.listBytes / 1024 / 1024} MB list + JSON)`,
    'HTTP 413 `PAYLOAD_TOO_LARGE`; a POST without Content-Length gets 411',
  ],
  [
    'imported list (`npm run import`, `importPapers`)',
    `${LIMITS.listBytes / 1024 / 1024} MB, titles of ${LIMITS.titleChars} characters, ${LIMITS.authorsPerPaper} authors a paper`,
    'an import error naming the file or line',
  ],
  [
    'bibliographic file read whole by `npm run import` (BibTeX, CSL-JSON, OpenAlex JSON)',
    `${LIMITS.documentBytes / 1024 / 1024} MB; JSON Lines files are streamed, with no size limit and ${LIMITS.recordBytes / 1024 / 1024} MB a line`,
    'an import error naming the file, the limit or the line',
  ],
  [
    'transaction timeout, every query',
    `${LIMITS.queryTimeoutMs / 1000} s (\`QUERY_TIMEOUT_MS\`)`,
    '`QUERY_TIMEOUT`',
  ],
];

/** LIMIT_TABLE as the markdown rows the README shows (indented as in its list). */
export function limitTableMarkdown(indent = '  '): string {
  return [
    '| limit | value | error code |',
    '| --- | --- | --- |',
    ...LIMIT_TABLE.map(([what, value, code]) => `| ${what} | ${value} | ${code} |`),
  ]
    .map((row) => `${indent}${row}`)
    .join('\n');
}
