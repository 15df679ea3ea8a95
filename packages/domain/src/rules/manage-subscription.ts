/**
 * Taking over the management of a subscription bought elsewhere (`subscriptionManage`, domain.md §6):
 * the heart of multi-channel. The managing partner changes; the seller (if any) stays.
 */
import { CHANNEL_RULES } from '../channels.js';
import type { UserError } from '../errors.js';
import type { PartnerFacts, RelationshipFacts, SubscriptionFacts } from '../facts.js';
import { fromReasons, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { cloudMismatch, findActiveRelationship, relationshipRequired } from './reasons.js';
import { channelLabel, subscriptionIs, subscriptionName } from './wording.js';

export interface SubscriptionManageRequest {
  partner: PartnerFacts;
  subscription: SubscriptionFacts;
  /** The customer's relationships. */
  relationships: readonly RelationshipFacts[];
}

export function checkSubscriptionManage({
  partner,
  subscription,
  relationships,
}: SubscriptionManageRequest): RuleResult<{
  changes: { managingPartnerId: string };
  previousManagingPartnerId: string | null;
}> {
  const reasons: UserError[] = [];
  if (subscription.cloud !== partner.cloud)
    reasons.push(cloudMismatch(subscriptionName(subscription)));
  if (!findActiveRelationship(relationships, partner.id, subscription.customerId))
    reasons.push(relationshipRequired());
  if (!CHANNEL_RULES[subscription.channel].isMultiChannelSource) {
    reasons.push(
      userError(
        'CHANNEL_NOT_MANAGEABLE',
        subscription.channel === 'CSP'
          ? `${subscriptionName(subscription)} is a CSP subscription: it is managed by the partner that sells it. To take it over, request a partner switch.`
          : `${subscriptionName(subscription)} was bought through ${channelLabel(subscription.channel)}, whose subscriptions cannot be managed by another partner.`,
      ),
    );
  }
  if (subscription.status !== 'ACTIVE') {
    reasons.push(
      userError(
        'SUBSCRIPTION_NOT_ACTIVE',
        `${subscriptionIs(subscription)}: only an active subscription can be taken over.`,
      ),
    );
  }
  return fromReasons(reasons, {
    changes: { managingPartnerId: partner.id },
    previousManagingPartnerId: subscription.managingPartnerId,
  });
}
