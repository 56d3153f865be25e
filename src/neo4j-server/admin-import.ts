import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ConfigError } from '../config.js';
import { layout } from './files.js';
import { checkJava, ensureNeo4jJars, javaBinary, tail } from './install.js';
import { watchPeakRss } from './peak-rss.js';

export interface AdminImportInput {
  /** The managed data folder (its server must be stopped). */
  dataDir: string;
  cacheDir: string;
  database: string;
  nodes: ReadonlyArray<{ label: string; file: string }>;
  relationships: ReadonlyArray<{ type: string; file: string }>;
  /** Written as --array-delimiter (a character, or U+XXXX). */
  arrayDelimiter: string;
  /** Some value holds a line break (slower: the tool cannot split a file at line ends). */
  multiline: boolean;
  /** Off-heap memory the import may use, e.g. '512m' (its default is 90% of free memory). */
  offHeap?: string;
  heap?: string;
  log?: (msg: string) => void;
}

export interface AdminImportResult {
  seconds: number;
  /** Peak resident memory of the import's JVM, in MB (VmHWM, polled). */
  peakRssMb: number;
}

/**
 * Runs `neo4j-admin database import full` (the import tool is among the managed server's jars)
 * into the managed data folder, replacing the named database with the files' graph. The caller
 * stops the server first and starts it after.
 */
export async function adminImport(o: AdminImportInput): Promise<AdminImportResult> {
  const l = layout(resolve(o.dataDir));
  const java = javaBinary();
  await checkJava(java);
  const lib = await ensureNeo4jJars(o.cacheDir, o.log ?? (() => {}));
  const report = resolve(l.logs, 'bulk-import.report');
  const delimiter = `U+${o.arrayDelimiter.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
  const args = [
    `-Xmx${o.heap ?? '768m'}`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-cp',
    `${lib}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    o.database,
    '--overwrite-destination=true',
    `--array-delimiter=${delimiter}`,
    ...(o.multiline ? ['--multiline-fields=true'] : []),
    `--max-off-heap-memory=${o.offHeap ?? '384m'}`,
    `--report-file=${report}`,
    ...o.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...o.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
  const t0 = performance.now();
  const child = spawn(java, args, {
    env: { ...process.env, NEO4J_HOME: l.root, NEO4J_CONF: l.conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const peakRss = watchPeakRss(child.pid);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const peakRssMb = peakRss();
  if (code !== 0)
    throw new ConfigError(`neo4j-admin database import failed (exit ${code}):\n${tail(output, 15)}`);
  return { seconds: (performance.now() - t0) / 1000, peakRssMb };
}
