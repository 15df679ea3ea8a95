/**
 * `subscriptionSuspend`: `ACTIVE → SUSPENDED` (domain.md §5). Suspending turns auto-renew off
 * (PC), so a suspended subscription expires at its term end unless it is reactivated and
 * auto-renew is turned on again. The domain's `checkSubscriptionSuspend` decides.
 */
import { assertAllowed, checkSubscriptionSuspend, subscriptionSuspendInputSchema } from '@switchyard/domain';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription } from './load-subscription.js';
import { saveSubscriptionChange } from './save-subscription-change.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionSuspend: MutationDefinition<typeof subscriptionSuspendInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionSuspend',
  input: subscriptionSuspendInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, scope) {
    const { row, facts } = await lockVisibleSubscription(scope, input);
    const decision = checkSubscriptionSuspend({ subscription: facts, actorPartnerId: scope.context.partner.id });
    assertAllowed(decision);
    return saveSubscriptionChange(
      scope,
      row,
      { status: decision.changes.status, isAutoRenewEnabled: decision.changes.autoRenew },
      { type: 'subscription.suspended', details: { reason: input.reason ?? null } },
    );
  },
};
