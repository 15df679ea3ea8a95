/**
 * `webhookDeliveryRedeliver`: send a delivery again now — a failed one, or one already delivered
 * that the receiver lost — with a fresh 24-hour retry window. The event id stays the same, so a
 * receiver that de-duplicates by `Switchyard-Event-Id` can tell.
 */
import { DomainError, webhookDeliveryRedeliverInputSchema } from '@switchyard/domain';
import { and, eq } from 'drizzle-orm';
import { webhookDeliveries } from '../../db/schema/index.js';
import { ownWebhookDeliveriesFilter } from '../../schema/webhooks/visibility.js';
import { requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import type { WebhookDeliveryRow } from './webhook-records.js';
import { webhookRetryUntil } from './webhook-retry.js';

export const webhookDeliveryRedeliver: MutationDefinition<typeof webhookDeliveryRedeliverInputSchema, { webhookDelivery: WebhookDeliveryRow }> = {
  operation: 'webhookDeliveryRedeliver',
  input: webhookDeliveryRedeliverInputSchema,
  payloadTables: { webhookDelivery: 'webhookDeliveries' },
  async run(input, { tx, context, now }) {
    const id = requireDatabaseId(input.webhookDeliveryId, 'WebhookDelivery', 'webhook delivery', ['webhookDeliveryId']);
    const [before] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, id), ownWebhookDeliveriesFilter(context)))
      .for('update');
    if (!before) throw new DomainError('NOT_FOUND', 'No webhook delivery with this id.', { field: ['webhookDeliveryId'] });
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({ status: 'PENDING', nextAttemptAt: now, retryUntil: webhookRetryUntil(now), updatedAt: now })
      .where(eq(webhookDeliveries.id, before.id))
      .returning();
    if (!delivery) throw new Error('webhookDeliveryRedeliver: the update returned no row');
    return {
      payload: { webhookDelivery: delivery },
      audit: { targetType: 'WebhookDelivery', targetIds: [delivery.id], before, after: delivery },
    };
  },
};
