/**
 * Webhooks: a partner's subscriptions to event types (an HTTPS endpoint and the secret its deliveries
 * are signed with), and one delivery row per outbox event and subscription — the delivery log, with
 * its retry schedule. The outbox dispatcher creates deliveries; the delivery job sends them.
 *
 * The secret is stored as given (not hashed, not encrypted at the application level): signing each
 * delivery with HMAC needs the secret itself. It is never returned by the API after the mutation that
 * created it. Protect it like the database's other credentials (disk encryption, backups).
 */
import { WEBHOOK_DELIVERY_STATUSES } from '@switchyard/domain';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { partners } from './partners.js';

export const webhookDeliveryStatusEnum = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types delivered, e.g. `transfer.created`. */
    eventTypes: text('event_types').array().notNull(),
    /** The HMAC key of the signatures (see the file comment on why it is stored as given). */
    secret: text('secret').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('webhook_subscriptions_partner_idx').on(t.partnerId),
    check('webhook_subscriptions_event_types_not_empty', sql`cardinality(${t.eventTypes}) > 0`),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    /** The subscription's partner, so the delivery log is filtered (and row-level secured) by it. */
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    webhookSubscriptionId: uuid('webhook_subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** The outbox event's id: the `Switchyard-Event-Id` receivers de-duplicate by. */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    status: webhookDeliveryStatusEnum('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastResponseCode: integer('last_response_code'),
    lastError: text('last_error'),
    lastAttemptAt: at('last_attempt_at'),
    /** When the delivery job sends it next; null once it succeeded or failed for good. */
    nextAttemptAt: at('next_attempt_at'),
    deliveredAt: at('delivered_at'),
    /** Failed attempts are retried until this moment (24 hours after the event, or after a redelivery), then FAILED. */
    retryUntil: at('retry_until').notNull(),
    ...timestamps(),
  },
  (t) => [
    // One delivery per event and subscription, however many dispatchers run.
    unique('webhook_deliveries_subscription_event_key').on(t.webhookSubscriptionId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index('webhook_deliveries_subscription_idx').on(t.webhookSubscriptionId, t.createdAt.desc()),
  ],
);
