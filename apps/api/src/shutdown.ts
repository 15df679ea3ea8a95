/**
 * Graceful shutdown, shared by the API (main.ts) and the worker (jobs/worker.ts): on SIGTERM or
 * SIGINT, run the steps in order — stop taking work and let what is in flight finish, then close
 * the database — and exit 0; exit 1 if a step fails or if it all takes longer than the timeout
 * (SHUTDOWN_TIMEOUT_SECONDS), so a stuck request or job never keeps a process from stopping.
 */
import type { Logger } from './logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<unknown>;
}

export interface ShutdownOptions {
  logger: Logger;
  timeoutMs: number;
  /** process.exit; tests pass their own. */
  exit?: (code: number) => void;
}

export async function shutDown(steps: ShutdownStep[], { logger, timeoutMs, exit = (code) => process.exit(code) }: ShutdownOptions): Promise<void> {
  const deadline = setTimeout(() => {
    logger.error(`Shutdown did not finish within ${timeoutMs} ms: exiting anyway`);
    exit(1);
  }, timeoutMs);
  try {
    for (const step of steps) {
      logger.info(`Shutdown: ${step.name}`);
      await step.run();
    }
    logger.info('Shutdown complete');
    exit(0);
  } catch (error) {
    logger.error('Shutdown failed', error);
    exit(1);
  } finally {
    clearTimeout(deadline);
  }
}

/** Shuts down once, on the first SIGTERM or SIGINT. */
export function shutDownOnSignals(steps: ShutdownStep[], options: ShutdownOptions): void {
  let isStopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    options.logger.info(`${signal}: finishing the work in flight, then stopping`);
    void shutDown(steps, options);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
