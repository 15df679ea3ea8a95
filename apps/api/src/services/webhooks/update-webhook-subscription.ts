/**
 * `webhookSubscriptionUpdate`: change the URL, description, event types or whether it is enabled,
 * or rotate the secret (the new one is returned in this payload only). Deliveries already created
 * keep going to the subscription as it is when they are sent.
 */
import { webhookSubscriptionUpdateInputSchema } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { webhookSubscriptions } from '../../db/schema/index.js';
import { ownWebhookSubscriptionsFilter } from '../../schema/webhooks/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { assertWebhookUrl } from './create-webhook-subscription.js';
import type { CreatedWebhookSubscription } from './create-webhook-subscription.js';
import { newWebhookSecret, webhookSubscriptionAudit, webhookSubscriptionEvent } from './webhook-records.js';

export const webhookSubscriptionUpdate: MutationDefinition<
  typeof webhookSubscriptionUpdateInputSchema,
  { webhookSubscription: CreatedWebhookSubscription }
> = {
  operation: 'webhookSubscriptionUpdate',
  input: webhookSubscriptionUpdateInputSchema,
  payloadTables: { webhookSubscription: 'webhookSubscriptions' },
  async run(input, { tx, context, now }) {
    const before = await lockRow(tx, webhookSubscriptions, {
      globalId: input.webhookSubscriptionId,
      typename: 'WebhookSubscription',
      visible: ownWebhookSubscriptionsFilter(context),
      field: ['webhookSubscriptionId'],
      expectedVersion: input.expectedVersion,
      noun: 'webhook subscription',
    });
    if (input.url !== undefined) assertWebhookUrl(input.url);
    const secret = input.rotateSecret ? newWebhookSecret() : undefined;
    const [subscription] = await tx
      .update(webhookSubscriptions)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
        ...(input.isEnabled !== undefined ? { isEnabled: input.isEnabled } : {}),
        ...(secret ? { secret } : {}),
        ...nextVersion(webhookSubscriptions, now),
      })
      .where(eq(webhookSubscriptions.id, before.id))
      .returning();
    if (!subscription) throw new Error('webhookSubscriptionUpdate: the update returned no row');
    return {
      payload: { webhookSubscription: secret ? { ...subscription, revealedSecret: secret } : subscription },
      audit: webhookSubscriptionAudit(before, subscription),
      events: [webhookSubscriptionEvent('webhookSubscription.updated', subscription)],
    };
  },
};
