/**
 * `webhookSubscriptionDelete`: no more deliveries to it; its delivery log goes with it. The payload
 * names the deleted subscription's id (the row no longer exists to return).
 */
import { webhookSubscriptionDeleteInputSchema } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { webhookSubscriptions } from '../../db/schema/index.js';
import { ownWebhookSubscriptionsFilter } from '../../schema/webhooks/visibility.js';
import { lockRow } from '../mutation/lock-row.js';
import { ID_ONLY } from '../mutation/run-mutation.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { webhookSubscriptionAudit, webhookSubscriptionEvent } from './webhook-records.js';

export const webhookSubscriptionDelete: MutationDefinition<
  typeof webhookSubscriptionDeleteInputSchema,
  { deletedWebhookSubscription: { id: string } }
> = {
  operation: 'webhookSubscriptionDelete',
  input: webhookSubscriptionDeleteInputSchema,
  // The row is gone: a replayed retry answers the stored id again.
  payloadTables: { deletedWebhookSubscription: ID_ONLY },
  async run(input, { tx, context }) {
    const before = await lockRow(tx, webhookSubscriptions, {
      globalId: input.webhookSubscriptionId,
      typename: 'WebhookSubscription',
      visible: ownWebhookSubscriptionsFilter(context),
      field: ['webhookSubscriptionId'],
      expectedVersion: input.expectedVersion,
      noun: 'webhook subscription',
    });
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, before.id));
    return {
      payload: { deletedWebhookSubscription: { id: before.id } },
      audit: webhookSubscriptionAudit(before, null),
      events: [webhookSubscriptionEvent('webhookSubscription.deleted', before)],
    };
  },
};
