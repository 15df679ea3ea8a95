/**
 * The audit event and outbox events of a mutation, written in its transaction (domain.md §9):
 * they commit with the change or not at all.
 */
import type { AppTransaction } from '../../db/client.js';
import { auditEvents, outboxEvents } from '../../db/schema/index.js';
import type { Actor } from '../../context.js';

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
  type: string;
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

export async function writeAuditEvent(
  tx: AppTransaction,
  event: AuditEntry & {
    partnerId: string;
    actor: AuditActor;
    operation: string;
    requestId: string | null;
    idempotencyKey: string | null;
    occurredAt: Date;
  },
): Promise<void> {
  await tx.insert(auditEvents).values({
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

export async function writeOutboxEvents(tx: AppTransaction, events: OutboxEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outboxEvents).values(events.map((event) => ({ ...event, payload: toJson(event.payload) as object, occurredAt })));
}

/** Rows hold Dates; JSON columns want plain values. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
