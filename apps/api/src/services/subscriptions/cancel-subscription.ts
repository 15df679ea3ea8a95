/**
 * `subscriptionCancel`: `ACTIVE | SUSPENDED → CANCELLED` (domain.md §5). The domain's
 * `checkSubscriptionCancel` decides:
 * - CSP: only the seller or its indirect provider (NOT_SELLER); license-based only until
 *   `cancellationAllowedUntil` (CANCELLATION_WINDOW_PASSED); usage-based at any time;
 * - other channels: the managing partner records a cancellation the customer made through that
 *   channel, at any time (NOT_MANAGING_PARTNER for anyone else: take over its management first);
 * - never while an open transfer holds the subscription (ALREADY_IN_TRANSFER): cancel the transfer,
 *   or let it finish, first — otherwise the transfer would move a cancelled subscription.
 * Cancelling an Azure subscription ends its running services with it.
 */
import { assertAllowed, checkSubscriptionCancel, subscriptionCancelInputSchema } from '@switchyard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { subscriptionServices } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription } from './load-subscription.js';
import { updateSubscriptionRow } from './save-subscription-change.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionCancel: MutationDefinition<typeof subscriptionCancelInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionCancel',
  input: subscriptionCancelInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, scope) {
    const { tx, now } = scope;
    const { row, facts } = await lockVisibleSubscription(scope, input);
    const decision = checkSubscriptionCancel({ subscription: facts, actorPartnerId: scope.context.partner.id, now });
    assertAllowed(decision);

    const subscription = await updateSubscriptionRow(scope, row, {
      status: decision.changes.status,
      isAutoRenewEnabled: decision.changes.autoRenew,
      cancelledAt: now,
    });
    const endedServices = await tx
      .update(subscriptionServices)
      .set({ status: 'CANCELLED', endedAt: now, updatedAt: now, version: sql`${subscriptionServices.version} + 1` })
      .where(and(eq(subscriptionServices.subscriptionId, row.id), eq(subscriptionServices.status, 'ACTIVE')))
      .returning();

    const audience = await subscriptionAudience(tx, subscription.customerId);
    return {
      payload: { subscription },
      audit: subscriptionAudit({ subscription: row }, { subscription, services: endedServices }),
      events: [
        subscriptionEvent('subscription.cancelled', subscription, audience, {
          reason: input.reason ?? null,
          cancelledServiceCount: endedServices.length,
        }),
      ],
    };
  },
};
