import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJava, ensureNeo4jJars, NEO4J_VERSION } from '../../src/neo4j-server/install.js';
import { findOnPath, MAVEN_VERSION } from '../../src/neo4j-server/maven.js';

const scratch = mkdtempSync(join(tmpdir(), 'paper-graph-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH with every command of this machine's PATH except mvn (links in one folder). */
function pathWithout(command: string): string {
  const bin = join(scratch, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir)) {
      if (name === command || existsSync(join(bin, name))) continue;
      try {
        symlinkSync(join(dir, name), join(bin, name));
      } catch {
        // A name that appeared twice on the PATH: the first one wins, as in a shell.
      }
    }
  }
  return bin;
}

describe('fetching the Neo4j server', () => {
  it('fetches the jars with no mvn on the PATH, through Maven fetched from Maven Central into the cache', async () => {
    const path = pathWithout('mvn');
    expect(findOnPath('mvn', path)).toBeNull();
    expect(findOnPath('java', path)).not.toBeNull();
    const cache = join(scratch, 'cache');
    const said: string[] = [];
    const lib = await ensureNeo4jJars(cache, (m) => said.push(m), { path });
    expect(existsSync(join(cache, `maven-${MAVEN_VERSION}`, 'bin', 'mvn'))).toBe(true);
    expect(readdirSync(lib).filter((f) => f.startsWith(`neo4j-${NEO4J_VERSION}`))).not.toEqual([]);
    expect(said[0]).toMatch(/^Maven is not installed: fetching Apache Maven .* from Maven Central/);
    // A second call finds everything in the cache and says nothing.
    const again: string[] = [];
    expect(await ensureNeo4jJars(cache, (m) => again.push(m), { path })).toBe(lib);
    expect(again).toEqual([]);
  }, 600_000);

  it('says how to install Java, one line per system, when there is none', async () => {
    await expect(checkJava(join(scratch, 'no-such-java'))).rejects.toThrow(
      /Java was not found .*\n {2}Debian\/Ubuntu: .*apt-get install -y openjdk-17-jre-headless.*\n {2}macOS: .*brew install openjdk@17.*\n {2}SDKMAN: .*sdk install java 17/,
    );
  });
});
