/**
 * The delivery job: sends the deliveries that are due, signed (./webhook-signature.ts), and
 * records each outcome — SUCCEEDED on a 2xx answer; otherwise retried with backoff
 * (./webhook-retry.ts) until its retry window ends, then FAILED.
 *
 * A delivery is claimed by pushing its `next_attempt_at` a lease ahead in one statement
 * (`FOR UPDATE SKIP LOCKED`), and sent outside any transaction: a slow receiver holds no lock nor
 * connection (PGlite has only one), several workers never send the same attempt, and a worker that
 * dies mid-send leaves the delivery to be retried when the lease ends. The outcome is recorded only
 * if the attempt is still the latest one.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outboxEvents, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.js';
import { WEBHOOK_TIMEOUT_MS, webhookRetryDelayMs } from './webhook-retry.js';

/** How long a claimed attempt is reserved for its worker by default (JOB_LEASE_SECONDS); far longer than the send timeout. */
const CLAIM_LEASE_MS = 60_000;
const MAX_ERROR_LENGTH = 500;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** The response's status code; throws when there is none (network error, timeout). */
export type WebhookSender = (request: WebhookRequest) => Promise<number>;

export const sendWithFetch: WebhookSender = async (request) => {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    // A redirect could lead anywhere, including a private network: it counts as a failure.
    redirect: 'manual',
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  await response.body?.cancel();
  return response.status;
};

export interface DeliverWebhooksOptions {
  now?: Date;
  batchSize?: number;
  send?: WebhookSender;
  timeoutMs?: number;
  /** How long a claimed attempt stays this worker's before another may retry it. */
  claimLeaseMs?: number;
}

export interface DeliveryResult {
  succeeded: number;
  retrying: number;
  failed: number;
}

export async function deliverDueWebhooks(
  database: Pick<Database, 'db'>,
  { now = new Date(), batchSize = 50, send = sendWithFetch, timeoutMs = WEBHOOK_TIMEOUT_MS, claimLeaseMs = CLAIM_LEASE_MS }: DeliverWebhooksOptions = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { succeeded: 0, retrying: 0, failed: 0 };
  const claimed = await claimDueDeliveries(database, now, batchSize, claimLeaseMs);
  if (claimed.length === 0) return result;

  const subscriptions = await database.db
    .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, secret: webhookSubscriptions.secret })
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.id, [...new Set(claimed.map((delivery) => delivery.webhookSubscriptionId))]));
  const events = await database.db
    .select({ id: outboxEvents.id, type: outboxEvents.type, payload: outboxEvents.payload, occurredAt: outboxEvents.occurredAt })
    .from(outboxEvents)
    .where(inArray(outboxEvents.id, [...new Set(claimed.map((delivery) => delivery.eventId))]));
  const subscriptionById = new Map(subscriptions.map((row) => [row.id, row]));
  const eventById = new Map(events.map((row) => [row.id, row]));

  await Promise.all(
    claimed.map(async (delivery) => {
      const subscription = subscriptionById.get(delivery.webhookSubscriptionId);
      const event = eventById.get(delivery.eventId);
      let responseCode: number | null = null;
      let error: string | null = null;
      if (!subscription || !event) {
        error = 'The subscription or the event no longer exists.';
      } else {
        const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), data: event.payload });
        try {
          responseCode = await send({
            url: subscription.url,
            body,
            timeoutMs,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Switchyard-Webhooks/1',
              [SIGNATURE_HEADER]: signWebhookBody(subscription.secret, body, now),
              [EVENT_ID_HEADER]: event.id,
              [EVENT_TYPE_HEADER]: event.type,
            },
          });
          if (responseCode < 200 || responseCode >= 300) error = `The receiver answered HTTP ${responseCode}.`;
        } catch (sendError) {
          error = (sendError instanceof Error ? sendError.message : String(sendError)).slice(0, MAX_ERROR_LENGTH);
        }
      }
      const outcome = error === null ? 'succeeded' : now >= delivery.retryUntil ? 'failed' : 'retrying';
      result[outcome] += 1;
      await database.db
        .update(webhookDeliveries)
        .set({
          status: outcome === 'succeeded' ? 'SUCCEEDED' : outcome === 'failed' ? 'FAILED' : 'PENDING',
          lastResponseCode: responseCode,
          lastError: error,
          nextAttemptAt: outcome === 'retrying' ? new Date(now.getTime() + webhookRetryDelayMs(delivery.attempts)) : null,
          deliveredAt: outcome === 'succeeded' ? now : null,
          updatedAt: now,
        })
        // Only the latest attempt records its outcome (a lease that ran out was claimed again).
        .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts)));
    }),
  );
  return result;
}

async function claimDueDeliveries(database: Pick<Database, 'db'>, now: Date, batchSize: number, claimLeaseMs: number) {
  const due = database.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.webhookSubscriptionId))
    .where(
      and(
        eq(webhookDeliveries.status, 'PENDING'),
        sql`${webhookDeliveries.nextAttemptAt} <= ${now}`,
        eq(webhookSubscriptions.isEnabled, true),
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(batchSize)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  return database.db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: now,
      nextAttemptAt: new Date(now.getTime() + claimLeaseMs),
      updatedAt: now,
    })
    .where(inArray(webhookDeliveries.id, due))
    .returning({
      id: webhookDeliveries.id,
      webhookSubscriptionId: webhookDeliveries.webhookSubscriptionId,
      eventId: webhookDeliveries.eventId,
      attempts: webhookDeliveries.attempts,
      retryUntil: webhookDeliveries.retryUntil,
    });
}
