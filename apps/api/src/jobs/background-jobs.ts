/**
 * The background jobs, as plain functions of the database and the time, so both runners (pg-boss on
 * PostgreSQL, the interval scheduler on PGlite) and the tests run exactly the same work:
 * - `due-transitions`: `applyDueTransitions` (every minute by default);
 * - `outbox-dispatch`: committed outbox events → webhook deliveries;
 * - `webhook-delivery`: sends the deliveries that are due, and retries;
 * - `subscription-imports`: registers the rows of started CSV imports, batch by batch.
 * Each is safe to run from several processes at once (SKIP LOCKED claims), so an overlap between
 * two workers costs a little work, never a double effect.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { runWithLogContext } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import { applyDueTransitions } from '../services/due-transitions/apply-due-transitions.js';
import { applySubscriptionImports } from '../services/subscription-imports/apply-subscription-imports.js';
import type { WebhookSender } from '../services/webhooks/deliver-webhooks.js';
import { deliverDueWebhooks } from '../services/webhooks/deliver-webhooks.js';
import { dispatchOutboxEvents } from '../services/webhooks/dispatch-outbox-events.js';

export interface BackgroundJob {
  name: string;
  intervalSeconds: number;
  run(now: Date): Promise<unknown>;
}

export interface BackgroundJobOptions {
  dueTransitionsIntervalSeconds: number;
  outboxPollIntervalSeconds: number;
  /** Seams for tests. */
  applyDueTransitions?: (database: Pick<Database, 'db'>, now: Date) => Promise<unknown>;
  sendWebhook?: WebhookSender;
  /** Warns of failed webhook attempts. */
  logger?: Logger;
  /** Counts runs and webhook outcomes (/metrics). */
  metrics?: Pick<Metrics, 'recordJobRun' | 'recordWebhookDeliveries'> | undefined;
  /** How long a claimed webhook attempt stays this worker's (JOB_LEASE_SECONDS). */
  leaseSeconds?: number;
}

export const JOB_NAMES = {
  dueTransitions: 'due-transitions',
  outboxDispatch: 'outbox-dispatch',
  webhookDelivery: 'webhook-delivery',
  subscriptionImports: 'subscription-imports',
} as const;

export function backgroundJobs(database: Database, options: BackgroundJobOptions): BackgroundJob[] {
  const applyTransitions = options.applyDueTransitions ?? applyDueTransitions;
  return [
    { name: JOB_NAMES.dueTransitions, intervalSeconds: options.dueTransitionsIntervalSeconds, run: (now) => applyTransitions(database, now) },
    { name: JOB_NAMES.outboxDispatch, intervalSeconds: options.outboxPollIntervalSeconds, run: (now) => dispatchOutboxEvents(database, { now }) },
    {
      name: JOB_NAMES.webhookDelivery,
      intervalSeconds: options.outboxPollIntervalSeconds,
      run: async (now) => {
        const delivered = await deliverDueWebhooks(database, {
          now,
          ...(options.sendWebhook ? { send: options.sendWebhook } : {}),
          ...(options.leaseSeconds ? { claimLeaseMs: options.leaseSeconds * 1000 } : {}),
        });
        options.metrics?.recordWebhookDeliveries(delivered);
        if (delivered.retrying + delivered.failed > 0) options.logger?.warn('Webhook deliveries failed', delivered);
        return delivered;
      },
    },
    // A started import waits at most one poll interval; its progress shows after every batch.
    { name: JOB_NAMES.subscriptionImports, intervalSeconds: options.outboxPollIntervalSeconds, run: (now) => applySubscriptionImports(database, { now }) },
  ];
}

/**
 * One run of a job, as both runners do it: every line it logs carries the job's name and id
 * (pg-boss's job id, or a fresh one), its start and end are logged, its outcome is counted.
 */
export async function runBackgroundJob(
  job: BackgroundJob,
  { now, jobId = randomUUID(), logger, metrics }: { now: Date; jobId?: string; logger: Logger; metrics?: Pick<Metrics, 'recordJobRun'> | undefined },
): Promise<unknown> {
  return runWithLogContext({ job: job.name, jobId }, async () => {
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    logger.debug(`Job ${job.name} started`);
    try {
      const result = await job.run(now);
      metrics?.recordJobRun(job.name, 'succeeded', seconds());
      logger.debug(`Job ${job.name} done`, result);
      return result;
    } catch (error) {
      metrics?.recordJobRun(job.name, 'failed', seconds());
      logger.error(`Job ${job.name} failed`, error);
      throw error;
    }
  });
}
