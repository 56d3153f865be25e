import { type ChildProcess, spawn } from 'node:child_process';
import { neo4jEnv } from './neo4j.js';

/** A command of src/cli running against the test server, with what it has printed so far. */
export interface RunningCli {
  child: ChildProcess;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** Starts a command-line tool of src/cli against the test server (NEO4J_URI), as `npm run …` would. */
export function startCli(script: string, args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...neo4jEnv(), ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => {
    out.stdout += d;
  });
  child.stderr.on('data', (d) => {
    out.stderr += d;
  });
  return { child, out, exited: new Promise((res) => child.on('exit', (code) => res(code))) };
}

/** Runs a command-line tool of src/cli to its end. */
export async function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = startCli(script, args, env);
  const code = await run.exited;
  return { code, ...run.out };
}
