/**
 * `subscriptionServiceCancel`: one Azure service of a usage-based subscription ends, at any time
 * (domain.md §5); the subscription and its other services carry on. The subscription is locked and
 * its version checked and bumped: its list of running services is part of its state. The domain's
 * `checkSubscriptionServiceCancel` decides (who may change it, an active subscription, an active
 * service).
 */
import { assertAllowed, checkSubscriptionServiceCancel, subscriptionServiceCancelInputSchema } from '@switchyard/domain';
import { eq, sql } from 'drizzle-orm';
import { subscriptionServices } from '../../db/schema/index.js';
import { requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription } from './load-subscription.js';
import { updateSubscriptionRow } from './save-subscription-change.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import type { SubscriptionRow, SubscriptionServiceRow } from './subscription-facts.js';

/** The GraphQL type of a subscription's service: its global ids name it. */
export const SUBSCRIPTION_SERVICE_TYPENAME = 'SubscriptionService';

export const subscriptionServiceCancel: MutationDefinition<
  typeof subscriptionServiceCancelInputSchema,
  { subscription: SubscriptionRow; service: SubscriptionServiceRow }
> = {
  operation: 'subscriptionServiceCancel',
  input: subscriptionServiceCancelInputSchema,
  payloadTables: { subscription: 'subscriptions', service: 'subscriptionServices' },
  async run(input, scope) {
    const { tx, now } = scope;
    const serviceId = requireDatabaseId(input.serviceId, SUBSCRIPTION_SERVICE_TYPENAME, 'service', ['serviceId']);
    const { row, facts, services } = await lockVisibleSubscription(scope, input, { withServices: true });
    assertAllowed(checkSubscriptionServiceCancel({ subscription: facts, actorPartnerId: scope.context.partner.id, serviceId }));
    const before = services.find((service) => service.id === serviceId);
    if (!before) throw new Error(`Service ${serviceId} passed the rule but is not loaded`);

    const [service] = await tx
      .update(subscriptionServices)
      .set({ status: 'CANCELLED', endedAt: now, updatedAt: now, version: sql`${subscriptionServices.version} + 1` })
      .where(eq(subscriptionServices.id, serviceId))
      .returning();
    if (!service) throw new Error(`Service ${serviceId} vanished under its subscription's lock`);
    const subscription = await updateSubscriptionRow(scope, row, {});

    const audience = await subscriptionAudience(tx, subscription.customerId);
    return {
      payload: { subscription, service },
      audit: subscriptionAudit({ subscription: row, service: before }, { subscription, service }),
      events: [
        subscriptionEvent('subscription.serviceCancelled', subscription, audience, {
          serviceId: input.serviceId,
          serviceName: service.name,
        }),
      ],
    };
  },
};
