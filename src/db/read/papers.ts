import type { Db, Params } from '../driver.js';
import type { PaperNode } from '../schema/model.js';
import { PAPER_ORDERS, type PaperOrder } from '../schema/sort-keys.js';
import { defaultMinConfidence } from '../schema/topic-edges.js';
import type { Page } from '../selection/nodes.js';
import { EMPTY_PLAN, type Plan, Projection } from '../selection/projection.js';

export interface PaperFilter {
  titleContains?: string | null;
  authorId?: string | null;
  venueId?: string | null;
  venueKind?: string | null;
  topicId?: string | null;
  /** With topicId: the least confidence of an inferred assignment that counts (default taxonomy.yaml's threshold). */
  minConfidence?: number | null;
  sectionCode?: string | null;
  listId?: string | null;
  optimizer?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  hasDoi?: boolean | null;
  cites?: string | null;
  citedBy?: string | null;
}

/**
 * Builds the MATCH for a filter from fixed fragments (values stay parameters). The most selective
 * filter present becomes the starting point, so the planner begins at an indexed node.
 */
function filterClause(f: PaperFilter, extra: string[] = []): { cypher: string; params: Params } {
  const where: string[] = [...extra];
  let match = 'MATCH (p:Paper)';
  if (f.authorId) match = 'MATCH (:Author {id: $authorId})-[:AUTHORED]->(p:Paper)';
  else if (f.venueId) match = 'MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)';
  else if (f.topicId)
    match = 'MATCH (:Topic {id: $topicId})<-[about:ABOUT WHERE about.confidence >= $minConfidence]-(p:Paper)';
  else if (f.cites) match = 'MATCH (:Paper {id: $cites})<-[:CITES]-(p:Paper)';
  else if (f.citedBy) match = 'MATCH (:Paper {id: $citedBy})-[:CITES]->(p:Paper)';
  // Every source (a BibTeX, CSL or OpenAlex file too) states its papers; only lists have sections.
  else if (f.listId && !f.sectionCode) match = 'MATCH (:List {id: $listId})<-[:STATED_IN]-(p:Paper)';
  if (f.cites && !match.includes('$cites')) where.push('EXISTS { (p)-[:CITES]->(:Paper {id: $cites}) }');
  if (f.citedBy && !match.includes('$citedBy'))
    where.push('EXISTS { (p)<-[:CITES]-(:Paper {id: $citedBy}) }');
  if (f.hasDoi != null) where.push(f.hasDoi ? 'p.doi IS NOT NULL' : 'p.doi IS NULL');
  if (f.authorId && !match.includes('$authorId'))
    where.push('EXISTS { (p)<-[:AUTHORED]-(:Author {id: $authorId}) }');
  if (f.venueId && !match.includes('$venueId'))
    where.push('EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }');
  if (f.topicId && !match.includes('$topicId'))
    where.push('EXISTS { (p)-[a:ABOUT WHERE a.confidence >= $minConfidence]->(:Topic {id: $topicId}) }');
  if (f.venueKind) where.push('EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {kind: $venueKind}) }');
  if (f.sectionCode) {
    where.push(
      f.listId
        ? 'EXISTS { (p)-[:LISTED_IN]->(:Section {code: $sectionCode, listId: $listId}) }'
        : 'EXISTS { (p)-[:LISTED_IN]->(:Section {code: $sectionCode}) }',
    );
  } else if (f.listId && !match.includes('$listId'))
    where.push('EXISTS { (p)-[:STATED_IN]->(:List {id: $listId}) }');
  if (f.optimizer)
    where.push('EXISTS { (p)-[:MENTIONS]->(o:Optimizer) WHERE toLower(o.name) = toLower($optimizer) }');
  if (f.titleContains) where.push('toLower(p.title) CONTAINS toLower($titleContains)');
  if (f.yearFrom != null) where.push('p.year >= $yearFrom');
  if (f.yearTo != null) where.push('p.year <= $yearTo');
  const cypher = where.length ? `${match} WHERE ${where.join(' AND ')}` : match;
  return { cypher, params: { ...f, minConfidence: f.minConfidence ?? defaultMinConfidence() } };
}

/** One page of papers matching a filter, with the total count, in one round trip. */
export async function listPapers(
  db: Db,
  filter: PaperFilter,
  order: PaperOrder,
  offset: number,
  limit: number,
  plan: Plan = EMPTY_PLAN,
): Promise<Page<PaperNode>> {
  const { cypher, params } = filterClause(filter);
  // The predicate lets the planner walk the paper_newest index in order and stop after the page.
  const page = filterClause(filter, order === 'YEAR_DESC' ? ['p.newest IS NOT NULL'] : []).cypher;
  const projection = new Projection();
  const { clauses, map } = projection.node('p', plan);
  const [row] = await db.read(
    `CALL () { ${cypher} RETURN count(p) AS total }
     CALL () {
       ${page} WITH p ORDER BY ${PAPER_ORDERS[order]('p')} SKIP $offset LIMIT $limit
       ${clauses}
       RETURN collect(${map}) AS nodes
     }
     RETURN total, nodes`,
    { ...projection.params, ...params, offset, limit },
  );
  return { totalCount: (row?.total as number) ?? 0, nodes: (row?.nodes as PaperNode[]) ?? [] };
}

/** A page of nodes of a label whose name contains a text (case-insensitive), by name. */
export async function listByName<T>(
  db: Db,
  label: 'Author' | 'Venue',
  nameContains: string | null | undefined,
  offset: number,
  limit: number,
  extraWhere = '',
  extraParams: Params = {},
): Promise<Page<T>> {
  const where = [nameContains ? 'toLower(n.name) CONTAINS toLower($nameContains)' : null, extraWhere || null]
    .filter(Boolean)
    .join(' AND ');
  const match = `MATCH (n:${label})${where ? ` WHERE ${where}` : ''}`;
  const [row] = await db.read(
    `CALL () { ${match} RETURN count(n) AS total }
     CALL () { ${match} WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit RETURN collect(n {.*}) AS nodes }
     RETURN total, nodes`,
    { nameContains: nameContains ?? null, offset, limit, ...extraParams },
  );
  return { totalCount: (row?.total as number) ?? 0, nodes: (row?.nodes as T[]) ?? [] };
}

/** Every node of a small label (topics, optimizers, lists), in a stable order. */
export async function allOf<T>(db: Db, label: 'Topic' | 'Optimizer' | 'List', orderBy: string): Promise<T[]> {
  const rows = await db.read(`MATCH (n:${label}) RETURN n {.*} AS n ORDER BY ${orderBy}`);
  return rows.map((r) => r.n as T);
}
