import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { detectFormat } from '../ingest/formats.js';
import { parseDocument, sourceFromFile } from '../ingest/import-list.js';
import { type ListDef, listDef, type Taxonomy } from '../ingest/taxonomy.js';
import { statedBySection, topicInputs } from './document-inputs.js';
import { featuresOf, phraseIndex } from './features.js';
import { type LabelledPaper, labelsOf } from './fitting-data.js';

/** Where the labelled lists are looked for (those that exist): ../shared's, then the repository's (a list found twice is read from the first). */
export const CORPUS_DIRS = [
  '../shared/gold',
  '../shared/lists',
  'tests/fixtures/gold',
  'tests/fixtures/topics',
  'seed/lists',
];

const DOCUMENT = /\.(md|markdown|bib|json|jsonl|ris)$/i;
const NOT_DOCUMENT = /(\.notes\.md|\.gold\.json|^README\.md)$/i;

/** The documents of the labelled corpus: every file in these folders whose list the taxonomy names. */
export function corpusFiles(taxonomy: Taxonomy, dirs = CORPUS_DIRS): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!DOCUMENT.test(name) || NOT_DOCUMENT.test(name)) continue;
      const list = sourceFromFile(name);
      if (!listDef(taxonomy, list) || seen.has(list)) continue;
      seen.add(list);
      files.push(join(dir, name));
    }
  }
  return files;
}

/**
 * Lists labelled outside the taxonomy (a held-out set): each `<name>.topics.yaml` beside its
 * document gives that list's entry ({list, about, sections}) as seed/taxonomy.yaml would.
 */
export function heldOutLists(dir: string, taxonomy: Taxonomy): { taxonomy: Taxonomy; files: string[] } {
  const lists = { ...taxonomy.lists };
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.topics.yaml')) continue;
    const stem = name.slice(0, -'.topics.yaml'.length);
    const doc = readdirSync(dir).find(
      (f) => f.startsWith(`${stem}.`) && DOCUMENT.test(f) && !f.endsWith('.yaml'),
    );
    if (!doc) throw new Error(`${join(dir, name)}: no document ${stem}.* beside it`);
    const def = parseYaml(readFileSync(join(dir, name), 'utf8')) as {
      list?: string;
      about?: string;
      sections?: unknown;
    };
    lists[def.list ?? sourceFromFile(doc)] = {
      aliases: [],
      about: def.about as ListDef['about'],
      sections: Object.fromEntries(
        Object.entries((def.sections ?? {}) as Record<string, Partial<ListDef['sections'][string]>>).map(
          ([k, m]) => [k, { topics: m.topics ?? [], none: m.none ?? [] }],
        ),
      ),
    };
    files.push(join(dir, doc));
  }
  return { taxonomy: { ...taxonomy, lists }, files };
}

/** Reads the labelled corpus: each paper of each labelled list with its features and stated labels. */
export function readCorpus(taxonomy: Taxonomy, files: readonly string[]): LabelledPaper[] {
  const phrases = phraseIndex(taxonomy);
  const out: LabelledPaper[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = sourceFromFile(file);
    const doc = parseDocument(text, taxonomy, { source, fileName: file, format: detectFormat(file, text) });
    const def = listDef(taxonomy, doc.listName);
    const stated = statedBySection(doc.parsed, def, taxonomy);
    const inputs = topicInputs(doc.parsed);
    doc.parsed.papers.forEach((p, i) => {
      const labels = labelsOf(taxonomy, p.sectionCode ? stated.get(p.sectionCode) : undefined, def?.about);
      for (const t of taxonomy.topics) if (t.examples.includes(p.id)) labels.set(t.id, 1);
      out.push({
        list: doc.listName,
        section: `${doc.listName}/${p.sectionCode ?? ''}`,
        paperId: p.id,
        title: p.title,
        features: featuresOf(inputs[i] as (typeof inputs)[number], phrases),
        labels,
      });
    });
  }
  return out;
}
