/**
 * Starts the background jobs on the runner the database allows: pg-boss on PostgreSQL (any number
 * of API processes and `worker` processes share the work), the interval scheduler on PGlite (one
 * process: the API itself).
 */
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { backgroundJobs } from './background-jobs.js';
import type { BackgroundJobOptions } from './background-jobs.js';
import { startIntervalScheduler } from './interval-scheduler.js';
import { startPgBossRunner } from './pg-boss-runner.js';

export interface JobRunner {
  readonly kind: 'pg-boss' | 'interval';
  /** Stops taking work and waits for the runs in progress (at most `timeoutMs`, pg-boss only). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface StartJobsOptions extends BackgroundJobOptions {
  logger: Logger;
  /** The PostgreSQL URL pg-boss connects with (its own small pool); required for a PostgreSQL database. */
  databaseUrl?: string | undefined;
}

export async function startJobRunner(database: Database, options: StartJobsOptions): Promise<JobRunner> {
  const jobs = backgroundJobs(database, options);
  const { logger, metrics } = options;
  if (database.kind === 'pglite') return startIntervalScheduler(jobs, { logger, metrics });
  if (!options.databaseUrl) throw new Error('startJobRunner: a PostgreSQL database needs its URL for pg-boss');
  return startPgBossRunner(jobs, { connectionString: options.databaseUrl, logger, metrics, ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}) });
}
