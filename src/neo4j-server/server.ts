import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import lockfile from 'proper-lockfile';
import { ConfigError } from '../config.js';
import {
  type Credentials,
  isAlive,
  type Layout,
  layout,
  loadOrCreateCredentials,
  logTail,
  makeFolders,
  readRecord,
  removeRecord,
  writeConf,
  writeRecord,
} from './files.js';
import { checkJava, ensureNeo4jJars, javaBinary, NEO4J_VERSION } from './install.js';
import { assertPortFree, freePort } from './ports.js';

export interface LocalNeo4jOptions {
  dataDir: string;
  cacheDir: string;
  /** A fixed Bolt port; a free one is picked when absent. */
  boltPort?: number;
  /** How long to wait for Bolt to answer before giving up. */
  startTimeoutMs?: number;
  heap?: string;
  pageCache?: string;
  log?: (msg: string) => void;
}

/** A running managed server: either this process started it (owned) or it attached to one already running. */
export interface LocalNeo4j extends Credentials {
  uri: string;
  /** The JVM's pid; a restart after a crash changes it. */
  readonly javaPid: number;
  owned: boolean;
  dataDir: string;
  /** How the server this process runs is doing: up, restarting after a crash, or given up on. */
  health(): Health;
  /** Calls `listener` with the reason each time the server goes down; returns the unsubscribe. */
  onDown(listener: (reason: string) => void): () => void;
  /** Stops the server if this process owns it; a no-op for an attached one. */
  stop(): Promise<void>;
}

export type Health = { state: 'up' } | { state: 'restarting' | 'failed'; reason: string };

/** Restarts allowed within RESTART_WINDOW_MS before the supervisor gives up. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 5 * 60_000;

/**
 * What the supervisor does after a crash, given the times of the crashes so far (this one last):
 * wait 1 s, 2 s, 4 s … at most 30 s before restarting, or give up after MAX_RESTARTS in the window.
 */
export function restartPlan(
  crashes: readonly number[],
  now: number,
): { giveUp: boolean; delayMs: number; recent: number } {
  const recent = crashes.filter((t) => t > now - RESTART_WINDOW_MS).length;
  return {
    giveUp: recent > MAX_RESTARTS,
    delayMs: Math.min(1000 * 2 ** Math.max(0, recent - 1), 30_000),
    recent,
  };
}

/**
 * Starts the managed Neo4j Community server on a data folder, or attaches to the one already
 * running there. One server per data folder: a start lock serialises concurrent starts, and the
 * server record (server.json) lets a second command reuse the running JVM.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const l = layout(resolve(opts.dataDir));
  const log = opts.log ?? (() => {});
  await makeFolders(l);
  // One bound for every start, first or restart: how long a JVM may take to answer Bolt.
  const startTimeoutMs = opts.startTimeoutMs ?? 120_000;
  const unlock = await acquireLock(l, startTimeoutMs);
  try {
    const attached = await attach(l);
    if (attached) return attached;

    const java = javaBinary();
    await checkJava(java);
    const lib = await ensureNeo4jJars(opts.cacheDir, log);
    const { creds, created } = await loadOrCreateCredentials(l);
    if (!existsSync(l.authIni)) await setInitialPassword(java, lib, l, creds.password);
    else if (created) {
      await rm(l.credentials, { force: true });
      throw new ConfigError(
        `${l.root} holds a Neo4j database whose password is not recorded (its credentials.json is missing). Restore that file, or delete the folder to start with an empty database.`,
      );
    }

    const boltPort = opts.boltPort ?? (await freePort());
    await assertPortFree(boltPort);
    await writeConf(l, { boltPort, heap: opts.heap ?? '1g', pageCache: opts.pageCache ?? '512m' });
    const uri = `bolt://127.0.0.1:${boltPort}`;
    const child = spawnServer(java, lib, l);
    const javaPid = child.pid as number;
    await record(l, uri, javaPid);
    const server = owned(l, uri, creds, child, () => spawnServer(java, lib, l), log, startTimeoutMs);
    try {
      await waitForBolt(uri, creds, child, l, startTimeoutMs);
    } catch (err) {
      await server.stop();
      throw err;
    }
    log(`Neo4j ${NEO4J_VERSION} is up at ${uri} (pid ${javaPid}, data in ${l.root}).`);
    server.supervise();
    return server;
  } finally {
    await unlock();
  }
}

/** Reuses a server already running on this data folder, or clears a stale record. */
async function attach(l: Layout): Promise<LocalNeo4j | null> {
  const record = readRecord(l);
  if (!record) return null;
  if (isAlive(record.javaPid) && existsSync(l.credentials)) {
    const creds = JSON.parse(await readFile(l.credentials, 'utf8')) as Credentials;
    if (await answers(record.uri, creds)) {
      return {
        ...creds,
        uri: record.uri,
        javaPid: record.javaPid,
        owned: false,
        dataDir: l.root,
        // The process that started it supervises it; an attached command only sees what the driver sees.
        health: () => ({ state: 'up' }),
        onDown: () => () => {},
        stop: async () => {},
      };
    }
  }
  await removeRecord(l);
  return null;
}

async function record(l: Layout, uri: string, javaPid: number): Promise<void> {
  await writeRecord(l, {
    uri,
    javaPid,
    ownerPid: process.pid,
    version: NEO4J_VERSION,
    startedAt: new Date().toISOString(),
  });
}

/**
 * A server this process started, and supervises: when the JVM exits without being asked (a crash,
 * the OOM killer, kill -9) it is started again on the same port and data folder, where Neo4j
 * recovers its store from the transaction log; see restartPlan for the pace and the limit.
 */
function owned(
  l: Layout,
  uri: string,
  creds: Credentials,
  first: ChildProcess,
  respawn: () => ChildProcess,
  log: (msg: string) => void,
  startTimeoutMs: number,
): LocalNeo4j & { supervise(): void } {
  let child = first;
  let health: Health = { state: 'up' };
  const downListeners = new Set<(reason: string) => void>();
  const setDown = (h: Health & { reason: string }) => {
    health = h;
    for (const l of [...downListeners]) l(h.reason);
  };
  const crashes: number[] = [];
  let stopping: Promise<void> | undefined;
  const exitOf = (c: ChildProcess) =>
    new Promise<void>((res) => {
      if (c.exitCode !== null || c.signalCode !== null) res();
      else c.once('exit', () => res());
    });
  // A synchronous last resort: 'exit' handlers cannot await, but a SIGTERM lets Neo4j shut down cleanly.
  const onExit = () => {
    if (child.pid && isAlive(child.pid)) process.kill(child.pid, 'SIGTERM');
  };
  process.once('exit', onExit);

  const restart = async (why: string) => {
    crashes.push(Date.now());
    const plan = restartPlan(crashes, Date.now());
    if (plan.giveUp) {
      const reason = `The managed Neo4j ${why}, and crashed ${plan.recent} times in ${RESTART_WINDOW_MS / 60_000} minutes; it is not restarted again. Its log ends with: ${logTail(l).split('\n').slice(-3).join(' | ')}`;
      setDown({ state: 'failed', reason });
      log(reason);
      return;
    }
    const reason = `The managed Neo4j ${why}; restarting it in ${plan.delayMs / 1000} s (restart ${plan.recent} of at most ${MAX_RESTARTS} in ${RESTART_WINDOW_MS / 60_000} minutes).`;
    setDown({ state: 'restarting', reason });
    log(reason);
    await sleep(plan.delayMs, true);
    if (stopping) return;
    child = respawn();
    watch(child);
    await record(l, uri, child.pid as number);
    try {
      await waitForBolt(uri, creds, child, l, startTimeoutMs);
      health = { state: 'up' };
      log(`The managed Neo4j is back at ${uri} (pid ${child.pid}).`);
    } catch {
      // It died while starting (its exit restarts it again) or never answered: end it, and the exit does.
      if (child.pid && isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
    }
  };
  const watch = (c: ChildProcess) =>
    c.once('exit', (code, signal) => {
      if (!stopping && c === child) void restart(`exited unexpectedly (${signal ?? `code ${code}`})`);
    });

  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', onExit);
      const c = child;
      const pid = c.pid as number;
      const exited = exitOf(c);
      if (isAlive(pid)) process.kill(pid, 'SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(30_000, true).then(() => false)]);
      if (!killed && isAlive(pid)) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
      if (readRecord(l)?.javaPid === pid) await removeRecord(l);
    })();
    return stopping;
  };
  return {
    ...creds,
    uri,
    get javaPid() {
      return child.pid as number;
    },
    owned: true,
    dataDir: l.root,
    health: () => health,
    onDown: (listener) => {
      downListeners.add(listener);
      return () => downListeners.delete(listener);
    },
    stop,
    // Supervision starts once the first start succeeded: a JVM that cannot start at all is an error to report, not to retry.
    supervise: () => watch(child),
  };
}

/** The watchdog script: a file beside this module, run by sh (scripts/watchdog.sh says what it does). */
const WATCHDOG = fileURLToPath(new URL('./scripts/watchdog.sh', import.meta.url));

/** Starts the JVM in its own process group, plus a watchdog that ends it if this process dies without stopping it. */
function spawnServer(java: string, lib: string, l: Layout): ChildProcess {
  const out = openSync(l.console, 'a');
  const child = spawn(
    java,
    [
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djdk.nio.maxCachedBufferSize=1024',
      '-Dlog4j2.disable.jmx=true',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      `${lib}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${l.root}`,
      `--config-dir=${l.conf}`,
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, NEO4J_HOME: l.root, NEO4J_CONF: l.conf },
    },
  );
  // Watch from outside Node: even a SIGKILLed owner leaves no JVM behind for long.
  const watchdog = spawn('sh', [WATCHDOG, String(process.pid), String(child.pid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return child;
}

/** Sets the neo4j user's password before the first start, so the default password never exists. */
async function setInitialPassword(java: string, lib: string, l: Layout, password: string): Promise<void> {
  await writeConf(l, { boltPort: 7687, heap: '128m', pageCache: '8m' });
  const child = spawn(
    java,
    ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
    {
      env: { ...process.env, NEO4J_HOME: l.root, NEO4J_CONF: l.conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((res) => child.on('close', res));
  if (code !== 0 || !existsSync(l.authIni)) {
    throw new ConfigError(
      `Could not set the managed Neo4j's initial password (exit ${code}): ${output.trim().split('\n')[0]}`,
    );
  }
}

async function waitForBolt(
  uri: string,
  creds: Credentials,
  child: ChildProcess,
  l: Layout,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let delay = 200;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ConfigError(
        `The managed Neo4j exited during start (code ${child.exitCode ?? child.signalCode}). Its log ends with:\n${logTail(l)}`,
      );
    }
    const r = await answers(uri, creds);
    if (r === true) return;
    lastError = r || lastError;
    await sleep(delay);
    delay = Math.min(delay * 1.5, 2000);
  }
  throw new ConfigError(
    `The managed Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (${lastError}). Its log ends with:\n${logTail(l)}`,
  );
}

/** true when Bolt answers with these credentials; otherwise the error message (empty when refused). */
async function answers(uri: string, creds: Credentials): Promise<true | string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(creds.user, creds.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await driver.close();
  }
}

/**
 * Takes the data folder's start lock, waiting while another process holds it. proper-lockfile
 * (an atomic mkdir whose mtime the holder refreshes) tells a crashed holder's lock from a live one
 * by age, so two waiters never both remove a stale lock and both start a JVM.
 */
async function acquireLock(l: Layout, timeoutMs: number): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(l.root, {
      lockfilePath: l.lock,
      stale: 10_000,
      update: 2_000,
      realpath: false,
      retries: { retries: Math.ceil(timeoutMs / 500), factor: 1, minTimeout: 500, maxTimeout: 500 },
      // Losing the lock while starting only matters to a second start, which then waits on server.json.
      onCompromised: () => {},
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    throw new ConfigError(`Another process has been starting Neo4j on ${l.root} for too long.`);
  }
}

/** A timer; `unref` ones do not keep the process alive on their own. */
const sleep = (ms: number, unref = false) =>
  new Promise((r) => {
    const t = setTimeout(r, ms);
    if (unref) t.unref();
  });
