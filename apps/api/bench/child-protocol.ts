/**
 * The messages between bench-command.ts and its server children (the API and the baseline), over
 * the IPC pipe of fork(): readiness, the statement counter with the process's CPU time, and a
 * clean stop.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ChildRequest =
  { type: 'count'; id: number } | { type: 'record'; id: number; on: boolean } | { type: 'stop' };

/** What a child answers; `reply` stamps a count with the child's CPU time. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'count'; id: number; count: number; recorded: string[] };

export type ChildReply =
  | Extract<ChildMessage, { type: 'ready' }>
  | (Extract<ChildMessage, { type: 'count' }> & { cpuMicros: number });

/** The CPU time this process has used so far (user + system, all its threads), in microseconds. */
export function processCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** In a child: sends a reply to the parent. */
export function reply(message: ChildMessage): void {
  process.send?.(
    message.type === 'count' ? { ...message, cpuMicros: processCpuMicros() } : message,
  );
}

export interface ServerChild {
  readonly name: string;
  readonly port: number;
  /**
   * The statement counter's value now (and the statements' text while recording), with the CPU
   * time the child has used so far: two readings around a load give the server's CPU for it.
   */
  count(): Promise<{ count: number; recorded: string[]; cpuMicros: number }>;
  /** Resets the counter and turns text recording on or off. */
  record(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** Starts `bench/<file>` under tsx with NODE_ENV=production and waits for its `ready`. */
export async function startServerChild(
  name: string,
  file: string,
  args: string[],
  options: { cpuProfileDir?: string } = {},
): Promise<ServerChild> {
  const execArgv = ['--import', 'tsx'];
  // One directory per child: Node writes one profile per thread (tsx's loader thread too).
  if (options.cpuProfileDir)
    execArgv.push(
      '--cpu-prof',
      `--cpu-prof-dir=${join(options.cpuProfileDir, `${name}-${Date.now()}`)}`,
    );
  const child: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    cwd: API_DIR,
    execArgv,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, (reply: Extract<ChildReply, { type: 'count' }>) => void>();
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exitedPromise.then(() => {
    exited = true;
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: ChildReply) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      } else pending.get(message.id)?.(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready`));
    });
  });

  const ask = (request: ChildRequest & { id: number }) =>
    new Promise<Extract<ChildReply, { type: 'count' }>>((resolve, reject) => {
      if (exited) {
        reject(new Error(`${name} is not running`));
        return;
      }
      pending.set(request.id, (message) => {
        pending.delete(request.id);
        resolve(message);
      });
      child.send(request);
    });

  return {
    name,
    port,
    count: async () => {
      const { count, recorded, cpuMicros } = await ask({ type: 'count', id: nextId++ });
      return { count, recorded, cpuMicros };
    },
    record: async (on) => {
      await ask({ type: 'record', id: nextId++, on });
    },
    stop: async () => {
      if (exited) return;
      child.send({ type: 'stop' } satisfies ChildRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}
