import type { Params } from '../driver.js';
import { NEWEST_FIRST, PAPER_ORDERS, type PaperOrder } from '../schema/sort-keys.js';
import { PAPER_SOURCES, type PaperSource, RELATIONS, type Relation } from './relations.js';

/**
 * What a GraphQL selection asks below a node, as far as it can be read in the same query: the
 * relations, paper pages and co-author lists under it, each under the response key (field name or
 * alias) that asked for it. Built by graphql/lookahead.ts; anything not here is left to loaders.
 */
export interface Plan {
  includes: Include[];
  /** The node properties the selection reads (always with id); null reads them all. */
  props: string[] | null;
}
export type Include =
  | { kind: 'relation'; key: string; relation: Relation; child: Plan }
  | {
      kind: 'papers';
      key: string;
      source: PaperSource;
      order: PaperOrder;
      offset: number;
      limit: number;
      child: Plan;
    }
  | { kind: 'coAuthors'; key: string; first: number; author: Plan; papers: Plan | null }
  | { kind: 'coCited'; key: string; first: number; paper: Plan };

/** Map keys of prefetched data start with this; node properties never do. */
export const PREFETCHED = '@';

export const EMPTY_PLAN: Plan = { includes: [], props: null };

/** Cypher that reads a node's nested data: clauses to run first, then the expression that projects it. */
export interface Projected {
  clauses: string;
  map: string;
}

/**
 * Turns a plan into Cypher: the node's properties plus one nested subquery per include, so a whole
 * selection is read in one round trip. Subqueries are bound in a WITH before the map projection
 * (Neo4j rejects a map projection whose subqueries aggregate). Values (page sizes, offsets) become
 * parameters; variable names are generated so nested levels never capture each other.
 */
export class Projection {
  readonly params: Params = {};
  private paramCount = 0;
  private varCount = 0;

  /** `keep` names variables the caller still needs after the clauses. */
  node(v: string, plan: Plan | null, keep: string[] = []): Projected {
    // Property names come from the schema's field map (lookahead.ts), never from a request.
    const props = plan?.props ? ['id', ...plan.props.filter((p) => p !== 'id')].map((p) => `.${p}`) : ['.*'];
    if (!plan || plan.includes.length === 0) return { clauses: '', map: `${v} {${props.join(', ')}}` };
    const bound = plan.includes.map((inc) => ({
      key: inc.key,
      h: this.fresh('h'),
      expr: this.include(v, inc),
    }));
    return {
      clauses: `WITH ${[v, ...keep].join(', ')}, ${bound.map((b) => `${b.expr} AS ${b.h}`).join(', ')}`,
      map: `${v} {${[...props, ...bound.map((b) => `\`${PREFETCHED}${b.key}\`: ${b.h}`)].join(', ')}}`,
    };
  }

  private param(value: unknown): string {
    const name = `la${this.paramCount++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.varCount++}`;
  }

  /** The Cypher expression for one include below `x` (bind it in a WITH before projecting). */
  include(x: string, inc: Include): string {
    switch (inc.kind) {
      case 'relation': {
        const { pattern, tail } = RELATIONS[inc.relation];
        const [n, r] = [this.fresh('n'), this.fresh('r')];
        const sub = this.node(n, inc.child);
        return `COLLECT { MATCH ${pattern(x, n, r)} ${tail(n, r)} ${sub.clauses} RETURN ${sub.map} }`;
      }
      case 'papers': {
        const p = this.fresh('p');
        const pattern = PAPER_SOURCES[inc.source][1](x, p);
        const sub = this.node(p, inc.child);
        return `{totalCount: COUNT { ${pattern} }, nodes: COLLECT { MATCH ${pattern}
          WITH ${p} ORDER BY ${PAPER_ORDERS[inc.order](p)} SKIP ${this.param(inc.offset)} LIMIT ${this.param(inc.limit)}
          ${sub.clauses} RETURN ${sub.map} }}`;
      }
      case 'coAuthors': {
        const [c, p, shared, q] = [this.fresh('c'), this.fresh('p'), this.fresh('s'), this.fresh('q')];
        const author = this.node(c, inc.author, [shared]);
        const paper = inc.papers ? this.node(q, inc.papers) : null;
        const papers = paper
          ? `COLLECT { UNWIND ${shared} AS ${q} ${paper.clauses} RETURN ${paper.map} }`
          : '[]';
        return `COLLECT { MATCH (${x})-[:AUTHORED]->(${p}:Paper)<-[:AUTHORED]-(${c}:Author) WHERE ${c} <> ${x}
          WITH ${c}, collect(${p}) AS ${shared} ORDER BY size(${shared}) DESC, ${c}.name LIMIT ${this.param(inc.first)}
          ${author.clauses} RETURN {author: ${author.map}, sharedPapers: size(${shared}), papers: ${papers}} }`;
      }
      case 'coCited': {
        // Co-citation: the papers cited by the most papers that also cite x.
        const [c, o, n] = [this.fresh('c'), this.fresh('o'), this.fresh('k')];
        const paper = this.node(o, inc.paper, [n]);
        return `COLLECT { MATCH (${x})<-[:CITES]-(${c}:Paper)-[:CITES]->(${o}:Paper) WHERE ${o} <> ${x}
          WITH ${o}, count(${c}) AS ${n} ORDER BY ${n} DESC, ${NEWEST_FIRST(o)} LIMIT ${this.param(inc.first)}
          ${paper.clauses} RETURN {count: ${n}, paper: ${paper.map}} }`;
      }
    }
  }
}

/** Data a parent's query already read for the field at `key`, or undefined when none was. */
export function prefetched<T>(parent: object, key: string | number): T | undefined {
  const k = `${PREFETCHED}${key}`;
  return k in parent ? ((parent as Record<string, unknown>)[k] as T) : undefined;
}
