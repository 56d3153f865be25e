import type { Params } from './driver.js';
import { PAPER_SOURCES, type PaperSource, RELATIONS, type Relation } from './nodes.js';

/**
 * What a GraphQL selection asks below a node, as far as it can be read in the same query: the
 * relations, paper pages and co-author lists under it, each under the response key (field name or
 * alias) that asked for it. Built by graphql/lookahead.ts; anything not here is left to loaders.
 */
export interface Plan {
  includes: Include[];
}
export type Include =
  | { kind: 'relation'; key: string; relation: Relation; child: Plan }
  | { kind: 'papers'; key: string; source: PaperSource; offset: number; limit: number; child: Plan }
  | { kind: 'coAuthors'; key: string; first: number; author: Plan; papers: Plan | null };

/** Map keys of prefetched data start with this; node properties never do. */
export const PREFETCHED = '@';

export const EMPTY_PLAN: Plan = { includes: [] };

/**
 * Turns a plan into a Cypher map projection: the node's properties plus one nested subquery per
 * include, so a whole selection is read in one round trip. Values (page sizes, offsets) become
 * parameters; variable names are generated so nested levels never capture each other.
 */
export class Projection {
  readonly params: Params = {};
  private paramCount = 0;
  private varCount = 0;

  node(v: string, plan: Plan | null): string {
    if (!plan || plan.includes.length === 0) return `${v} {.*}`;
    const extra = plan.includes.map((inc) => `\`${PREFETCHED}${inc.key}\`: ${this.include(v, inc)}`);
    return `${v} {.*, ${extra.join(', ')}}`;
  }

  private param(value: unknown): string {
    const name = `la${this.paramCount++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.varCount++}`;
  }

  private include(x: string, inc: Include): string {
    switch (inc.kind) {
      case 'relation': {
        const [, pattern, tail] = RELATIONS[inc.relation];
        const n = this.fresh('n');
        const r = this.fresh('r');
        return `COLLECT { MATCH ${pattern(x, n, r)} ${tail(n, r)} RETURN ${this.node(n, inc.child)} }`;
      }
      case 'papers': {
        const p = this.fresh('p');
        const pattern = PAPER_SOURCES[inc.source][1](x, p);
        return `{totalCount: COUNT { ${pattern} }, nodes: COLLECT { MATCH ${pattern}
          WITH ${p} ORDER BY ${p}.year DESC, ${p}.title SKIP ${this.param(inc.offset)} LIMIT ${this.param(inc.limit)}
          RETURN ${this.node(p, inc.child)} }}`;
      }
      case 'coAuthors': {
        // No aggregate functions here: this text may sit inside an outer aggregation or WITH.
        const [me, c, shared, q] = [this.fresh('me'), this.fresh('c'), this.fresh('s'), this.fresh('q')];
        const both = (a: string, b: string, p = '') => `(${a})-[:AUTHORED]->(${p}:Paper)<-[:AUTHORED]-(${b})`;
        const papers = inc.papers
          ? `COLLECT { MATCH ${both(me, c, q)} RETURN ${this.node(q, inc.papers)} }`
          : '[]';
        return `COLLECT { MATCH ${both(x, `${c}:Author`)} WHERE ${c} <> ${x}
          WITH DISTINCT ${x} AS ${me}, ${c}
          WITH ${me}, ${c}, COUNT { ${both(me, c)} } AS ${shared} ORDER BY ${shared} DESC, ${c}.name LIMIT ${this.param(inc.first)}
          RETURN {author: ${this.node(c, inc.author)}, sharedPapers: ${shared}, papers: ${papers}} }`;
      }
    }
  }
}

/** Data a parent's query already read for the field at `key`, or undefined when none was. */
export function prefetched<T>(parent: object, key: string | number): T | undefined {
  const k = `${PREFETCHED}${key}`;
  return k in parent ? ((parent as Record<string, unknown>)[k] as T) : undefined;
}
