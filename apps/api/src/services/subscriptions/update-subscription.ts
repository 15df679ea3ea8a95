/**
 * `subscriptionUpdate`: seats and auto-renew (domain.md §5). The domain's `checkSubscriptionUpdate`
 * decides: only an `ACTIVE` subscription changes (SUBSCRIPTION_NOT_ACTIVE); a CSP one only by its
 * seller or the seller's indirect provider (NOT_SELLER), another channel's only by its managing
 * partner; seats leave a CSP license-based subscription only inside its cancellation window
 * (QUANTITY_DECREASE_NOT_ALLOWED); a usage-based one has no seats (BILLING_MODEL_MISMATCH).
 * An open transfer does not block these changes (only cancellation, see cancel-subscription.ts):
 * the subscription stays its seller's until the transfer completes, and the transfer moves it as it
 * is then; a license transition that finds auto-renew back on still ends the source at term end.
 */
import { assertAllowed, checkSubscriptionUpdate, subscriptionUpdateInputSchema } from '@switchyard/domain';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription } from './load-subscription.js';
import { saveSubscriptionChange } from './save-subscription-change.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionUpdate: MutationDefinition<typeof subscriptionUpdateInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionUpdate',
  input: subscriptionUpdateInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, scope) {
    const { row, facts } = await lockVisibleSubscription(scope, input);
    const decision = checkSubscriptionUpdate({
      subscription: facts,
      actorPartnerId: scope.context.partner.id,
      now: scope.now,
      changes: { quantity: input.quantity, autoRenew: input.autoRenew },
    });
    assertAllowed(decision);
    const { quantity, autoRenew } = decision.changes;
    return saveSubscriptionChange(
      scope,
      row,
      {
        ...(quantity !== undefined ? { quantity } : {}),
        ...(autoRenew !== undefined ? { isAutoRenewEnabled: autoRenew } : {}),
      },
      { type: 'subscription.updated', details: { changes: decision.changes } },
    );
  },
};
