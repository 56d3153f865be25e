import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError } from '../config.js';
import { mavenCommand } from './maven.js';

const run = promisify(execFile);

/** The Neo4j Community release the managed server runs; the pom beside this file pins the same one. */
export const NEO4J_VERSION = '5.26.30';
const POM = join(dirname(fileURLToPath(import.meta.url)), 'neo4j-server.pom.xml');

/** The java binary to use: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on PATH. */
export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Checks that Java 17 or 21 (the versions Neo4j 5.26 supports) is installed; returns its major version. */
export async function checkJava(java: string): Promise<number> {
  let out: string;
  try {
    // `java -version` writes to stderr.
    const r = await run(java, ['-version'], { timeout: 30_000 });
    out = `${r.stderr}${r.stdout}`;
  } catch (err) {
    throw new ConfigError(
      [
        `Java was not found (tried "${java}": ${(err as Error).message.split('\n')[0]}). The managed local Neo4j ${NEO4J_VERSION} needs Java 17 or 21:`,
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
        '  macOS: brew install openjdk@17 (then put its bin folder on the PATH, or set JAVA_HOME)',
        '  SDKMAN: sdk install java 17.0.13-tem',
        'or set JAVA_HOME to a Java 17/21 JDK, or NEO4J_URI to use an existing Neo4j server instead.',
      ].join('\n'),
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : Number.NaN;
  if (major !== 17 && major !== 21) {
    throw new ConfigError(
      `Java ${Number.isNaN(major) ? 'of an unknown version' : major} was found at "${java}", but Neo4j ${NEO4J_VERSION} runs on Java 17 or 21 only. Point JAVA_HOME at a Java 17 or 21 JDK, or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  return major;
}

/** Folder holding the server's jars for this version inside the cache. */
export function libDir(cacheDir: string): string {
  return join(cacheDir, `neo4j-${NEO4J_VERSION}`, 'lib');
}

/**
 * Makes sure the Neo4j jars are in the cache, fetching them from Maven Central with `mvn` once
 * (the one on the PATH, else Apache Maven itself fetched into the cache: see maven.ts).
 * The jars land in a temporary folder first and are renamed into place, so an interrupted
 * download never looks complete.
 */
export async function ensureNeo4jJars(
  cacheDir: string,
  log: (msg: string) => void = () => {},
  opts: { path?: string } = {},
): Promise<string> {
  const lib = libDir(cacheDir);
  const marker = join(lib, '.complete');
  if (existsSync(marker)) return lib;
  const path = opts.path ?? process.env.PATH ?? '';
  const mvn = await mavenCommand(cacheDir, log, { path });
  const staging = `${lib}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  log(
    `Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central into ${lib} (once; later starts use the cache)…`,
  );
  try {
    await run(
      mvn,
      [
        '-B',
        '-q',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-Dneo4j.version=${NEO4J_VERSION}`,
        '-DincludeScope=runtime',
        `-DoutputDirectory=${staging}`,
      ],
      { timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, PATH: path } },
    );
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException & { stdout?: string };
    const why =
      e.code === 'ENOENT'
        ? `${mvn} could not be run`
        : `mvn failed: ${tail(`${e.stdout ?? ''}`, 6) || e.message}`;
    throw new ConfigError(
      `Could not fetch Neo4j ${NEO4J_VERSION} from Maven Central: ${why}. Check the connection to Maven Central, or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  const jars = (await readdir(staging)).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(`neo4j-${NEO4J_VERSION}`))) {
    throw new ConfigError(`Maven finished but the Neo4j server jar is missing from ${staging}.`);
  }
  await writeFile(join(staging, '.complete'), `${jars.length} jars\n`);
  await rm(lib, { recursive: true, force: true });
  await mkdir(dirname(lib), { recursive: true });
  await rename(staging, lib);
  return lib;
}

/** The last n non-empty lines of a text, for error messages. */
export function tail(text: string, n: number): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n');
}
