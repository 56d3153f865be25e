import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tail } from './install.js';

/** What a running managed server leaves in its data folder so other commands can attach to it. */
export interface ServerRecord {
  uri: string;
  javaPid: number;
  ownerPid: number;
  version: string;
  startedAt: string;
}

export interface Credentials {
  user: string;
  password: string;
}

/** Paths inside one managed data folder. */
export function layout(dataDir: string) {
  return {
    root: dataDir,
    conf: join(dataDir, 'conf'),
    confFile: join(dataDir, 'conf', 'neo4j.conf'),
    data: join(dataDir, 'data'),
    authIni: join(dataDir, 'data', 'dbms', 'auth.ini'),
    logs: join(dataDir, 'logs'),
    run: join(dataDir, 'run'),
    plugins: join(dataDir, 'plugins'),
    import: join(dataDir, 'import'),
    console: join(dataDir, 'logs', 'console.log'),
    record: join(dataDir, 'server.json'),
    credentials: join(dataDir, 'credentials.json'),
    lock: join(dataDir, 'neo4j-start.lock'),
  };
}
export type Layout = ReturnType<typeof layout>;

/** Creates the folders Neo4j expects under the data folder. */
export async function makeFolders(l: Layout): Promise<void> {
  for (const dir of [l.conf, l.data, l.logs, l.run, l.plugins, l.import])
    await mkdir(dir, { recursive: true });
}

export interface ConfOptions {
  boltPort: number;
  heap: string;
  pageCache: string;
}

/**
 * Writes neo4j.conf on every start, since the Bolt port can change between starts.
 * Loopback only, HTTP off, auth on; memory sized for a small shared machine.
 */
export async function writeConf(l: Layout, o: ConfOptions): Promise<void> {
  const lines = [
    '# Written by paper-graph on every start of the managed server; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.heap.initial_size=${o.heap}`,
    `server.memory.heap.max_size=${o.heap}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    // Bulk imports (thousands of papers in one transaction) need more than Neo4j's small default.
    'dbms.memory.transaction.total.max=1g',
    'dbms.usage_report.enabled=false',
    'dbms.transaction.timeout=60s',
    // A read that waits for a bookmark gives up after 2 s rather than Neo4j's 30 s (the API answers
    // BOOKMARK_TIMEOUT at 2 s whatever the server says; this frees the server's side as soon).
    'db.transaction.bookmark_ready_timeout=2s',
    // Netty's default 5 s quiet period per connector makes every stop take 10 s; nothing needs it here.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    `server.directories.data=${l.data}`,
    `server.directories.logs=${l.logs}`,
    `server.directories.run=${l.run}`,
    `server.directories.plugins=${l.plugins}`,
    `server.directories.import=${l.import}`,
  ];
  await writeFile(l.confFile, `${lines.join('\n')}\n`);
}

/** Reads the stored credentials, or creates new ones (mode 0600) when the folder has none. */
export async function loadOrCreateCredentials(l: Layout): Promise<{ creds: Credentials; created: boolean }> {
  if (existsSync(l.credentials)) {
    return { creds: JSON.parse(await readFile(l.credentials, 'utf8')) as Credentials, created: false };
  }
  // Hex, so the password never starts with '-' (neo4j-admin would read it as an option).
  const creds = { user: 'neo4j', password: randomBytes(24).toString('hex') };
  await writeFile(l.credentials, `${JSON.stringify(creds)}\n`, { mode: 0o600 });
  return { creds, created: true };
}

/** The live server record, or null when there is none. */
export function readRecord(l: Layout): ServerRecord | null {
  try {
    return JSON.parse(readFileSync(l.record, 'utf8')) as ServerRecord;
  } catch {
    return null;
  }
}

export async function writeRecord(l: Layout, r: ServerRecord): Promise<void> {
  await writeFile(l.record, `${JSON.stringify(r, null, 2)}\n`, { mode: 0o600 });
}

export async function removeRecord(l: Layout): Promise<void> {
  await rm(l.record, { force: true });
}

/** Whether a process with this pid exists (signal 0 tests without sending anything). */
export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The tail of what Neo4j wrote (its console, neo4j.log and the errors in debug.log), for error messages. */
export function logTail(l: Layout, lines = 15): string {
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  const debugErrors = read(join(l.logs, 'debug.log'))
    .split('\n')
    .filter((x) => / ERROR /.test(x))
    .join('\n');
  const text = [read(l.console), read(join(l.logs, 'neo4j.log')), debugErrors].join('\n');
  return tail(text, lines) || '(Neo4j wrote no log)';
}
