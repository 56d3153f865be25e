import { GraphQLError } from 'graphql';
import { papersOfSource } from '../../db/read/list-papers.js';
import type { Format } from '../../ingest/formats.js';
import { ImportError, MAX_LIST_BYTES } from '../../ingest/import-list.js';
import { type ImportSummary, loadList } from '../../ingest/load.js';
import { ImportBudgetError } from '../../ingest/parse-pool.js';
import type { SourceChange } from '../../ingest/source-diff.js';
import { loadTaxonomy } from '../../ingest/taxonomy.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ValidationError } from '../error-types.js';

const ImportWarningRef = builder.objectRef<{ line: number; message: string }>('ImportWarning').implement({
  fields: (t) => ({ line: t.exposeInt('line'), message: t.exposeString('message') }),
});

const SourceChangeKindEnum = builder.enumType('SourceChangeKind', {
  values: {
    ADDED: { value: 'added', description: 'The source states the paper now and did not before.' },
    MOVED: { value: 'moved', description: 'The paper sits in other sections of the source than before.' },
    REMOVED: { value: 'removed', description: 'The source no longer states the paper.' },
  } as const,
});

type Change = SourceChange & { kind: 'added' | 'moved' | 'removed' };
const SourceChangeRef = builder.objectRef<Change>('SourceChange').implement({
  description: 'One paper whose place in the imported source changed.',
  fields: (t) => ({
    kind: t.field({ type: SourceChangeKindEnum, resolve: (c) => c.kind }),
    paperId: t.exposeID('id'),
    title: t.exposeString('title'),
    from: t.exposeStringList('from', { description: 'Titles of the sections it was in.' }),
    to: t.exposeStringList('to', { description: 'Titles of the sections it is in now.' }),
    leftGraph: t.boolean({
      description: 'A removed paper that no other source stated, so it was deleted.',
      resolve: (c) => c.deleted ?? false,
    }),
  }),
});

const ImportSummaryRef = builder.objectRef<ImportSummary>('ImportSummary').implement({
  fields: (t) => ({
    list: t.exposeString('list', { description: 'The list or file name the papers were recorded under.' }),
    dryRun: t.exposeBoolean('dryRun'),
    sections: t.exposeInt('sections'),
    papersCreated: t.int({ resolve: (s) => s.papers.created }),
    papersUpdated: t.int({ resolve: (s) => s.papers.updated }),
    papersMoved: t.int({ resolve: (s) => s.papers.moved }),
    papersRemoved: t.int({
      description: 'Papers the source stated before and the file no longer does (0 with keep).',
      resolve: (s) => s.papers.removed,
    }),
    papersDeleted: t.int({
      description: 'Removed papers no other source stated and nobody edited by hand: they left the graph.',
      resolve: (s) => s.papers.deleted,
    }),
    changes: t.field({
      type: [SourceChangeRef],
      description: 'Entry by entry: papers added to, moved within and removed from the source.',
      resolve: (s) => [
        ...s.changes.added.map((c) => ({ ...c, kind: 'added' as const })),
        ...s.changes.moved.map((c) => ({ ...c, kind: 'moved' as const })),
        ...s.changes.removed.map((c) => ({ ...c, kind: 'removed' as const })),
      ],
    }),
    authorsCreated: t.int({ resolve: (s) => s.created.Author ?? 0 }),
    venuesCreated: t.int({ resolve: (s) => s.created.Venue ?? 0 }),
    optimizersCreated: t.int({ resolve: (s) => s.created.Optimizer ?? 0 }),
    entriesRead: t.int({
      description: 'Paper entries read (a paper on two table rows counts twice).',
      resolve: (s) => s.entries,
    }),
    skipped: t.int({
      description:
        'Items rightly not taken as papers: navigation, badges, code blocks, tables about other things.',
      resolve: (s) => Object.values(s.skipped).reduce((a, b) => a + b, 0),
    }),
    warnings: t.field({ type: [ImportWarningRef], resolve: (s) => s.warnings }),
    notices: t.field({
      type: [ImportWarningRef],
      description: 'Things worth knowing that lost nothing (two titles sharing one arXiv id).',
      resolve: (s) => s.notices,
    }),
  }),
});

const ImportFormatEnum = builder.enumType('ImportFormat', {
  values: {
    MD: { value: 'md', description: 'A markdown paper list.' },
    BIB: {
      value: 'bib',
      description: 'BibTeX or BibLaTeX (.bib), as Zotero, JabRef, Overleaf or DBLP export it.',
    },
    CSL: { value: 'csl', description: 'CSL-JSON, as Zotero, Mendeley and citation.js export it.' },
    OPENALEX: {
      value: 'openalex',
      description: 'OpenAlex works: one work, an API page ({meta, results}), an array, or JSON Lines.',
    },
  } as const,
});

/** Paper ids a LIST_IMPORTED event carries at most: as many as the explorer's graph query takes as focus. */
const IMPORT_EVENT_IDS = 100;

/** The shared resolver of importPapers and its older name: one importer, one transaction. */
async function runImport(
  ctx: Context,
  field: string,
  args: {
    content: string;
    source: string;
    format?: Format | null;
    dryRun?: boolean | null;
    strict?: boolean | null;
    keep?: boolean | null;
  },
): Promise<ImportSummary> {
  // One limit whatever the format says or leaves out: the body limit is only the envelope.
  const bytes = Buffer.byteLength(args.content);
  if (bytes > MAX_LIST_BYTES) {
    throw new ValidationError(
      `${field} is ${bytes} bytes; an import takes at most ${MAX_LIST_BYTES} bytes (${MAX_LIST_BYTES / 1024 / 1024} MB).`,
      field,
    );
  }
  if (!args.source.trim() || args.source.length > 200) {
    throw new ValidationError('source must be 1 to 200 characters.', 'source');
  }
  try {
    // Read and planned on the import worker, within its time budget; written here.
    const { doc, rows } = await ctx.parsePool.parse({
      text: args.content,
      source: args.source,
      ...(args.format ? { format: args.format } : {}),
      strict: args.strict ?? false,
    });
    const summary = await loadList(ctx.db, doc.parsed, doc.listName, loadTaxonomy(), {
      dryRun: args.dryRun ?? false,
      keep: (args.keep ?? false) || doc.part,
      format: doc.format,
      rows,
    });
    if (!summary.dryRun) {
      // The event names the source's papers (a bounded few), so an open explorer can draw them.
      const ids = await papersOfSource(ctx.db, summary.list, IMPORT_EVENT_IDS);
      ctx.pubsub.publish('graphChanged', { kind: 'LIST_IMPORTED', ids, at: new Date().toISOString() });
    }
    return summary;
  } catch (err) {
    if (err instanceof ImportBudgetError) {
      throw new GraphQLError(err.message, { extensions: { code: err.code, limit: 'importParseMs' } });
    }
    if (err instanceof ImportError) throw new ValidationError(err.message, field);
    throw err;
  }
}

builder.mutationFields((t) => ({
  importPapers: t.field({
    authScopes: { writer: true },
    type: ImportSummaryRef,
    description:
      'Runs the same importer as `npm run import` on a markdown list, BibTeX, CSL-JSON or OpenAlex works (the format is detected when omitted), in one transaction.',
    errors: { types: [ValidationError] },
    args: {
      content: t.arg.string({ required: true }),
      format: t.arg({ type: ImportFormatEnum, required: false }),
      source: t.arg.string({
        required: true,
        description: "The list or file the papers come from (Paper.sources; a list's sections belong to it).",
      }),
      dryRun: t.arg.boolean({ defaultValue: false }),
      strict: t.arg.boolean({ defaultValue: false }),
      keep: t.arg.boolean({
        defaultValue: false,
        description:
          'Only add: what the source stated before and this content no longer says stays. By default the source then states exactly this content.',
      }),
    },
    resolve: (_r, args, ctx) => runImport(ctx, 'content', args),
  }),
  importPaperList: t.field({
    authScopes: { writer: true },
    type: ImportSummaryRef,
    deprecationReason: 'Use importPapers, which also reads BibTeX, CSL-JSON and OpenAlex.',
    description: 'Imports markdown text (at most 5 MB) in one transaction: importPapers with format MD.',
    errors: { types: [ValidationError] },
    args: {
      markdown: t.arg.string({ required: true }),
      source: t.arg.string({ required: true, description: 'The list the sections belong to.' }),
      dryRun: t.arg.boolean({ defaultValue: false }),
      strict: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_r, args, ctx) => runImport(ctx, 'markdown', { ...args, content: args.markdown, format: 'md' }),
  }),
}));
