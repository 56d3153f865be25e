import { ImportError, importList, MAX_LIST_BYTES } from '../../ingest/import-list.js';
import type { ImportSummary } from '../../ingest/load.js';
import { loadTaxonomy } from '../../ingest/taxonomy.js';
import { builder } from '../builder.js';
import { ValidationError } from '../error-types.js';

const ImportWarningRef = builder.objectRef<{ line: number; message: string }>('ImportWarning').implement({
  fields: (t) => ({ line: t.exposeInt('line'), message: t.exposeString('message') }),
});

const ImportSummaryRef = builder.objectRef<ImportSummary>('ImportSummary').implement({
  fields: (t) => ({
    list: t.exposeString('list'),
    dryRun: t.exposeBoolean('dryRun'),
    sections: t.exposeInt('sections'),
    papersCreated: t.int({ resolve: (s) => s.papers.created }),
    papersUpdated: t.int({ resolve: (s) => s.papers.updated }),
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

builder.mutationFields((t) => ({
  importPaperList: t.field({
    authScopes: { writer: true },
    type: ImportSummaryRef,
    description:
      'Runs the same importer as `npm run import` on markdown text (at most 5 MB), in one transaction.',
    errors: { types: [ValidationError] },
    args: {
      markdown: t.arg.string({ required: true }),
      source: t.arg.string({ required: true, description: 'The list the sections belong to.' }),
      dryRun: t.arg.boolean({ defaultValue: false }),
      strict: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_r, args, ctx) => {
      if (Buffer.byteLength(args.markdown) > MAX_LIST_BYTES) {
        throw new ValidationError(`markdown is larger than ${MAX_LIST_BYTES} bytes (5 MB).`, 'markdown');
      }
      if (!args.source.trim() || args.source.length > 200) {
        throw new ValidationError('source must be 1 to 200 characters.', 'source');
      }
      try {
        const summary = await importList(ctx.db, args.markdown, loadTaxonomy(), {
          source: args.source,
          dryRun: args.dryRun ?? false,
          strict: args.strict ?? false,
        });
        if (!summary.dryRun) {
          ctx.pubsub.publish('graphChanged', {
            kind: 'LIST_IMPORTED',
            ids: [],
            at: new Date().toISOString(),
          });
        }
        return summary;
      } catch (err) {
        if (err instanceof ImportError) throw new ValidationError(err.message, 'markdown');
        throw err;
      }
    },
  }),
}));
