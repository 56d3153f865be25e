import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../config.js';

const run = promisify(execFile);

/** The Apache Maven release fetched when none is installed; Maven Central serves it like any artifact. */
export const MAVEN_VERSION = '3.9.9';
export const MAVEN_CENTRAL = 'https://repo.maven.apache.org/maven2';

/** The first `name` on a PATH, or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const ext of exts) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  }
  return null;
}

/**
 * The `mvn` to run: the one on PATH when there is one; otherwise Apache Maven itself, fetched once
 * from Maven Central into the cache and checked against its published SHA-512 — what the Maven
 * Wrapper does, without a committed script that needs curl or wget.
 */
export async function mavenCommand(
  cacheDir: string,
  log: (msg: string) => void = () => {},
  opts: { path?: string; central?: string } = {},
): Promise<string> {
  const onPath = findOnPath('mvn', opts.path ?? process.env.PATH);
  if (onPath) return onPath;
  const home = join(cacheDir, `maven-${MAVEN_VERSION}`);
  const bin = join(home, 'bin', process.platform === 'win32' ? 'mvn.cmd' : 'mvn');
  if (existsSync(join(home, '.complete'))) return bin;
  const central = opts.central ?? MAVEN_CENTRAL;
  const url = `${central}/org/apache/maven/apache-maven/${MAVEN_VERSION}/apache-maven-${MAVEN_VERSION}-bin.tar.gz`;
  log(
    `Maven is not installed: fetching Apache Maven ${MAVEN_VERSION} from Maven Central into ${home} (once)…`,
  );
  const staging = `${home}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const [archive, expected] = await Promise.all([download(url), download(`${url}.sha512`)]);
    const want = expected.toString('utf8').trim().split(/\s+/)[0]?.toLowerCase();
    const got = createHash('sha512').update(archive).digest('hex');
    if (got !== want)
      throw new Error(
        `the download's SHA-512 is ${got.slice(0, 16)}…, Maven Central says ${want?.slice(0, 16)}…`,
      );
    const file = join(staging, 'maven.tar.gz');
    await writeFile(file, archive);
    // tar ships with Linux, macOS and Windows 10+; a JS untar would be one more dependency for one call.
    await run('tar', ['-xzf', file, '-C', staging, '--strip-components=1'], { timeout: 120_000 });
    await rm(file);
    await writeFile(join(staging, '.complete'), `${MAVEN_VERSION}\n`);
    await rm(home, { recursive: true, force: true });
    await mkdir(dirname(home), { recursive: true });
    await rename(staging, home);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw new ConfigError(
      `Could not fetch Apache Maven ${MAVEN_VERSION} from Maven Central (${url}): ${(err as Error).message}. The managed Neo4j needs it once to fetch its jars: check the connection to Maven Central, install Maven yourself (for example "apt-get install -y maven" or "brew install maven"), or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  return bin;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5 * 60_000) });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
