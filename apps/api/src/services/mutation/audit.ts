/**
 * The audit event and outbox events of a mutation, written in its transaction (domain.md §9):
 * they commit with the change or not at all — and so does the live-update notification of each
 * outbox event (live/live-notification.ts), which PostgreSQL delivers only on commit.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from '@switchyard/domain';
import { sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { auditEvents, outboxEvents } from '../../db/schema/index.js';
import type { Actor } from '../../context.js';
import { LIVE_CHANNEL, liveNotification } from '../../live/live-notification.js';

export interface AuditEntry {
  /**
   * Who acted, when it is not the request's actor: the customer's administrator answering an
   * invitation with its token (token-authorised operations have no user or API key).
   */
  actor?: AuditActor;
  /** The kind of object changed, e.g. `Customer`. */
  targetType: string;
  targetIds: string[];
  before: unknown;
  after: unknown;
}

export interface OutboxEvent {
  /** e.g. `transfer.created`, `subscription.updated`. */
  type: WebhookEventType;
  aggregateType: string;
  aggregateId: string;
  /** Partners allowed to receive it. */
  audiencePartnerIds: string[];
  payload: Record<string, unknown>;
}

/**
 * Who did it, as the audit log records it: a user, an API key, the system (background job), or a
 * customer's administrator (id: the customer's; nobody signs in for it).
 */
export type AuditActor =
  | Pick<Actor, 'type' | 'id' | 'label'>
  | { type: 'system'; id: null; label: string }
  | { type: 'customer'; id: string; label: string };

const ACTOR_TYPE_COLUMN = { user: 'USER', apiKey: 'API_KEY', system: 'SYSTEM', customer: 'CUSTOMER' } as const;

/** An audit event as `writeAuditEvent` takes it: the entry, with who, what and when. */
export type AuditEvent = AuditEntry & {
  partnerId: string;
  actor: AuditActor;
  operation: string;
  requestId: string | null;
  idempotencyKey: string | null;
  occurredAt: Date;
};

export async function writeAuditEvent(tx: AppTransaction, event: AuditEvent): Promise<void> {
  await auditInsert(tx, event);
}

export async function writeOutboxEvents(tx: AppTransaction, events: OutboxEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await writeEvents(tx, events, occurredAt);
}

/** A mutation's audit event and its outbox events (with their notifications) in one statement: one round trip. */
export async function writeAuditAndOutboxEvents(tx: AppTransaction, event: AuditEvent, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) {
    await writeAuditEvent(tx, event);
    return;
  }
  await writeEvents(tx, events, event.occurredAt, event);
}

/**
 * Inserts the outbox events (and the audit event, when given) and notifies the live-update
 * listeners of each, in one statement: PostgreSQL runs a data-modifying WITH in full whether or
 * not the query reads it.
 */
async function writeEvents(tx: AppTransaction, events: OutboxEvent[], occurredAt: Date, audit?: AuditEvent): Promise<void> {
  const rows = events.map((event) => ({ ...event, id: randomUUID(), payload: toJson(event.payload) as Record<string, unknown>, occurredAt }));
  const notifications = JSON.stringify(rows.map(liveNotification));
  const auditCte = audit ? sql`audit as (${auditInsert(tx, audit).getSQL()}), ` : sql``;
  await tx.execute(
    sql`with ${auditCte}outbox as (${tx.insert(outboxEvents).values(rows).getSQL()})
        select pg_notify(${LIVE_CHANNEL}, notification) from json_array_elements_text(${notifications}::json) as notification`,
  );
}

function auditInsert(tx: AppTransaction, event: AuditEvent) {
  return tx.insert(auditEvents).values({
    partnerId: event.partnerId,
    actorType: ACTOR_TYPE_COLUMN[event.actor.type],
    actorId: event.actor.id,
    actorLabel: event.actor.label,
    operation: event.operation,
    targetType: event.targetType,
    targetIds: event.targetIds,
    before: toJson(event.before),
    after: toJson(event.after),
    requestId: event.requestId,
    idempotencyKey: event.idempotencyKey,
    occurredAt: event.occurredAt,
  });
}

/** Rows hold Dates; JSON columns want plain values. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
