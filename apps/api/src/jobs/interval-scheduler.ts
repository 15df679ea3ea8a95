/**
 * The in-process job runner for PGlite. PGlite is one in-process connection, so pg-boss (which
 * needs a PostgreSQL server, its own connections and LISTEN/NOTIFY) cannot run on it, and there is
 * only ever one process. This runs each job on a timer instead — at start, then every
 * `intervalSeconds` — never two runs of the same job at once. A failed run is logged and the next
 * tick tries again.
 */
import type { Logger } from '../logger.js';
import type { BackgroundJob } from './background-jobs.js';
import type { JobRunner } from './job-runner.js';

export function startIntervalScheduler(jobs: BackgroundJob[], { logger, clock = () => new Date() }: { logger: Logger; clock?: () => Date }): JobRunner {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  let isStopped = false;

  const runOnce = (job: BackgroundJob) => {
    if (isStopped || busy.has(job.name)) return;
    busy.add(job.name);
    const run = job
      .run(clock())
      .then(
        (result) => logger.debug(`Job ${job.name} done`, result),
        (error: unknown) => logger.error(`Job ${job.name} failed`, error),
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
