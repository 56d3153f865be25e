import { GraphQLObjectType, getNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATIONSHIPS } from '../../src/db/schema/catalogue.js';
import { PAPER_SOURCES, RELATIONS } from '../../src/db/selection/relations.js';
import { TYPE_OF_KIND } from '../../src/graphql/refs.js';
import { schema } from '../../src/graphql/schema.js';

// The look-ahead folds a field because the relation catalogue names it; these checks keep the
// catalogue and the GraphQL types from drifting apart (a renamed field would silently stop folding).

describe('the relation catalogue and the GraphQL schema', () => {
  it('every relation names a field of its start type that returns its target kind', () => {
    for (const [name, r] of Object.entries(RELATIONS)) {
      const type = schema.getType(TYPE_OF_KIND[r.from]);
      expect(type, name).toBeInstanceOf(GraphQLObjectType);
      const field = (type as GraphQLObjectType).getFields()[r.field];
      expect(field, `${r.from}.${r.field} (${name})`).toBeDefined();
      expect(field && getNamedType(field.type).name, `${r.from}.${r.field}`).toBe(TYPE_OF_KIND[r.to]);
    }
  });

  it('every relation pattern uses a relationship type of the catalogue between its kinds', () => {
    for (const [name, r] of Object.entries(RELATIONS)) {
      const text = r.pattern('x', 'n', 'r');
      const types = [...text.matchAll(/:([A-Z_]+)(?:\]| WHERE)/g)].map(
        (m) => m[1] as keyof typeof RELATIONSHIPS,
      );
      expect(types.length, name).toBeGreaterThan(0);
      for (const t of types) expect(Object.keys(RELATIONSHIPS), name).toContain(t);
      expect(text, name).toContain(`(n:${r.to})`);
    }
  });

  it('every way to reach papers is a connection field of its type', () => {
    for (const [source, [label, , field]] of Object.entries(PAPER_SOURCES)) {
      expect(Object.keys(NODE_KINDS), source).toContain(label);
      const type = schema.getType(TYPE_OF_KIND[label]) as GraphQLObjectType;
      const f = type.getFields()[field];
      expect(f, `${label}.${field}`).toBeDefined();
      expect(f && getNamedType(f.type).name, `${label}.${field}`).toMatch(/Connection$/);
    }
  });
});
