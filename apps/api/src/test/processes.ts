/**
 * Real API and worker processes for the tests that need several of them (multi-instance): the same
 * entry points as `pnpm serve` and `pnpm worker`, run as `node --import tsx <file>` — one process
 * each, so a signal reaches it and not a wrapper — with JSON logs collected line by line.
 *
 *   const api = spawnApiProcess({ DATABASE_URL: url, JOBS_ENABLED: 'false' });
 *   const url = await api.url;
 *   api.kill('SIGKILL');
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '../env.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level: string;
  msg: string;
  pid: number;
  [field: string]: unknown;
}

export interface SpawnedProcess {
  readonly pid: number;
  /** Every JSON log line it wrote so far (stderr). */
  readonly logLines: LogLine[];
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the first log line matching, waiting for it up to `timeoutMs`. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

export function spawnProcess(entry: 'src/main.ts' | 'src/jobs/worker.ts', env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: API_DIR,
    env: childProcessEnv({ HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  const logLines: LogLine[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.stderr += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseLogLine(line);
      if (parsed) logLines.push(parsed);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  if (child.pid === undefined) throw new Error(`Could not start ${entry}`);
  return {
    pid: child.pid,
    logLines,
    output,
    exited,
    kill: (signal) => child.kill(signal),
    async waitForLog(matches, timeoutMs = 60_000) {
      await until(() => logLines.some(matches), timeoutMs, () => `no matching log line from ${entry}; stderr:\n${output.stderr.slice(-2000)}`);
      return logLines.find(matches)!;
    },
  };
}

/** An API process; `url` resolves once it serves (its banner names the address). */
export function spawnApiProcess(env: Record<string, string>): SpawnedProcess & { url: Promise<string> } {
  const api = spawnProcess('src/main.ts', env);
  const url = (async () => {
    await until(() => /GraphQL\s+(\S+)\/graphql/.test(api.output.stdout), 90_000, () => `the API did not start; stderr:\n${api.output.stderr.slice(-2000)}`);
    return /GraphQL\s+(\S+)\/graphql/.exec(api.output.stdout)![1]!;
  })();
  return Object.assign(api, { url });
}

/** A JSON log line; anything else a process writes (a warning from Node, say) is kept in `output` only. */
function parseLogLine(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string = () => 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
