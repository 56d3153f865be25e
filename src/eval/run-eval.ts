/** Parses every gold file's document (no database) and scores it: what `npm run eval:import` prints. */
import { ImportError, parseDocument, sourceFromFile } from '../ingest/import-list.js';
import { readDocumentFile } from '../ingest/read-file.js';
import type { ParsedList } from '../ingest/records.js';
import { loadTaxonomy } from '../ingest/taxonomy.js';
import type { GoldFile } from './gold.js';
import { type FileScore, pct, type Ratio, scoreFile, totalScore } from './import-score.js';

/** Scores each gold file through the importer's own parse path (format detection included). */
export function evaluate(files: GoldFile[]): FileScore[] {
  const taxonomy = loadTaxonomy();
  return files.map((f) => {
    let parsed: ParsedList | null = null;
    let error: string | undefined;
    let bibliography = false;
    try {
      const doc = parseDocument(readDocumentFile(f.file), taxonomy, {
        source: sourceFromFile(f.file),
        fileName: f.file,
      });
      parsed = doc.parsed;
      bibliography = doc.format !== 'md';
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      error = err.message.split('\n')[0];
      bibliography = !/\.(md|markdown)$/i.test(f.file);
    }
    return scoreFile(f.name, f.entries, parsed, bibliography, error);
  });
}

const COLUMNS: Array<[string, (s: FileScore) => string]> = [
  ['found', (s) => ratio(s.found)],
  ['garbage', (s) => ratio(s.garbage)],
  ['merged', (s) => String(s.merged)],
  ['authors', (s) => ratio(s.authors)],
  ['1st author', (s) => ratio(s.firstAuthor)],
  ['year ±1', (s) => ratio(s.year)],
  ['venue', (s) => ratio(s.venue)],
  ['section', (s) => ratio(s.section)],
];

function ratio(r: Ratio): string {
  return r.of ? `${r.hit}/${r.of} ${pct(r).toFixed(1)}%` : '–';
}

/** The scores as a markdown table, one row per file and a total. */
export function scoreTable(scores: FileScore[]): string {
  const rows = [...scores, totalScore(scores)];
  const head = `| file | ${COLUMNS.map(([h]) => h).join(' | ')} |`;
  const rule = `|---|${COLUMNS.map(() => '---:').join('|')}|`;
  const body = rows.map(
    (s) => `| ${s.name === 'total' ? '**total**' : s.name} | ${COLUMNS.map(([, f]) => f(s)).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

export interface Thresholds {
  minFound?: number;
  maxGarbage?: number;
  minAuthors?: number;
}

/** Files below a threshold, each with what it missed ("found 97.0% < 99%"). */
export function belowThresholds(scores: FileScore[], t: Thresholds): string[] {
  const out: string[] = [];
  for (const s of scores) {
    const bad: string[] = [];
    if (t.minFound !== undefined && pct(s.found) < t.minFound)
      bad.push(`found ${pct(s.found).toFixed(1)}% < ${t.minFound}%`);
    const garbage = s.garbage.of ? (100 * s.garbage.hit) / s.garbage.of : 0;
    if (t.maxGarbage !== undefined && garbage > t.maxGarbage)
      bad.push(`garbage ${garbage.toFixed(1)}% > ${t.maxGarbage}%`);
    if (t.minAuthors !== undefined && s.authors.of && pct(s.authors) < t.minAuthors)
      bad.push(`authors ${pct(s.authors).toFixed(1)}% < ${t.minAuthors}%`);
    if (bad.length) out.push(`${s.name}: ${bad.join(', ')}`);
  }
  return out;
}
