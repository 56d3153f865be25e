import { spawn } from 'node:child_process';
import { neo4jTarget } from './neo4j.js';

/** Runs a command-line tool of src/cli against the test server (NEO4J_URI), as `npm run …` would. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const t = neo4jTarget();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      NEO4J_URI: t.uri,
      NEO4J_USER: t.user,
      NEO4J_PASSWORD: t.password,
      NEO4J_DATABASE: t.database,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((res) => child.on('exit', (code) => res({ code, stdout, stderr })));
}
