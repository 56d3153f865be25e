import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** What a document asks for once its fragments are expanded: the numbers the size limits bound. */
export interface DocumentSize {
  /** Field selections, `__typename` included, each spread counted as often as it is spread. */
  fields: number;
  /** Aliased fields of any name, `__typename` included, after expansion. */
  aliases: number;
  /** Fragment spreads after expansion: how often a fragment's body is visited when executing. */
  spreads: number;
}

const NONE: DocumentSize = { fields: 0, aliases: 0, spreads: 0 };

function add(a: DocumentSize, b: DocumentSize): DocumentSize {
  return { fields: a.fields + b.fields, aliases: a.aliases + b.aliases, spreads: a.spreads + b.spreads };
}

/**
 * Measures every operation of a document without expanding a fragment: each fragment's size is
 * computed once and reused wherever it is spread, so the walk is linear in the document even
 * when the expansion is exponential (`fragment A { ...B ...B }`, 30 levels deep, is 2^30 fields
 * in a 1 KB query). A cycle or an unknown fragment counts 0 here: graphql's own rules name it.
 */
export function measureDocument(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const sizes = new Map<string, DocumentSize>();
  const open = new Set<string>();

  const fragmentSize = (name: string): DocumentSize => {
    const known = sizes.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || open.has(name)) return NONE;
    open.add(name);
    const size = setSize(def.selectionSet);
    open.delete(name);
    sizes.set(name, size);
    return size;
  };

  const setSize = (set: SelectionSetNode): DocumentSize => {
    let size = NONE;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        size = add(size, { fields: 1, aliases: sel.alias ? 1 : 0, spreads: 0 });
        if (sel.selectionSet) size = add(size, setSize(sel.selectionSet));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        size = add(size, setSize(sel.selectionSet));
      } else {
        size = add(size, { fields: 0, aliases: 0, spreads: 1 });
        size = add(size, fragmentSize(sel.name.value));
      }
    }
    return size;
  };

  let total = NONE;
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) total = add(total, setSize(def.selectionSet));
  }
  return total;
}
