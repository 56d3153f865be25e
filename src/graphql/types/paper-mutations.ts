import type { z } from 'zod';
import type { Runner } from '../../db/driver.js';
import {
  assertNoPaperConflict,
  ConflictError,
  deletePaper,
  MissingReferenceError,
  movePaper,
  type PaperWrite,
  writePaper,
} from '../../db/write/paper-writes.js';
import { authorId, cleanText, optimizerId, paperId, venueId } from '../../domain/normalize.js';
import { canonicalOptimizer } from '../../ingest/optimizers.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundError, ValidationError } from '../error-types.js';
import { PaperRef, VenueKindEnum } from '../refs.js';
import { paperInputSchema, paperPatchSchema, validate } from '../validation.js';

const RefInput = (name: string, what: string) =>
  builder.inputType(name, {
    description: `A ${what} by id (it must exist), or by name (created when new).`,
    fields: (t) => ({ id: t.id(), name: t.string() }),
  });
const AuthorRefInput = RefInput('AuthorRefInput', 'author');
const OptimizerRefInput = RefInput('OptimizerRefInput', 'named optimizer');
const VenueRefInput = builder.inputType('VenueRefInput', {
  description: 'A venue by id (it must exist), or by name and kind (created when new).',
  fields: (t) => ({ id: t.id(), name: t.string(), kind: t.field({ type: VenueKindEnum }) }),
});
const LinkInput = builder.inputType('LinkInput', {
  fields: (t) => ({ label: t.string({ required: true }), url: t.string({ required: true }) }),
});

const paperFields = (
  t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0],
  titleRequired: boolean,
) => ({
  title: t.string({ required: titleRequired, description: '1 to 500 characters.' }),
  year: t.int({ description: 'Year at the venue, 1900 to next year.' }),
  listedYear: t.int(),
  arxivId: t.string(),
  notes: t.stringList(),
  links: t.field({ type: [LinkInput], description: 'http and https URLs only.' }),
  venue: t.field({ type: VenueRefInput }),
  authors: t.field({ type: [AuthorRefInput], description: 'In author order; at most 100.' }),
  sectionIds: t.idList(),
  topicIds: t.idList(),
  optimizers: t.field({ type: [OptimizerRefInput] }),
});
const PaperInput = builder.inputType('PaperInput', { fields: (t) => paperFields(t, true) });
const PaperPatch = builder.inputType('PaperPatch', {
  description: 'Fields to change; a list given replaces the old one, a field left out stays.',
  fields: (t) => paperFields(t, false),
});

type Checked = z.infer<typeof paperPatchSchema>;

/** Turns validated input into a write: names become ids, created when new. */
function toWrite(input: Checked): PaperWrite {
  const w: PaperWrite = {};
  const has = (k: keyof Checked) => input[k] !== undefined;
  if (input.title) w.title = cleanText(input.title);
  if (has('year')) w.year = input.year ?? null;
  if (has('listedYear')) w.listedYear = input.listedYear ?? null;
  if (has('arxivId')) w.arxivId = input.arxivId?.replace(/v\d+$/, '') ?? null;
  if (input.notes) w.notes = input.notes.map(cleanText);
  if (input.links) w.links = input.links.map((l) => ({ label: cleanText(l.label), url: l.url }));
  if (has('venue')) {
    const v = input.venue;
    w.venue = v
      ? {
          id: v.id ?? venueId(cleanText(v.name ?? '')),
          name: v.id ? null : cleanText(v.name ?? ''),
          kind: v.kind ?? null,
        }
      : null;
  }
  if (input.authors) {
    w.authors = input.authors.map((a) =>
      a.id
        ? { id: a.id, name: null }
        : { id: authorId(cleanText(a.name ?? '')), name: cleanText(a.name ?? '') },
    );
  }
  if (input.sectionIds) w.sectionIds = input.sectionIds;
  if (input.topicIds) w.topicIds = input.topicIds;
  if (input.optimizers) {
    w.optimizers = input.optimizers.map((o) => {
      const name = o.name ? canonicalOptimizer(cleanText(o.name)) : null;
      return o.id ? { id: o.id, name: null } : { id: optimizerId(name ?? ''), name };
    });
  }
  return w;
}

/**
 * Runs a write in one transaction and, only after it committed, announces it on graphChanged.
 * A reference to a missing node becomes a ValidationError naming the input field.
 */
export async function commit<T>(
  ctx: Context,
  kind: string,
  work: (run: Runner) => Promise<T>,
  ids: (r: T) => string[],
) {
  let result: T;
  try {
    result = await ctx.db.writeTransaction(work);
  } catch (err) {
    if (err instanceof MissingReferenceError)
      throw new ValidationError(`input.${err.field}: ${err.message}`, `input.${err.field}`);
    throw err;
  }
  ctx.pubsub.publish('graphChanged', { kind, ids: ids(result), at: new Date().toISOString() });
  return result;
}

const WRITE = { authScopes: { writer: true } } as const;
const ERRORS = { types: [ValidationError, ConflictError, NotFoundError] };

builder.mutationFields((t) => ({
  createPaper: t.field({
    ...WRITE,
    type: PaperRef,
    errors: ERRORS,
    args: { input: t.arg({ type: PaperInput, required: true }) },
    resolve: async (_r, args, ctx) => {
      const input = validate(paperInputSchema, args.input);
      const w = toWrite(input);
      const id = paperId(w.title as string);
      const paper = await commit(
        ctx,
        'PAPER_CREATED',
        async (run) => {
          await assertNoPaperConflict(run, id, w.arxivId);
          return writePaper(run, id, w, true);
        },
        () => [id],
      );
      return paper as NonNullable<typeof paper>;
    },
  }),
  updatePaper: t.field({
    ...WRITE,
    type: PaperRef,
    errors: ERRORS,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PaperPatch, required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = String(args.id);
      const w = toWrite(validate(paperPatchSchema, args.input));
      const paper = await commit(
        ctx,
        'PAPER_UPDATED',
        async (run) => {
          if (w.arxivId) await assertNoPaperConflict(run, '', w.arxivId, id);
          return writePaper(run, id, w, false);
        },
        () => [id],
      );
      if (!paper) throw new NotFoundError(`No paper with id "${id}".`, id);
      return paper;
    },
  }),
  deletePaper: t.field({
    ...WRITE,
    type: 'ID',
    description: 'Deletes a paper (and authors, venues, optimizers left with no paper); returns its id.',
    errors: ERRORS,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = String(args.id);
      const deleted = await commit(
        ctx,
        'PAPER_DELETED',
        (run) => deletePaper(run, id),
        () => [id],
      );
      if (!deleted) throw new NotFoundError(`No paper with id "${id}".`, id);
      return id;
    },
  }),
  movePaper: t.field({
    ...WRITE,
    type: PaperRef,
    description: 'Moves a paper from one section to another; its section topics follow the move.',
    errors: ERRORS,
    args: {
      paperId: t.arg.id({ required: true }),
      fromSectionId: t.arg.id({ required: true }),
      toSectionId: t.arg.id({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const [id, from, to] = [String(args.paperId), String(args.fromSectionId), String(args.toSectionId)];
      const moved = await commit(
        ctx,
        'PAPER_MOVED',
        (run) => movePaper(run, id, from, to),
        () => [id, from, to],
      );
      if (!moved)
        throw new NotFoundError(
          `Paper "${id}" is not in section "${from}", or section "${to}" does not exist.`,
          id,
        );
      const paper = await ctx.loaders.paper.load(id);
      if (!paper) throw new NotFoundError(`No paper with id "${id}".`, id);
      return paper;
    },
  }),
}));
