/**
 * The in-process job runner for PGlite. PGlite is one in-process connection, so pg-boss (which
 * needs a PostgreSQL server, its own connections and LISTEN/NOTIFY) cannot run on it, and there is
 * only ever one process. This runs each job on a timer instead — at start, then every
 * `intervalSeconds` — never two runs of the same job at once. A failed run is logged and the next
 * tick tries again. `stop()` waits for the runs in progress (graceful shutdown).
 */
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { BackgroundJob } from './background-jobs.js';
import { runBackgroundJob } from './background-jobs.js';
import type { JobRunner } from './job-runner.js';

export interface IntervalSchedulerOptions {
  logger: Logger;
  metrics?: Pick<Metrics, 'recordJobRun'> | undefined;
  clock?: () => Date;
}

export function startIntervalScheduler(jobs: BackgroundJob[], { logger, metrics, clock = () => new Date() }: IntervalSchedulerOptions): JobRunner {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  let isStopped = false;

  const runOnce = (job: BackgroundJob) => {
    if (isStopped || busy.has(job.name)) return;
    busy.add(job.name);
    const run = runBackgroundJob(job, { now: clock(), logger, metrics })
      // Logged and counted by runBackgroundJob; the next tick tries again.
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        busy.delete(job.name);
        running.delete(run);
      });
    running.add(run);
  };

  const timers = jobs.map((job) => {
    runOnce(job);
    return setInterval(() => runOnce(job), job.intervalSeconds * 1000);
  });

  return {
    kind: 'interval',
    async stop() {
      isStopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
