import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RelType } from '../../db/schema/catalogue.js';
import { PAPER_CSV_COLUMNS } from '../../db/schema/paper-properties.js';
import { newestKeyOf } from '../../db/schema/sort-keys.js';
import { GRADES } from '../../db/schema/topic-edges.js';
import { topicPairId } from '../../db/schema/topic-pairs.js';
import { keysOf, yearsAgree } from '../../db/write/identity.js';
import {
  type ListRow,
  type PaperRow,
  rowProps,
  type SectionRow,
  type TopicRow,
} from '../../db/write/list-writes.js';
import { termsOf } from '../../domain/terms.js';
import { activeModel } from '../../topics/infer.js';
import { type Cell, CsvFile } from './csv.js';

/** The paper file's columns: the table's properties (as the online write stores them), then derived keys. */
const PAPER_COLUMNS = [...PAPER_CSV_COLUMNS, 'newest', 'terms:string[]'];
const columnName = (c: string) => c.split(':')[0] as string;

type Label =
  | 'Paper'
  | 'Author'
  | 'Venue'
  | 'Optimizer'
  | 'List'
  | 'Topic'
  | 'Section'
  | 'Term'
  | 'TopicPair'
  | 'Ref';

/** What neo4j-admin database import full is given: one file per label and per relationship type. */
export interface GraphFiles {
  nodes: Array<{ label: Label; file: string; rows: number }>;
  relationships: Array<{ type: RelType | 'REFERS_TO'; file: string; rows: number }>;
  /** Rows naming a paper already in the files: loaded through the online write path after the import. */
  duplicates: { file: string; rows: number };
  /** Papers listed in a section: the ones whose topics are re-inferred after the import. */
  listed: string[];
  /** Whether any value holds a line break. */
  multiline: boolean;
  counts: { papers: number; authors: number; authorships: number; citations: number; pendingRefs: number };
}

/** A plain line file (spilled references, duplicate rows), written in 1 MB chunks like CsvFile. */
class LineFile {
  private readonly fd: number;
  private buffer = '';
  rows = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string): void {
    this.rows++;
    this.buffer += `${s}\n`;
    if (this.buffer.length > 1 << 20) {
      writeSync(this.fd, this.buffer);
      this.buffer = '';
    }
  }
  close(): void {
    writeSync(this.fd, this.buffer);
    closeSync(this.fd);
  }
}

/**
 * The graph of a bulk import as CSV files for neo4j-admin, built as rows stream in: papers are
 * matched by the online import's identity rules (identity.ts: DOI, arXiv id, OpenAlex id, then
 * title id with years within one) against the papers already written, authors by ORCID or
 * OpenAlex id, then id. Derived values are computed here with the functions the online write path
 * uses (newest key, terms and their document frequencies, topic-pair counts), and references are
 * spilled to disk and resolved once every paper is known, so memory holds only the id maps.
 */
export class GraphFilesWriter {
  private readonly byKey = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly years: Array<number | null> = [];
  private readonly authorIds = new Set<string>();
  private readonly byOrcid = new Map<string, string>();
  private readonly byOpenAlex = new Map<string, string>();
  private readonly small = new Map<string, Set<string>>();
  private readonly terms = new Map<string, number>();
  /** TopicPair counters by confidence grade, as topic-pairs.ts keeps them online. */
  private readonly pairs = new Map<string, number[]>();
  private readonly csv = new Map<string, CsvFile>();
  private readonly refs: LineFile;
  private readonly dups: LineFile;
  private readonly listed = new Set<string>();
  private authorships = 0;
  private readonly model = activeModel()?.model.version ?? null;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.refs = new LineFile(join(dir, 'references.tsv'));
    this.dups = new LineFile(join(dir, 'duplicates.jsonl'));
  }

  private file(name: string, header: readonly string[]): CsvFile {
    let f = this.csv.get(name);
    if (!f) {
      f = new CsvFile(join(this.dir, `${name}.csv`), header);
      this.csv.set(name, f);
    }
    return f;
  }

  /** Writes a node row once per id (venues, optimizers, topics… named by many papers). */
  private once(label: Label, id: string, header: readonly string[], row: () => Cell[]): void {
    const seen = this.small.get(label) ?? new Set<string>();
    this.small.set(label, seen);
    if (seen.has(id)) return;
    seen.add(id);
    this.file(label, header).row(row());
  }

  private rel(type: RelType | 'REFERS_TO', from: Label, to: Label, values: Cell[], extra: string[] = []) {
    this.file(type, [`:START_ID(${from})`, `:END_ID(${to})`, ...extra]).row(values);
  }

  /** A list (source) with its topics and sections. */
  addStructure(list: ListRow & { format?: string }, topics: TopicRow[], sections: SectionRow[]): void {
    this.once('List', list.id, ['id:ID(List)', 'name', 'title', 'format', 'importedAt:datetime'], () => [
      list.id,
      list.name,
      list.title,
      list.format ?? null,
      new Date().toISOString(),
    ]);
    for (const t of topics)
      this.once('Topic', t.id, ['id:ID(Topic)', 'name', 'facet'], () => [t.id, t.name, t.facet]);
    for (const s of sections) {
      const header = [
        'id:ID(Section)',
        'code',
        'title',
        'order:int',
        'depth:int',
        'listId',
        'descriptionEn',
        'descriptionZh',
      ];
      this.once('Section', s.id, header, () => {
        this.rel('IN_LIST', 'Section', 'List', [s.id, list.id]);
        if (s.parentId) this.rel('SUBSECTION_OF', 'Section', 'Section', [s.id, s.parentId]);
        for (const t of s.topicIds) this.rel('COVERS', 'Section', 'Topic', [s.id, t]);
        return [s.id, s.code, s.title, s.order, s.depth, list.id, s.descriptionEn, s.descriptionZh];
      });
    }
  }

  /**
   * Papers of one batch, in order; a row naming a paper already written goes to the duplicates
   * file. `terms`, when given, are each row's terms (termsOf), computed on a parse thread.
   */
  addPapers(rows: readonly PaperRow[], terms?: readonly string[][]): void {
    rows.forEach((row, i) => {
      const id = this.resolve(row);
      if (id === null) this.dups.line(JSON.stringify(row));
      else this.writePaper({ ...row, id }, row.id, terms?.[i]);
    });
  }

  /** The id a new paper is stored under, or null when it is one already written. */
  private resolve(row: PaperRow): string | null {
    for (const k of keysOf(row)) if (this.byKey.has(k)) return null;
    const same = this.byId.get(row.id);
    if (same === undefined) return row.id;
    if (yearsAgree(this.years[same], row.year)) return null;
    const alt = `${row.id}-${row.year}`;
    return this.byId.has(alt) ? null : alt;
  }

  private writePaper(p: PaperRow, askedAs: string, terms?: string[]): void {
    const index = this.ids.push(p.id) - 1;
    this.years.push(p.year);
    for (const k of keysOf(p)) this.byKey.set(k, index);
    this.byId.set(p.id, index);
    if (!this.byId.has(askedAs)) this.byId.set(askedAs, index);

    const props = rowProps(p) as Record<string, Cell>;
    const words = terms ?? termsOf(p.title, p.abstract, ...(p.keywords ?? []));
    for (const w of words) this.terms.set(w, (this.terms.get(w) ?? 0) + 1);
    const derived: Record<string, Cell> = { newest: newestKeyOf(p.year, p.title), terms: words };
    this.file('Paper', ['id:ID(Paper)', ...PAPER_COLUMNS]).row([
      p.id,
      ...PAPER_COLUMNS.map(columnName).map((c) => (c in derived ? derived[c] : props[c])),
    ]);

    const seenAuthors = new Set<string>();
    for (const a of p.authors) {
      const id =
        (a.orcid && this.byOrcid.get(a.orcid)) || (a.openAlexId && this.byOpenAlex.get(a.openAlexId)) || a.id;
      if (a.orcid && !this.byOrcid.has(a.orcid)) this.byOrcid.set(a.orcid, id);
      if (a.openAlexId && !this.byOpenAlex.has(a.openAlexId)) this.byOpenAlex.set(a.openAlexId, id);
      if (!this.authorIds.has(id)) {
        this.authorIds.add(id);
        this.file('Author', ['id:ID(Author)', 'name', 'orcid', 'openAlexId']).row([
          id,
          a.name,
          a.orcid ?? null,
          a.openAlexId ?? null,
        ]);
      }
      // One authorship per person and paper, as the online MERGE keeps it (the last position given).
      if (seenAuthors.has(id)) continue;
      seenAuthors.add(id);
      this.authorships++;
      this.rel('AUTHORED', 'Author', 'Paper', [id, p.id, a.position], ['position:int']);
    }
    if (p.venue) {
      const v = p.venue;
      this.once('Venue', v.id, ['id:ID(Venue)', 'name', 'kind'], () => [v.id, v.name, v.kind]);
      this.rel('PUBLISHED_IN', 'Paper', 'Venue', [p.id, v.id]);
    }
    for (const o of new Map(p.optimizers.map((o) => [o.id, o])).values()) {
      this.once('Optimizer', o.id, ['id:ID(Optimizer)', 'name'], () => [o.id, o.name]);
      this.rel('MENTIONS', 'Paper', 'Optimizer', [p.id, o.id, o.via], ['via']);
    }
    this.rel('STATED_IN', 'Paper', 'List', [p.id, p.listId]);
    if (p.sectionId) {
      this.rel('LISTED_IN', 'Paper', 'Section', [p.id, p.sectionId, p.order], ['order:int']);
      this.listed.add(p.id);
    }
    const about = new Map<string, number>();
    const header = ['source', 'confidence:double', 'evidence:string[]', 'model'];
    for (const t of new Set(p.topicIds)) {
      about.set(t, GRADES);
      this.rel(
        'ABOUT',
        'Paper',
        'Topic',
        [p.id, t, 'SECTION', 1, p.statedBy.map((x) => `section: ${x}`), null],
        header,
      );
    }
    for (const x of p.inferred) {
      if (about.has(x.topic)) continue;
      about.set(x.topic, Math.floor(x.confidence * GRADES + 1e-9));
      this.rel(
        'ABOUT',
        'Paper',
        'Topic',
        [p.id, x.topic, 'INFERRED', x.confidence, x.evidence, this.model],
        header,
      );
    }
    for (const [a, ga] of about)
      for (const [b, gb] of about) {
        if (a > b) continue;
        const id = topicPairId(a, b);
        const counts = this.pairs.get(id) ?? new Array<number>(GRADES + 1).fill(0);
        counts[Math.min(ga, gb)] = (counts[Math.min(ga, gb)] ?? 0) + 1;
        this.pairs.set(id, counts);
      }
    for (const key of p.references) this.refs.line(`${index}\t${key}`);
  }

  /** The paper a reference key names, if it is in the files. */
  private cited(key: string): number | undefined {
    return key.startsWith('id:') ? this.byId.get(key.slice(3)) : this.byKey.get(key);
  }

  /**
   * Closes the paper files, then writes the counted nodes (terms, topic pairs) and the citations:
   * a CITES edge when the cited work is in the files, else a pending (:Ref {key}), as the online
   * write keeps them (citations.ts).
   */
  async finish(): Promise<GraphFiles> {
    this.refs.close();
    this.dups.close();
    for (const [id, n] of this.terms) this.file('Term', ['id:ID(Term)', 'papers:int']).row([id, n]);
    for (const [id, n] of this.pairs)
      this.file('TopicPair', ['id:ID(TopicPair)', 'byGrade:int[]']).row([id, n.map(String)]);
    const pending = new Set<string>();
    let citations = 0;
    let current = -1;
    let seen = new Set<number | string>();
    const lines = createInterface({
      input: createReadStream(this.refs.path),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      const tab = line.indexOf('\t');
      const from = Number(line.slice(0, tab));
      const key = line.slice(tab + 1);
      if (from !== current) {
        current = from;
        seen = new Set();
      }
      const to = this.cited(key);
      if (to === from) continue;
      if (to !== undefined) {
        if (seen.has(to)) continue;
        seen.add(to);
        citations++;
        this.rel('CITES', 'Paper', 'Paper', [this.ids[from] as string, this.ids[to] as string]);
      } else if (!seen.has(key)) {
        seen.add(key);
        if (!pending.has(key)) {
          pending.add(key);
          this.file('Ref', ['key:ID(Ref)']).row([key]);
        }
        this.rel('REFERS_TO', 'Paper', 'Ref', [this.ids[from] as string, key]);
      }
    }
    for (const f of this.csv.values()) f.close();
    const files = [...this.csv.entries()].map(([name, f]) => ({ name, file: f.path, rows: f.rows }));
    const labels = new Set<string>([
      'Paper',
      'Author',
      'Venue',
      'Optimizer',
      'List',
      'Topic',
      'Section',
      'Term',
      'TopicPair',
      'Ref',
    ]);
    return {
      nodes: files
        .filter((f) => labels.has(f.name))
        .map((f) => ({ label: f.name as Label, file: f.file, rows: f.rows })),
      relationships: files
        .filter((f) => !labels.has(f.name))
        .map((f) => ({ type: f.name as RelType, file: f.file, rows: f.rows })),
      duplicates: { file: this.dups.path, rows: this.dups.rows },
      listed: [...this.listed],
      multiline: [...this.csv.values()].some((f) => f.multiline),
      counts: {
        papers: this.ids.length,
        authors: this.authorIds.size,
        authorships: this.authorships,
        citations,
        pendingRefs: pending.size,
      },
    };
  }
}
