/**
 * The one table of a paper's stored properties: each row says its type, whether it is always
 * there, what an import writes when the row has none, how a second source's value merges with the
 * stored one, and which hand edit owns it. The model type (PaperNode), the online writes
 * (rowProps, the merge statement in list-writes.ts) and the bulk CSV header (graph-files.ts) are
 * all derived from it: a new property is a row here (plus its GraphQL field).
 */

/** How an incoming value meets the stored one. */
export type Merge =
  /** The stored value stays; the incoming one fills a gap (titles, identifiers). */
  | 'first'
  /** The incoming value wins when it has one (years, the venue as written, counts). */
  | 'incoming'
  /** The longer text wins (abstracts). */
  | 'longer'
  /** Values accumulate, each once (keywords, notes, other ids). */
  | 'union'
  /** True once any source says so (one complete author list is enough). */
  | 'any'
  /** Links accumulate by URL, label and URL kept in step (linkUrls drives linkLabels). */
  | 'links';

/** Types as neo4j-admin names them; '' is a string. */
type Kind = 'string' | 'int' | 'long' | 'boolean' | 'string[]';

interface Property {
  name: string;
  kind: Kind;
  merge: Merge;
  /** always: never null; nullable: present, may be null; optional: may be absent on older graphs. */
  presence: 'always' | 'nullable' | 'optional';
  /** What an import writes when its row has no value. */
  default?: null | boolean | readonly never[];
  /** The mutation field that sets it by hand (a re-import then leaves it alone). */
  editedAs?: string;
}

export const PAPER_PROPERTIES = [
  { name: 'title', kind: 'string', merge: 'first', presence: 'always', editedAs: 'title' },
  { name: 'year', kind: 'int', merge: 'incoming', presence: 'nullable', editedAs: 'year' },
  { name: 'listedYear', kind: 'int', merge: 'incoming', presence: 'nullable', editedAs: 'listedYear' },
  { name: 'arxivId', kind: 'string', merge: 'first', presence: 'nullable', editedAs: 'arxivId' },
  { name: 'doi', kind: 'string', merge: 'first', presence: 'optional', default: null },
  { name: 'openreviewId', kind: 'string', merge: 'first', presence: 'optional', default: null },
  { name: 'openAlexId', kind: 'string', merge: 'first', presence: 'optional', default: null },
  { name: 'abstract', kind: 'string', merge: 'longer', presence: 'optional', default: null },
  { name: 'keywords', kind: 'string[]', merge: 'union', presence: 'optional', default: [] },
  { name: 'globalCitationCount', kind: 'long', merge: 'incoming', presence: 'optional', default: null },
  { name: 'otherIds', kind: 'string[]', merge: 'union', presence: 'optional', default: [] },
  { name: 'authorsComplete', kind: 'boolean', merge: 'any', presence: 'optional', default: true },
  { name: 'venueText', kind: 'string', merge: 'incoming', presence: 'nullable', editedAs: 'venue' },
  { name: 'notes', kind: 'string[]', merge: 'union', presence: 'optional', editedAs: 'notes' },
  { name: 'linkUrls', kind: 'string[]', merge: 'links', presence: 'optional', editedAs: 'links' },
  { name: 'linkLabels', kind: 'string[]', merge: 'links', presence: 'optional', editedAs: 'links' },
] as const satisfies readonly Property[];

type Row = (typeof PAPER_PROPERTIES)[number];
type ValueOf<K extends Kind> = K extends 'string'
  ? string
  : K extends 'int' | 'long'
    ? number
    : K extends 'boolean'
      ? boolean
      : string[];

/** The stored properties as the model reads them, derived from the table. */
export type PaperProperties = {
  [P in Row as P['presence'] extends 'optional' ? never : P['name']]: P['presence'] extends 'always'
    ? ValueOf<P['kind']>
    : ValueOf<P['kind']> | null;
} & {
  [P in Row as P['presence'] extends 'optional' ? P['name'] : never]?: ValueOf<P['kind']> | null;
};

/** The columns of the bulk import's paper file, typed as neo4j-admin reads them. */
export const PAPER_CSV_COLUMNS = PAPER_PROPERTIES.map((p) =>
  p.kind === 'string' ? p.name : `${p.name}:${p.kind}`,
);

/** A row's properties as every write stores them: the table's names, defaults filled in. */
export function propertiesOf(row: { id: string } & PaperProperties): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  for (const p of PAPER_PROPERTIES) {
    const v = (row as Record<string, unknown>)[p.name];
    out[p.name] = v ?? ('default' in p ? p.default : v);
  }
  return out;
}

/**
 * The SET items of the merge statement, one per property, in Cypher over the stored paper `p`
 * and the incoming `row`; `edited(field)` is the Cypher test for a hand edit of that field, and
 * `newLinks` the indices of incoming links the paper does not have yet.
 */
export function mergeAssignments(edited: (field: string) => string): string[] {
  return PAPER_PROPERTIES.map((p) => {
    const stored = `p.${p.name}`;
    const incoming = `row.${p.name}`;
    const guard = (expr: string) =>
      'editedAs' in p ? `CASE WHEN ${edited(p.editedAs)} THEN ${stored} ELSE ${expr} END` : expr;
    switch (p.merge) {
      case 'first':
        return `${stored} = ${guard(`coalesce(${stored}, ${incoming})`)}`;
      case 'incoming':
        return `${stored} = ${guard(`coalesce(${incoming}, ${stored})`)}`;
      case 'longer':
        return `${stored} = CASE WHEN size(coalesce(${incoming}, '')) > size(coalesce(${stored}, '')) THEN ${incoming} ELSE ${stored} END`;
      case 'union':
        return `${stored} = coalesce(${stored}, []) + [v IN ${incoming} WHERE ${'editedAs' in p ? `NOT ${edited(p.editedAs)} AND ` : ''}NOT v IN coalesce(${stored}, [])]`;
      case 'any':
        return `${stored} = coalesce(${stored}, false) OR ${incoming}`;
      case 'links':
        return `${stored} = coalesce(${stored}, []) + [i IN newLinks WHERE NOT ${edited(p.editedAs)} | ${incoming}[i]]`;
      default:
        throw new Error(`paper property ${(p as Property).name}: no merge rule`);
    }
  });
}
