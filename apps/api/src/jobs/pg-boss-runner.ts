/**
 * The job runner on PostgreSQL: pg-boss (its tables live in the `pgboss` schema, created on first
 * start). Every process that runs jobs — the API by default, and any `worker` — does the same:
 * each job has a `stately` queue (at most one queued and one running job, cluster-wide), every
 * process offers a job once per interval with `sendThrottled` (one job per interval slot however
 * many processes offer it), and every process works the queues; pg-boss hands each job to one of
 * them. A run that throws is logged and marked failed; the next interval runs again.
 */
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import type { BackgroundJob } from './background-jobs.js';
import type { JobRunner } from './job-runner.js';

export interface PgBossRunnerOptions {
  connectionString: string;
  logger: Logger;
  clock?: () => Date;
  /** How often workers look for jobs (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
}

export async function startPgBossRunner(jobs: BackgroundJob[], options: PgBossRunnerOptions): Promise<JobRunner> {
  const { logger, clock = () => new Date() } = options;
  const boss = new PgBoss({ connectionString: options.connectionString, max: 3, application_name: 'switchyard-jobs' });
  boss.on('error', (error) => logger.error('pg-boss', error));
  await boss.start();

  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0, expireInSeconds: Math.max(60, job.intervalSeconds * 5) });
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? Math.max(0.5, Math.min(job.intervalSeconds, 2));
    await boss.work(job.name, { pollingIntervalSeconds, batchSize: 1 }, async () => {
      try {
        const result = await job.run(clock());
        logger.debug(`Job ${job.name} done`, result);
      } catch (error) {
        logger.error(`Job ${job.name} failed`, error);
        throw error;
      }
    });
    // pg-boss throttles by whole seconds.
    const slotSeconds = Math.max(1, Math.round(job.intervalSeconds));
    const offer = () => {
      boss.sendThrottled(job.name, {}, {}, slotSeconds).catch((error: unknown) => logger.error(`Job ${job.name}: could not queue`, error));
    };
    offer();
    timers.push(setInterval(offer, job.intervalSeconds * 1000));
  }

  return {
    kind: 'pg-boss',
    async stop() {
      for (const timer of timers) clearInterval(timer);
      // graceful: running handlers finish; wait: resolve only once stopped.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
