/**
 * The background jobs, as plain functions of the database and the time, so both runners (pg-boss on
 * PostgreSQL, the interval scheduler on PGlite) and the tests run exactly the same work:
 * - `due-transitions`: `applyDueTransitions` (every minute by default);
 * - `outbox-dispatch`: committed outbox events → webhook deliveries;
 * - `webhook-delivery`: sends the deliveries that are due, and retries.
 * Each is safe to run from several processes at once (SKIP LOCKED claims), so an overlap between
 * two workers costs a little work, never a double effect.
 */
import type { Database } from '../db/client.js';
import { applyDueTransitions } from '../services/due-transitions/apply-due-transitions.js';
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
}

export const JOB_NAMES = { dueTransitions: 'due-transitions', outboxDispatch: 'outbox-dispatch', webhookDelivery: 'webhook-delivery' } as const;

export function backgroundJobs(database: Pick<Database, 'db'>, options: BackgroundJobOptions): BackgroundJob[] {
  const applyTransitions = options.applyDueTransitions ?? applyDueTransitions;
  return [
    { name: JOB_NAMES.dueTransitions, intervalSeconds: options.dueTransitionsIntervalSeconds, run: (now) => applyTransitions(database, now) },
    { name: JOB_NAMES.outboxDispatch, intervalSeconds: options.outboxPollIntervalSeconds, run: (now) => dispatchOutboxEvents(database, { now }) },
    {
      name: JOB_NAMES.webhookDelivery,
      intervalSeconds: options.outboxPollIntervalSeconds,
      run: (now) => deliverDueWebhooks(database, { now, ...(options.sendWebhook ? { send: options.sendWebhook } : {}) }),
    },
  ];
}
