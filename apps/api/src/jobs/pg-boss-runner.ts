/**
 * The job runner on PostgreSQL: pg-boss (its tables live in the `pgboss` schema, created on first
 * start). Every process that runs jobs — the API by default, and any `worker` — does the same:
 * each job has a `stately` queue (at most one queued and one running job, cluster-wide), every
 * process offers a job once per interval with `sendThrottled` (one job per interval slot however
 * many processes offer it), and every process works the queues; pg-boss hands each job to one of
 * them. A run that throws is logged and marked failed; it is retried once, an interval later.
 *
 * A worker that dies mid-run (killed, machine lost) leaves its job `active`: after the lease
 * (JOB_LEASE_SECONDS, or five intervals if longer) pg-boss's maintenance, which runs in every
 * process at least that often, expires it and another worker runs the retry. What the run had
 * claimed is safe either way: due transitions commit batch by batch (a batch in flight rolls back)
 * and a webhook attempt's claim lapses after the same lease.
 */
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { BackgroundJob } from './background-jobs.js';
import { runBackgroundJob } from './background-jobs.js';
import type { JobRunner } from './job-runner.js';

export interface PgBossRunnerOptions {
  connectionString: string;
  logger: Logger;
  metrics?: Pick<Metrics, 'recordJobRun'> | undefined;
  clock?: () => Date;
  /** How long a running job is its worker's before it expires and is retried elsewhere (default 60). */
  leaseSeconds?: number;
  /** How often workers look for jobs (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
}

export async function startPgBossRunner(jobs: BackgroundJob[], options: PgBossRunnerOptions): Promise<JobRunner> {
  const { logger, metrics, clock = () => new Date(), leaseSeconds = 60 } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 3,
    application_name: 'switchyard-jobs',
    // Expired jobs are found by maintenance: look at least once a lease.
    maintenanceIntervalSeconds: Math.min(120, leaseSeconds),
  });
  boss.on('error', (error) => logger.error('pg-boss', error));
  await boss.start();

  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const queue = { policy: 'stately' as const, retryLimit: 1, retryDelay: Math.ceil(job.intervalSeconds), expireInSeconds: Math.max(leaseSeconds, Math.ceil(job.intervalSeconds * 5)) };
    await createQueueOnce(boss, job.name, queue);
    // createQueue leaves an existing queue as it was: bring its settings up to date.
    await boss.updateQueue(job.name, { name: job.name, ...queue });
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? Math.max(0.5, Math.min(job.intervalSeconds, 2));
    await boss.work(job.name, { pollingIntervalSeconds, batchSize: 1 }, async ([claimed]) => {
      await runBackgroundJob(job, { now: clock(), logger, metrics, ...(claimed ? { jobId: claimed.id } : {}) });
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
    async stop({ timeoutMs = 30_000 } = {}) {
      for (const timer of timers) clearInterval(timer);
      // graceful: running handlers finish; wait: resolve only once stopped.
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

/** PostgreSQL errors of two processes creating the same queue at once: deadlock, duplicate row or partition. */
const CONCURRENT_CREATION_CODES = new Set(['40P01', '23505', '42P07']);

/**
 * Workers starting together on a fresh database race to create the same queue (a row and a
 * partition table); the loser gets a deadlock or a duplicate error. Trying again finds the queue
 * made, and pg-boss leaves it be.
 */
async function createQueueOnce(boss: PgBoss, name: string, queue: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(name, { name, ...queue });
      return;
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (attempt >= 5 || typeof code !== 'string' || !CONCURRENT_CREATION_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
