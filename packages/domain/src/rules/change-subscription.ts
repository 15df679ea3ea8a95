/**
 * Changing a subscription (domain.md §5): the state machine, and the checks behind
 * `subscriptionSuspend`, `subscriptionReactivate`, `subscriptionCancel`, `subscriptionUpdate` and
 * `subscriptionServiceCancel`. Each answers with what the change does (e.g. suspending turns
 * auto-renew off), so the API applies the rule's result rather than re-deriving it.
 */
import { formatDate } from '../dates.js';
import type { UserError } from '../errors.js';
import type { SubscriptionFacts } from '../facts.js';
import { fromReasons, refuse, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { FINAL_SUBSCRIPTION_STATUSES, SUBSCRIPTION_TRANSITIONS } from '../subscriptions.js';
import type { SubscriptionStatus } from '../subscriptions.js';
import { hasCancellationWindow } from './renew-subscription.js';
import { channelLabel, subscriptionIs, subscriptionName } from './wording.js';

/** A move a person can make (the clock's moves are in `subscriptionAtTermEnd`). */
export function canTransitionSubscription(
  from: SubscriptionStatus,
  to: SubscriptionStatus,
): boolean {
  return SUBSCRIPTION_TRANSITIONS.some(
    (transition) => transition.from === from && transition.to === to,
  );
}

export function isFinalSubscriptionStatus(status: SubscriptionStatus): boolean {
  return (FINAL_SUBSCRIPTION_STATUSES as readonly SubscriptionStatus[]).includes(status);
}

export interface SubscriptionChangeRequest {
  subscription: SubscriptionFacts;
  /** The partner the request acts for. */
  actorPartnerId: string;
  now: Date;
}

/**
 * Who may change a subscription: for CSP, the seller or the indirect provider it sold through (PC);
 * for other channels, the partner that took over its management (`subscriptionManage`).
 */
export function checkSubscriptionAuthority(
  subscription: SubscriptionFacts,
  actorPartnerId: string,
): UserError | undefined {
  if (subscription.channel === 'CSP') {
    if (
      actorPartnerId === subscription.sellerPartnerId ||
      actorPartnerId === subscription.billingPartnerId
    ) {
      return undefined;
    }
    return userError(
      'NOT_SELLER',
      `${subscriptionName(subscription)} is sold by another partner: only that partner (or its indirect provider) can change it.`,
    );
  }
  if (actorPartnerId === subscription.managingPartnerId) return undefined;
  return userError(
    'NOT_MANAGING_PARTNER',
    subscription.managingPartnerId
      ? `${subscriptionName(subscription)} (${channelLabel(subscription.channel)}) is managed by another partner: only that partner can change it.`
      : `${subscriptionName(subscription)} (${channelLabel(subscription.channel)}) is not managed by your organisation: take over its management first.`,
  );
}

/** Nothing but reactivation happens to a suspended subscription, and nothing at all to a final one. */
function requireActive(subscription: SubscriptionFacts, action: string): UserError | undefined {
  if (subscription.status === 'ACTIVE') return undefined;
  const hint = subscription.status === 'SUSPENDED' ? ': reactivate it first' : '';
  return userError(
    'SUBSCRIPTION_NOT_ACTIVE',
    `${subscriptionIs(subscription)}, so it cannot be ${action}${hint}.`,
  );
}

function collect(...reasons: (UserError | undefined)[]): UserError[] {
  return reasons.filter((reason): reason is UserError => reason !== undefined);
}

/** Suspending turns auto-renew off (PC): a suspended subscription expires at its term end. */
export function checkSubscriptionSuspend({
  subscription,
  actorPartnerId,
}: Omit<SubscriptionChangeRequest, 'now'>): RuleResult<{
  changes: { status: 'SUSPENDED'; autoRenew: false };
}> {
  const reasons = collect(
    checkSubscriptionAuthority(subscription, actorPartnerId),
    subscription.status === 'SUSPENDED'
      ? userError(
          'SUBSCRIPTION_NOT_ACTIVE',
          `${subscriptionName(subscription)} is already suspended.`,
        )
      : requireActive(subscription, 'suspended'),
  );
  return fromReasons(reasons, { changes: { status: 'SUSPENDED', autoRenew: false } as const });
}

/** Auto-renew stays off after reactivation: turning it back on is a separate, deliberate change. */
export function checkSubscriptionReactivate({
  subscription,
  actorPartnerId,
  now,
}: SubscriptionChangeRequest): RuleResult<{ changes: { status: 'ACTIVE' } }> {
  const reasons = collect(checkSubscriptionAuthority(subscription, actorPartnerId));
  if (subscription.status === 'ACTIVE') {
    reasons.push(
      userError('INVALID_TRANSITION', `${subscriptionName(subscription)} is already active.`),
    );
  } else if (subscription.status !== 'SUSPENDED') {
    reasons.push(
      userError(
        'SUBSCRIPTION_NOT_ACTIVE',
        `${subscriptionIs(subscription)}, so it cannot be reactivated.`,
      ),
    );
  } else if (subscription.termEnd && now.getTime() >= subscription.termEnd.getTime()) {
    reasons.push(
      userError(
        'SUBSCRIPTION_NOT_ACTIVE',
        `The term of ${subscriptionName(subscription)} ended on ${formatDate(subscription.termEnd)}: a suspended subscription expires at its term end and cannot be reactivated.`,
      ),
    );
  }
  return fromReasons(reasons, { changes: { status: 'ACTIVE' } as const });
}

/**
 * A CSP license-based subscription may be cancelled only in its cancellation window (PC);
 * usage-based subscriptions, and subscriptions of other channels, at any time.
 */
export function checkSubscriptionCancel({
  subscription,
  actorPartnerId,
  now,
}: SubscriptionChangeRequest): RuleResult<{ changes: { status: 'CANCELLED'; autoRenew: false } }> {
  const reasons = collect(checkSubscriptionAuthority(subscription, actorPartnerId));
  if (!canTransitionSubscription(subscription.status, 'CANCELLED')) {
    reasons.push(
      userError(
        'SUBSCRIPTION_NOT_ACTIVE',
        isFinalSubscriptionStatus(subscription.status)
          ? `${subscriptionName(subscription)} is already ${subscription.status === 'CANCELLED' ? 'cancelled' : 'expired'}.`
          : `${subscriptionIs(subscription)}, so it cannot be cancelled.`,
      ),
    );
  } else {
    if (subscription.isInOpenTransfer) {
      reasons.push(
        userError(
          'ALREADY_IN_TRANSFER',
          `${subscriptionName(subscription)} is part of an open transfer: cancel the transfer, or wait for it to finish, first.`,
        ),
      );
    }
    const windowEnd = subscription.cancellationAllowedUntil;
    if (hasCancellationWindow(subscription) && windowEnd && now.getTime() > windowEnd.getTime()) {
      reasons.push(
        userError(
          'CANCELLATION_WINDOW_PASSED',
          `${subscriptionName(subscription)} could be cancelled only until ${formatDate(windowEnd)}, 7 days after its term started. Turn auto-renew off to let it end${subscription.termEnd ? ` on ${formatDate(subscription.termEnd)}` : ' at its term end'}.`,
        ),
      );
    }
  }
  return fromReasons(reasons, { changes: { status: 'CANCELLED', autoRenew: false } as const });
}

export interface SubscriptionUpdateRequest extends SubscriptionChangeRequest {
  changes: { quantity?: number | undefined; autoRenew?: boolean | undefined };
}

/** Seats may always be added; on a CSP license-based subscription, removed only in the cancellation window. */
export function checkSubscriptionUpdate({
  subscription,
  actorPartnerId,
  now,
  changes,
}: SubscriptionUpdateRequest): RuleResult<{ changes: { quantity?: number; autoRenew?: boolean } }> {
  const reasons = collect(
    checkSubscriptionAuthority(subscription, actorPartnerId),
    requireActive(subscription, 'changed'),
  );
  const { quantity, autoRenew } = changes;
  if (quantity !== undefined && subscription.billingModel === 'USAGE_BASED') {
    // Not a malformed input: the number is fine, the subscription's billing model has no seats.
    reasons.push(
      userError(
        'BILLING_MODEL_MISMATCH',
        `${subscriptionName(subscription)} is usage-based: it is billed by consumption and has no seats to change.`,
        ['quantity'],
      ),
    );
  } else if (
    quantity !== undefined &&
    subscription.quantity !== null &&
    quantity < subscription.quantity
  ) {
    const windowEnd = subscription.cancellationAllowedUntil;
    if (hasCancellationWindow(subscription) && windowEnd && now.getTime() > windowEnd.getTime()) {
      reasons.push(
        userError(
          'QUANTITY_DECREASE_NOT_ALLOWED',
          `Seats of ${subscriptionName(subscription)} could be removed only until ${formatDate(windowEnd)}, 7 days after its term started. You can still add seats.`,
          ['quantity'],
        ),
      );
    }
  }
  return fromReasons(reasons, {
    changes: {
      ...(quantity !== undefined ? { quantity } : {}),
      ...(autoRenew !== undefined ? { autoRenew } : {}),
    },
  });
}

export interface SubscriptionServiceCancelRequest extends Omit<SubscriptionChangeRequest, 'now'> {
  serviceId: string;
}

/** A single Azure service may be cancelled at any time; the subscription and its other services carry on. */
export function checkSubscriptionServiceCancel({
  subscription,
  actorPartnerId,
  serviceId,
}: SubscriptionServiceCancelRequest): RuleResult<{
  changes: { serviceId: string; status: 'CANCELLED' };
}> {
  const reasons = collect(
    checkSubscriptionAuthority(subscription, actorPartnerId),
    requireActive(subscription, 'changed'),
  );
  const service = subscription.services?.find((candidate) => candidate.id === serviceId);
  if (!service) {
    return refuse('NOT_FOUND', `${subscriptionName(subscription)} has no such service.`, [
      'serviceId',
    ]);
  }
  if (service.status !== 'ACTIVE') {
    reasons.push(
      userError(
        'SERVICE_NOT_ACTIVE',
        `The service ${service.name} is already ${service.status === 'MIGRATED' ? 'migrated to CSP' : 'cancelled'}.`,
        ['serviceId'],
      ),
    );
  }
  return fromReasons(reasons, { changes: { serviceId, status: 'CANCELLED' } as const });
}
