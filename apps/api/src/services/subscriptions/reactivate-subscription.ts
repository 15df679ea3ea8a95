/**
 * `subscriptionReactivate`: `SUSPENDED → ACTIVE` (domain.md §5), before the term ends (a suspended
 * subscription expires at its term end). Auto-renew stays off: turning it on again is a separate,
 * deliberate `subscriptionUpdate`. The domain's `checkSubscriptionReactivate` decides.
 */
import { assertAllowed, checkSubscriptionReactivate, subscriptionReactivateInputSchema } from '@switchyard/domain';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription } from './load-subscription.js';
import { saveSubscriptionChange } from './save-subscription-change.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionReactivate: MutationDefinition<typeof subscriptionReactivateInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionReactivate',
  input: subscriptionReactivateInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, scope) {
    const { row, facts } = await lockVisibleSubscription(scope, input);
    const decision = checkSubscriptionReactivate({ subscription: facts, actorPartnerId: scope.context.partner.id, now: scope.now });
    assertAllowed(decision);
    return saveSubscriptionChange(scope, row, { status: decision.changes.status }, { type: 'subscription.reactivated' });
  },
};
