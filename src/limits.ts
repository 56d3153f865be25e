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
  /** Aliased fields of any name (`__typename` too), counted after fragments are expanded. */
  aliases: 15,
  /** Field selections after fragments are expanded, measured without expanding them. */
  expandedFields: 1000,
  /** Fragment spreads after expansion. */
  fragmentSpreads: 100,
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
  /** Entries one imported file may hold (list items, table rows, BibTeX entries, works). */
  entriesPerFile: 100_000,
  /** List and quote nesting the markdown reader follows; deeper lines are read as text of the item above. */
  listDepth: 16,
  /** Emphasis, code and bracket marks one markdown paragraph may hold; the parser is quadratic in them. */
  inlineMarks: 1000,
  /** Longest BibTeX value after @string macros are expanded; a longer one is read as empty. */
  bibtexValueChars: 20_000,
  /**
   * Longest word kept whole in an abstract or a keyword, and longest identifier (DOI, reference):
   * a Neo4j index takes ~8 KB a value (a Term is one word), and no real word is near 200 characters.
   */
  wordChars: 200,
  /** Longest abstract kept: four times a long one; some sources put a paper's full text there. */
  abstractChars: 20_000,
  /** Longest author name kept (Author.name is indexed); longer is not a name. */
  nameChars: 300,
  /** Default of QUERY_TIMEOUT_MS: every transaction. */
  queryTimeoutMs: 15_000,
  /** Longest a read waits for the transaction a bookmark names (Neo4j's bookmark_ready_timeout). */
  bookmarkWaitMs: 2_000,
  /** Requests that may wait on a bookmark at once; more get BOOKMARK_BUSY rather than take the pool. */
  bookmarkWaiters: 8,
  /** Parsing and planning one imported document, in the import worker. */
  importParseMs: 4_000,
  /**
   * An import worker idle this long ends: it holds ~60 MB of the API's RSS (measured). The next
   * import starts another (~0.3 s, the first in a process ~0.5 s with its bundling, inside that
   * import's importParseMs budget).
   */
  importWorkerIdleMs: 60_000,
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
    'fragment spreads / fields / aliases (`__typename` too) once fragments are expanded, measured without expanding them before any other rule runs (`src/server/limits.ts`)',
    `${LIMITS.fragmentSpreads} / ${n(LIMITS.expandedFields)} / ${LIMITS.aliases}`,
    '`TOO_MANY_FRAGMENT_SPREADS`, `TOO_MANY_FIELDS`, `TOO_MANY_ALIASES`',
  ],
  [
    'directives / tokens (graphql-armor); validation errors listed',
    `${LIMITS.directives} / ${n(LIMITS.tokens)}; 100`,
    '`TOO_MANY_DIRECTIVES`, `TOO_MANY_TOKENS`; `TOO_MANY_ERRORS`',
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
    'imported list (`npm run import`), and any `importPapers` content whatever its `format`',
    `${LIMITS.listBytes / 1024 / 1024} MB, titles of ${LIMITS.titleChars} characters, ${n(LIMITS.entriesPerFile)} entries a file`,
    'an import error naming the file or line',
  ],
  [
    'read with a warning (refused under `strict`): authors a paper / author name / word in an abstract / abstract / BibTeX value after `@string` macros / list and quote nesting / inline marks a paragraph (`src/ingest/`)',
    `${LIMITS.authorsPerPaper} (the warning says how many were dropped) / ${LIMITS.nameChars} / ${LIMITS.wordChars} / ${n(LIMITS.abstractChars)} / ${n(LIMITS.bibtexValueChars)} characters / ${LIMITS.listDepth} levels / ${n(LIMITS.inlineMarks)}`,
    'a warning naming the line or record and field',
  ],
  [
    '`importPapers` reading and planning, on a worker thread (the event loop stays free)',
    `${LIMITS.importParseMs / 1000} s`,
    '`IMPORT_TOO_SLOW` (or `IMPORT_TOO_LARGE` past the worker heap); nothing written',
  ],
  [
    'bibliographic file read whole by `npm run import` (BibTeX, CSL-JSON, OpenAlex JSON)',
    `${LIMITS.documentBytes / 1024 / 1024} MB; JSON Lines files are streamed, with no size limit and ${LIMITS.recordBytes / 1024 / 1024} MB a line`,
    'an import error naming the file, the limit or the line',
  ],
  [
    '`x-neo4j-bookmark`: only tokens this deployment signed (HMAC, `BOOKMARK_SECRET`); wait / requests waiting at once',
    `${LIMITS.bookmarkWaitMs / 1000} s / ${LIMITS.bookmarkWaiters}`,
    'HTTP 400 `BAD_BOOKMARK`; `BOOKMARK_TIMEOUT` / `BOOKMARK_BUSY`',
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
