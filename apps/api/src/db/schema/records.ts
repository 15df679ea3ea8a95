/**
 * What the system records about itself: the append-only audit log, idempotency records for safe
 * retries, and the outbox of events that drives webhooks and live updates.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.js';
import { actorTypeEnum, idempotencyStatusEnum } from './enums.js';
import { partners } from './partners.js';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    actorType: actorTypeEnum('actor_type').notNull(),
    /** The user or API key; null for the system (background job). */
    actorId: uuid('actor_id'),
    /** Email or key name at the time, so the log still reads after the actor is gone. */
    actorLabel: text('actor_label').notNull(),
    operation: text('operation').notNull(),
    targetType: text('target_type').notNull(),
    targetIds: uuid('target_ids').array().notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    idempotencyKey: text('idempotency_key'),
    occurredAt: at('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_partner_time_idx').on(t.partnerId, t.occurredAt.desc()),
    index('audit_events_target_idx').using('gin', t.targetIds),
  ],
);

export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    /** SHA-256 of the operation and its variables: the same key with other input is refused. */
    requestHash: text('request_hash').notNull(),
    status: idempotencyStatusEnum('status').notNull().default('IN_PROGRESS'),
    response: jsonb('response'),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.key] }), index('idempotency_records_expiry_idx').on(t.expiresAt)],
);

export const outboxEvents = pgTable(
  'outbox_events',
  {
    /** Ordered: consumers read events in commit order. */
    sequence: bigserial('sequence', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique().defaultRandom(),
    /** Event type, e.g. `transfer.created`. */
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    /** The partners allowed to see this event (webhooks and live updates are filtered by it). */
    audiencePartnerIds: uuid('audience_partner_ids').array().notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    dispatchedAt: at('dispatched_at'),
  },
  (t) => [index('outbox_events_undispatched_idx').on(t.sequence).where(sql`${t.dispatchedAt} IS NULL`)],
);
