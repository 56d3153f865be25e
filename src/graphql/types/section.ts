import { allOf } from '../../db/read/papers.js';
import { rootSections, sectionsByCode } from '../../db/read/sections.js';
import type { ListNode } from '../../db/schema/model.js';
import { builder } from '../builder.js';
import { badInput } from '../errors.js';
import { papersPage } from '../pagination.js';
import { relationField, singleRelationField } from '../prefetch.js';
import { ListRef, PaperOrderEnum, PaperRef, SectionRef, TopicRef } from '../refs.js';

builder.node(ListRef, {
  description:
    'A source that was imported: a curated markdown list (its sections belong to it), or a BibTeX, CSL-JSON or OpenAlex file.',
  id: { resolve: (l) => l.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.list.load(id)),
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.exposeString('title', { nullable: true }),
    format: t.string({
      extensions: { reads: ['format'] },
      description: 'md, bib, csl or openalex (md for lists imported before formats were recorded).',
      resolve: (l) => l.format ?? 'md',
    }),
    importedAt: t.exposeString('importedAt', {
      nullable: true,
      description:
        'When the source was last imported (ISO 8601, UTC); null for sources imported before this was recorded.',
    }),
    entryCount: t.int({
      extensions: { reads: [] },
      description: 'How many papers the source states (its papers connection counts the same).',
      resolve: (l, _a, ctx) => ctx.loaders.paperCount('list').load(l.id),
    }),
    sections: t.field({
      type: [SectionRef],
      description: 'Top-level sections, in document order (none for BibTeX, CSL-JSON and OpenAlex files).',
      resolve: (l, _a, ctx) => rootSections(ctx.db, l.id),
    }),
    papers: t.connection({
      type: PaperRef,
      description:
        'The papers the source states, in every section or none, newest first unless orderBy says otherwise.',
      args: { orderBy: t.arg({ type: PaperOrderEnum, defaultValue: 'YEAR_DESC' }) },
      resolve: papersPage('list'),
    }),
  }),
});

builder.node(SectionRef, {
  description: 'A section of a list ("A.2 Convergence analysis of Adaptive Gradient Methods").',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.section.load(id)),
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'As the list numbers it ("A.2"); made up from position when it has none.',
    }),
    title: t.exposeString('title'),
    order: t.exposeInt('order'),
    descriptionEn: t.exposeString('descriptionEn', { nullable: true }),
    descriptionZh: t.exposeString('descriptionZh', { nullable: true }),
    list: t.field({
      type: ListRef,
      nullable: true,
      resolve: singleRelationField('sectionList'),
    }),
    parent: t.field({
      type: SectionRef,
      nullable: true,
      resolve: singleRelationField('sectionParent'),
    }),
    children: t.field({
      type: [SectionRef],
      resolve: relationField('sectionChildren'),
    }),
    topics: t.field({
      type: [TopicRef],
      resolve: relationField('sectionTopics'),
    }),
    papers: t.connection({
      type: PaperRef,
      resolve: papersPage('section'),
    }),
  }),
});

builder.queryFields((t) => ({
  sections: t.field({
    type: [SectionRef],
    description: 'Top-level sections (children nested), of one list or of all.',
    args: { listId: t.arg.id() },
    resolve: (_r, args, ctx) => rootSections(ctx.db, args.listId ? String(args.listId) : null),
  }),
  section: t.field({
    type: SectionRef,
    nullable: true,
    description: 'A section by code. The code must be unique across lists unless listId is given.',
    args: { code: t.arg.string({ required: true }), listId: t.arg.id() },
    resolve: async (_r, args, ctx) => {
      const found = await sectionsByCode(ctx.db, args.code, args.listId ? String(args.listId) : null);
      if (found.length > 1) {
        throw badInput(
          `Section code "${args.code}" exists in ${found.length} lists (${found.map((s) => s.listId).join(', ')}); pass listId.`,
          'listId',
        );
      }
      return found[0] ?? null;
    },
  }),
  lists: t.field({ type: [ListRef], resolve: (_r, _a, ctx) => allOf<ListNode>(ctx.db, 'List', 'n.name') }),
}));
