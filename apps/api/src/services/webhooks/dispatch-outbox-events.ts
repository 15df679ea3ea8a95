/**
 * The outbox dispatcher: turns committed outbox events into webhook deliveries. It reads the
 * undispatched events in sequence order, claims a batch with `FOR UPDATE SKIP LOCKED` (so several
 * dispatchers running at once each take different events), creates one delivery per event and
 * matching subscription — enabled, of a partner in the event's audience, asking for its type — and
 * marks the events dispatched, all in one transaction. A rolled-back mutation wrote no event, so it
 * is never delivered. The unique (subscription, event) key is the backstop against double delivery.
 */
import { and, arrayOverlaps, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outboxEvents, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';
import { webhookRetryUntil } from './webhook-retry.js';

export interface DispatchResult {
  events: number;
  deliveries: number;
}

export async function dispatchOutboxEvents(
  database: Pick<Database, 'db'>,
  { now = new Date(), batchSize = 100 }: { now?: Date; batchSize?: number } = {},
): Promise<DispatchResult> {
  const total: DispatchResult = { events: 0, deliveries: 0 };
  for (;;) {
    const batch = await dispatchBatch(database, now, batchSize);
    total.events += batch.events;
    total.deliveries += batch.deliveries;
    if (batch.events < batchSize) return total;
  }
}

async function dispatchBatch(database: Pick<Database, 'db'>, now: Date, batchSize: number): Promise<DispatchResult> {
  return database.db.transaction(async (tx) => {
    const events = await tx
      .select({
        sequence: outboxEvents.sequence,
        id: outboxEvents.id,
        type: outboxEvents.type,
        audiencePartnerIds: outboxEvents.audiencePartnerIds,
        occurredAt: outboxEvents.occurredAt,
      })
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.sequence))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (events.length === 0) return { events: 0, deliveries: 0 };

    const partnerIds = [...new Set(events.flatMap((event) => event.audiencePartnerIds))];
    const types = [...new Set(events.map((event) => event.type))];
    const subscriptions =
      partnerIds.length === 0
        ? []
        : await tx
            .select({ id: webhookSubscriptions.id, partnerId: webhookSubscriptions.partnerId, eventTypes: webhookSubscriptions.eventTypes })
            .from(webhookSubscriptions)
            .where(
              and(
                eq(webhookSubscriptions.isEnabled, true),
                inArray(webhookSubscriptions.partnerId, partnerIds),
                arrayOverlaps(webhookSubscriptions.eventTypes, types),
              ),
            );

    const deliveries = events.flatMap((event) =>
      subscriptions
        .filter((subscription) => event.audiencePartnerIds.includes(subscription.partnerId) && subscription.eventTypes.includes(event.type))
        .map((subscription) => ({
          partnerId: subscription.partnerId,
          webhookSubscriptionId: subscription.id,
          eventId: event.id,
          eventType: event.type,
          status: 'PENDING' as const,
          nextAttemptAt: now,
          retryUntil: webhookRetryUntil(event.occurredAt > now ? event.occurredAt : now),
          createdAt: now,
          updatedAt: now,
        })),
    );
    const created =
      deliveries.length === 0
        ? []
        : await tx.insert(webhookDeliveries).values(deliveries).onConflictDoNothing().returning({ id: webhookDeliveries.id });
    await tx
      .update(outboxEvents)
      .set({ dispatchedAt: now })
      .where(inArray(outboxEvents.sequence, events.map((event) => event.sequence)));
    return { events: events.length, deliveries: created.length };
  });
}
