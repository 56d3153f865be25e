import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connect.js';
import type { Db } from '../../src/db/driver.js';
import { RELATED_WEIGHTS, type RelatedWeights, relatedWork } from '../../src/db/read/related-work.js';
import { applyConstraints } from '../../src/db/schema/constraints.js';
import { importDocument, sourceFromFile } from '../../src/ingest/import-list.js';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { rng } from '../corpus.js';
import { bm25Related } from './bm25.js';
import { legacyRelated } from './legacy.js';
import { meanOf, ndcgAt, precisionAt } from './metrics.js';

/**
 * `npm run eval:related [-- files…]`: how good is related work? For every paper of every list in
 * the graph (after importing the files given), each ranking lists up to 10 other papers of the
 * same list, and we ask whether they share the paper's section (and, where the list has topics,
 * a topic). What is evaluated against is hidden from the rankings: topics come from sections,
 * so the topic signal is off in every ranking. Writes bench/RELATED.md and prints the same table.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'bench/RELATED.md' }, seed: { type: 'string', default: '1' } },
});

const OFF: RelatedWeights = Object.fromEntries(
  Object.keys(RELATED_WEIGHTS).map((k) => [k, 0]),
) as RelatedWeights;
const RANKINGS: Array<{ name: string; weights?: RelatedWeights; legacy?: true; bm25?: true }> = [
  { name: 'random' },
  { name: 'title BM25 alone', bm25: true },
  { name: 'text signal alone', weights: { ...OFF, text: 1 } },
  { name: "today's ranking (before this change)", legacy: true },
  {
    name: 'new, without citations',
    weights: { ...RELATED_WEIGHTS, sharedTopic: 0, cites: 0, citedBy: 0, coCitation: 0, coupling: 0 },
  },
  { name: 'new, all signals', weights: { ...RELATED_WEIGHTS, sharedTopic: 0 } },
];

interface ListData {
  id: string;
  name: string;
  papers: Array<{ id: string; sections: string[]; topics: string[] }>;
  citations: number;
}

async function listsInGraph(db: Db): Promise<ListData[]> {
  const rows = await db.read(
    `MATCH (l:List)<-[:IN_LIST]-(:Section)<-[:LISTED_IN]-(p:Paper)
     WITH l, p, COLLECT { MATCH (p)-[:LISTED_IN]->(s:Section {listId: l.id}) RETURN s.id } AS sections,
          COLLECT { MATCH (p)-[:ABOUT]->(t:Topic) RETURN t.id } AS topics
     WITH l, collect(DISTINCT {id: p.id, sections: sections, topics: topics}) AS papers
     RETURN l.id AS id, l.name AS name, papers,
            COUNT { MATCH (a:Paper)-[:CITES]->(b:Paper)
                    WHERE a.id IN [x IN papers | x.id] AND b.id IN [x IN papers | x.id] } AS citations
     ORDER BY name`,
  );
  return rows as unknown as ListData[];
}

const shares = (a: string[], b: string[]) => a.some((x) => b.includes(x));

async function rank(
  db: Db,
  r: (typeof RANKINGS)[number],
  paperId: string,
  list: ListData,
  random: () => number,
) {
  if (r.legacy) return legacyRelated(db, paperId, 10, list.id, 0);
  if (r.bm25) return bm25Related(db, paperId, 10, list.id);
  if (r.weights) {
    const rows = await relatedWork(db, paperId, 10, false, { weights: r.weights, withinList: list.id });
    return rows.map((x) => x.paper.id);
  }
  // Random: a seeded shuffle of the list's other papers.
  const others = list.papers.filter((p) => p.id !== paperId).map((p) => p.id);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [others[i], others[j]] = [others[j] as string, others[i] as string];
  }
  return others.slice(0, 10);
}

const conn = await connect(loadConfig(), (m) => console.error(m));
const db = conn.db;
try {
  await applyConstraints(db);
  for (const file of positionals) {
    const s = await importDocument(db, readFileSync(file, 'utf8'), loadTaxonomy(), {
      source: sourceFromFile(file),
      fileName: file,
    });
    console.error(`imported ${file}: ${s.papers.created} created, ${s.papers.updated} updated`);
  }
  const lists = await listsInGraph(db);
  const random = rng(Number(values.seed));
  type Cell = { p5: number[]; ndcg: number[]; tp5: number[]; tndcg: number[] };
  const table = new Map<string, Map<string, Cell>>();
  const t0 = performance.now();
  for (const list of lists) {
    const byId = new Map(list.papers.map((p) => [p.id, p]));
    const cells = new Map<string, Cell>(
      RANKINGS.map((r) => [r.name, { p5: [], ndcg: [], tp5: [], tndcg: [] }]),
    );
    table.set(list.name, cells);
    const hasTopics = list.papers.some((p) => p.topics.length > 0);
    for (const paper of list.papers) {
      const others = list.papers.filter((o) => o.id !== paper.id);
      const relevant = others.filter((o) => shares(o.sections, paper.sections)).length;
      if (relevant === 0) continue; // nothing to find: alone in its section
      const topicRelevant = others.filter((o) => shares(o.topics, paper.topics)).length;
      for (const r of RANKINGS) {
        const ids = await rank(db, r, paper.id, list, random);
        const rel = ids.map((id) => shares(byId.get(id)?.sections ?? [], paper.sections));
        const cell = cells.get(r.name) as Cell;
        cell.p5.push(precisionAt(rel, 5));
        cell.ndcg.push(ndcgAt(rel, 10, relevant));
        if (hasTopics && topicRelevant > 0) {
          const trel = ids.map((id) => shares(byId.get(id)?.topics ?? [], paper.topics));
          cell.tp5.push(precisionAt(trel, 5));
          cell.tndcg.push(ndcgAt(trel, 10, topicRelevant));
        }
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const f = (xs: number[]) => (xs.length ? meanOf(xs).toFixed(2) : 'n/a');
  const lines: string[] = [];
  const targets: string[] = [];
  for (const list of lists) {
    const cells = table.get(list.name) as Map<string, Cell>;
    const evaluated = cells.get('random')?.p5.length ?? 0;
    lines.push(
      `### ${list.name} (${list.papers.length} papers, ${evaluated} evaluated, ${list.citations} citations among them)`,
      '',
      '| ranking | P@5 same section | nDCG@10 same section | P@5 same topic | nDCG@10 same topic |',
      '|---|---|---|---|---|',
    );
    for (const r of RANKINGS) {
      const c = cells.get(r.name) as Cell;
      lines.push(`| ${r.name} | ${f(c.p5)} | ${f(c.ndcg)} | ${f(c.tp5)} | ${f(c.tndcg)} |`);
    }
    lines.push('');
    if (!evaluated) continue;
    const ndcg = (name: string) => meanOf(cells.get(name)?.ndcg ?? []);
    const best = ndcg('new, all signals');
    const bm25 = ndcg('title BM25 alone');
    const today = ndcg("today's ranking (before this change)");
    const vsBm25 = bm25 > 0 ? best / bm25 : Number.POSITIVE_INFINITY;
    // A perfect ranking scores 1: past 1/BM25, the 1.2× target cannot be met on this list.
    const ceiling = bm25 > 0 ? 1 / bm25 : Number.POSITIVE_INFINITY;
    const why =
      vsBm25 >= 1.2
        ? ''
        : ceiling < 1.2
          ? ` — unreachable here: a perfect ranking is ${ceiling.toFixed(2)}× BM25`
          : '';
    targets.push(
      `- ${list.name}: new ${best.toFixed(2)} vs BM25 ${bm25.toFixed(2)} (${vsBm25.toFixed(2)}×, target ≥ 1.20×: **${vsBm25 >= 1.2 ? 'met' : 'missed'}**${why}); vs today's ${today.toFixed(2)} (**${best > today ? 'met' : 'missed'}**)`,
    );
  }
  const command = `npm run eval:related${positionals.length ? ` -- ${positionals.join(' ')}` : ''}`;
  const report = [
    '# Related work: measured',
    '',
    `Command: \`${command}\` · ${new Date().toISOString().slice(0, 10)} · ${seconds.toFixed(0)} s`,
    '',
    'For every paper of every list, each ranking returns up to 10 other papers of the same list.',
    'Relevant: shares a section with the paper (or, where the list has topics, a topic). The',
    'topic signal is off in every ranking (topics are derived from sections). Random is a seeded',
    'shuffle. P@5 and nDCG@10 are means over the papers that have at least one other paper in',
    'their section.',
    '',
    '## Targets (nDCG@10, same section)',
    '',
    ...targets,
    '',
    '## Per list',
    '',
    ...lines,
  ].join('\n');
  writeFileSync(values.out, `${report}\n`);
  console.log(report);
} finally {
  await conn.close();
}
