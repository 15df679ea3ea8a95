/**
 * Ending a relationship (`relationshipTerminate`, domain.md §6). Refused while the partner still
 * sells live subscriptions to the customer: those must end or move first.
 */
import type { RelationshipFacts, SubscriptionFacts } from '../facts.js';
import { fromReasons, refuse, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { isFinalSubscriptionStatus } from './change-subscription.js';

export interface RelationshipTerminateRequest {
  relationship: RelationshipFacts;
  /** The customer's subscriptions. */
  subscriptions: readonly SubscriptionFacts[];
  actorPartnerId: string;
}

export function checkRelationshipTerminate({
  relationship,
  subscriptions,
  actorPartnerId,
}: RelationshipTerminateRequest): RuleResult<{
  changes: { status: 'TERMINATED' };
  /** Subscriptions from other channels the partner managed: nobody manages them afterwards. */
  releasesManagementOf: string[];
}> {
  // Another partner's relationship is invisible to the actor (domain.md §8), hence NOT_FOUND.
  if (relationship.partnerId !== actorPartnerId)
    return refuse('NOT_FOUND', 'No such relationship.');
  if (relationship.status === 'TERMINATED')
    return refuse('INVALID_TRANSITION', 'This relationship has already ended.');

  const ofCustomer = subscriptions.filter(
    (subscription) =>
      subscription.customerId === relationship.customerId &&
      !isFinalSubscriptionStatus(subscription.status),
  );
  // An indirect provider bills what its resellers sell, so those count as its sales too.
  const sold = ofCustomer.filter(
    (subscription) =>
      subscription.sellerPartnerId === relationship.partnerId ||
      subscription.billingPartnerId === relationship.partnerId,
  );
  const reasons =
    sold.length > 0
      ? [
          userError(
            'RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS',
            `Your organisation still sells ${sold.length === 1 ? '1 subscription' : `${sold.length} subscriptions`} to this customer: cancel ${sold.length === 1 ? 'it' : 'them'}, let ${sold.length === 1 ? 'it' : 'them'} expire or transfer ${sold.length === 1 ? 'it' : 'them'} before ending the relationship.`,
          ),
        ]
      : [];
  return fromReasons(reasons, {
    changes: { status: 'TERMINATED' } as const,
    releasesManagementOf: ofCustomer
      .filter(
        (subscription) =>
          subscription.channel !== 'CSP' &&
          subscription.managingPartnerId === relationship.partnerId,
      )
      .map((subscription) => subscription.id),
  });
}
