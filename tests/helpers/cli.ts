import { spawn } from 'node:child_process';
import { neo4jEnv } from './neo4j.js';

/** Runs a command-line tool of src/cli against the test server (NEO4J_URI), as `npm run …` would. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...neo4jEnv(), ...env },
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
