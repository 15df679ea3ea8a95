/**
 * What one committed outbox event tells the API instances listening for live updates: a small JSON
 * notification on the PostgreSQL channel `switchyard_live`, sent by `pg_notify` in the transaction
 * that writes the event (services/mutation/audit.ts). PostgreSQL delivers it only when that
 * transaction commits, so work that rolls back (a refused mutation, a failed savepoint) notifies
 * nobody. The notification carries ids, never data: subscribers read the object again, as
 * themselves (live/live-operations.ts).
 */
import type { OutboxEvent } from '../services/mutation/audit.js';
import { databaseIdOf } from '../schema/global-id.js';

export const LIVE_CHANNEL = 'switchyard_live';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; stay well under it. */
const MAX_NOTIFICATION_BYTES = 7_500;

export interface LiveEvent {
  /** The outbox event's id (what webhooks send as `Switchyard-Event-Id`). */
  id: string;
  /** e.g. `transfer.completed`. */
  type: string;
  /** `Transfer`, `Subscription`, … (the outbox's aggregate type). */
  aggregateType: string;
  /** The database id of the object that changed. */
  aggregateId: string;
  /** The customer the object belongs to, when it belongs to one. */
  customerId: string | undefined;
  /** The partners that may see the event; `undefined` when too many to fit in a notification (then each subscriber's re-read decides). */
  audiencePartnerIds: string[] | undefined;
}

/** The notification text of an outbox event about to be written. */
export function liveNotification(event: OutboxEvent & { id: string }): string {
  const customerGlobalId = event.payload.customerId;
  const notification: LiveEvent = {
    id: event.id,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    customerId: typeof customerGlobalId === 'string' ? databaseIdOf(customerGlobalId, 'Customer') : undefined,
    audiencePartnerIds: event.audiencePartnerIds,
  };
  const text = JSON.stringify(notification);
  if (Buffer.byteLength(text, 'utf8') < MAX_NOTIFICATION_BYTES) return text;
  // A very wide audience: leave it out rather than fail the transaction that raised the event.
  return JSON.stringify({ ...notification, audiencePartnerIds: undefined });
}

/** The event a notification describes; `undefined` for text that is not one (ignored, never trusted). */
export function parseLiveNotification(text: string): LiveEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, type, aggregateType, aggregateId, customerId, audiencePartnerIds } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof aggregateType !== 'string' || typeof aggregateId !== 'string') {
    return undefined;
  }
  return {
    id,
    type,
    aggregateType,
    aggregateId,
    customerId: typeof customerId === 'string' ? customerId : undefined,
    audiencePartnerIds: Array.isArray(audiencePartnerIds) ? audiencePartnerIds.filter((partnerId) => typeof partnerId === 'string') : undefined,
  };
}
