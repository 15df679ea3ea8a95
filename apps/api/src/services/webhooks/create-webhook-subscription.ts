/**
 * `webhookSubscriptionCreate`: a partner's endpoint for the event types it chooses. The signing
 * secret (`whsec_…`) is generated here and returned in this payload only (see
 * src/db/schema/webhooks.ts on how it is stored).
 */
import { DomainError, webhookSubscriptionCreateInputSchema } from '@switchyard/domain';
import { webhookSubscriptions } from '../../db/schema/index.js';
import { loadEnv } from '../../env.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { newWebhookSecret, webhookSubscriptionAudit, webhookSubscriptionEvent } from './webhook-records.js';
import type { WebhookSubscriptionRow } from './webhook-records.js';
import { webhookUrlProblem } from './webhook-url.js';

/** The new subscription, with its secret on the first run only. */
export type CreatedWebhookSubscription = WebhookSubscriptionRow & { revealedSecret?: string };

export function assertWebhookUrl(url: string): void {
  const problem = webhookUrlProblem(url, { isProduction: loadEnv().isProduction });
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: ['url'] });
}

export const webhookSubscriptionCreate: MutationDefinition<
  typeof webhookSubscriptionCreateInputSchema,
  { webhookSubscription: CreatedWebhookSubscription }
> = {
  operation: 'webhookSubscriptionCreate',
  input: webhookSubscriptionCreateInputSchema,
  payloadTables: { webhookSubscription: 'webhookSubscriptions' },
  async run(input, { tx, context, now }) {
    assertWebhookUrl(input.url);
    const secret = newWebhookSecret();
    const [subscription] = await tx
      .insert(webhookSubscriptions)
      .values({
        partnerId: context.partner.id,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        secret,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!subscription) throw new Error('webhookSubscriptionCreate: the insert returned no row');
    return {
      payload: { webhookSubscription: { ...subscription, revealedSecret: secret } },
      audit: webhookSubscriptionAudit(null, subscription),
      events: [webhookSubscriptionEvent('webhookSubscription.created', subscription)],
    };
  },
};
