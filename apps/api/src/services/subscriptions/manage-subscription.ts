/**
 * `subscriptionManage`: the acting partner takes over the management of a subscription bought
 * through a multi-channel source (domain.md §6). The domain's `checkSubscriptionManage` decides
 * (an `ACTIVE` relationship, a manageable channel — CSP and Syndication are refused with
 * CHANNEL_NOT_MANAGEABLE — and an active subscription); the managing partner changes, the seller
 * (if any) stays. A partner with an `ACTIVE` relationship may take over from another managing
 * partner: the customer lets several partners work for it (multi-partner).
 */
import { assertAllowed, checkSubscriptionManage, subscriptionManageInputSchema } from '@switchyard/domain';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleSubscription, shareActiveRelationships } from './load-subscription.js';
import { saveSubscriptionChange } from './save-subscription-change.js';
import { toPartnerFacts, toRelationshipFacts } from './subscription-facts.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const subscriptionManage: MutationDefinition<typeof subscriptionManageInputSchema, { subscription: SubscriptionRow }> = {
  operation: 'subscriptionManage',
  input: subscriptionManageInputSchema,
  payloadTables: { subscription: 'subscriptions' },
  async run(input, scope) {
    const { row, facts } = await lockVisibleSubscription(scope, input);
    const relationships = await shareActiveRelationships(scope.tx, row.customerId, [scope.context.partner.id]);
    const decision = checkSubscriptionManage({
      partner: toPartnerFacts(scope.context.partner),
      subscription: facts,
      relationships: relationships.map(toRelationshipFacts),
    });
    assertAllowed(decision);
    return saveSubscriptionChange(scope, row, decision.changes, {
      type: 'subscription.managed',
      details: {
        managingPartnerId: encodeGlobalId('Partner', decision.changes.managingPartnerId),
        previousManagingPartnerId: decision.previousManagingPartnerId && encodeGlobalId('Partner', decision.previousManagingPartnerId),
      },
    });
  },
};
