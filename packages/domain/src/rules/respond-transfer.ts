/**
 * A transfer after it is created (domain.md §7): the source accepts (possibly deselecting line items)
 * or rejects, the target cancels, and the clock expires unanswered transfers and completes scheduled
 * ones. The moves and who makes them are the table TRANSFER_TRANSITIONS.
 */
import { formatDate } from '../dates.js';
import type { UserError } from '../errors.js';
import type { SubscriptionFacts, TransferFacts, TransferLineItemFacts } from '../facts.js';
import { fromReasons, refuse, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { TRANSFER_TRANSITIONS } from '../transfers.js';
import type { TransferStatus } from '../transfers.js';
import { subscriptionIs, subscriptionName } from './wording.js';

export type TransferActor = 'SOURCE' | 'TARGET' | 'CLOCK';

/** Whether the move exists at all or, given `by`, whether that party may make it. */
export function canTransitionTransfer(
  from: TransferStatus,
  to: TransferStatus,
  by?: TransferActor,
): boolean {
  return TRANSFER_TRANSITIONS.some(
    (transition) =>
      transition.from === from &&
      transition.to === to &&
      (by === undefined || transition.by === by),
  );
}

function isExpired(transfer: TransferFacts, now: Date): boolean {
  return transfer.expiresAt !== null && now.getTime() >= transfer.expiresAt.getTime();
}

const STATUS_WORDS: Record<TransferStatus, string> = {
  PENDING: 'waiting for an answer',
  SCHEDULED: 'scheduled',
  COMPLETED: 'completed',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  FAILED: 'failed',
};

/** `TRANSFER_NOT_PENDING` unless the source can still answer. */
function requireAnswerable(transfer: TransferFacts, now: Date): UserError | undefined {
  if (transfer.status === 'PENDING' && isExpired(transfer, now) && transfer.expiresAt) {
    return userError(
      'TRANSFER_NOT_PENDING',
      `This transfer expired on ${formatDate(transfer.expiresAt)} without an answer; the requester can send a new one.`,
    );
  }
  if (transfer.status !== 'PENDING') {
    return userError(
      'TRANSFER_NOT_PENDING',
      `This transfer is ${STATUS_WORDS[transfer.status]}, so it can no longer be answered.`,
    );
  }
  return undefined;
}

/** Only the source partner answers; the target is told why it cannot, anyone else sees nothing. */
function requireSource(
  transfer: TransferFacts,
  actorPartnerId: string,
  action: string,
): RuleResult {
  if (actorPartnerId === transfer.sourcePartnerId) return { ok: true };
  if (actorPartnerId === transfer.targetPartnerId) {
    return refuse(
      'NOT_TRANSFER_PARTY',
      `Only the partner giving the subscriptions up can ${action} this transfer; your organisation requested it.`,
    );
  }
  return refuse('NOT_FOUND', 'No such transfer.');
}

export interface TransferAnswerRequest {
  transfer: TransferFacts;
  actorPartnerId: string;
  now: Date;
}

export interface TransferAcceptRequest extends TransferAnswerRequest {
  /** The line items the source lets go; `undefined`: all of them. */
  lineItemIds?: readonly string[] | undefined;
  /** The subscriptions of the line items, as they are now. */
  subscriptions: readonly SubscriptionFacts[];
}

export interface TransferAcceptance {
  status: 'COMPLETED' | 'SCHEDULED';
  /** Now, or the last line item's scheduled date. */
  effectiveAt: Date;
  lineItems: {
    id: string;
    subscriptionId: string;
    status: 'COMPLETED' | 'SCHEDULED' | 'DESELECTED';
  }[];
}

/**
 * The source accepts. Deselected line items stay with it (at least one must go); the kept ones
 * move now, or on their scheduled date (license-based items at term end).
 */
export function checkTransferAccept({
  transfer,
  actorPartnerId,
  now,
  lineItemIds,
  subscriptions,
}: TransferAcceptRequest): RuleResult<TransferAcceptance> {
  const party = requireSource(transfer, actorPartnerId, 'accept');
  if (!party.ok) return party;
  const notAnswerable = requireAnswerable(transfer, now);
  if (notAnswerable) return { ok: false, errors: [notAnswerable] };

  const reasons: UserError[] = [];
  const known = new Set(transfer.lineItems.map((item) => item.id));
  lineItemIds?.forEach((id, index) => {
    if (!known.has(id))
      reasons.push(
        userError('NOT_FOUND', 'This transfer has no such line item.', ['lineItemIds', index]),
      );
  });
  const kept = transfer.lineItems.filter((item) => lineItemIds?.includes(item.id) ?? true);
  if (kept.length === 0) {
    reasons.push(
      userError(
        'VALIDATION_FAILED',
        'Keep at least one line item to accept; to let nothing go, reject the transfer.',
        ['lineItemIds'],
      ),
    );
  }
  const subscriptionById = new Map(
    subscriptions.map((subscription) => [subscription.id, subscription]),
  );
  for (const item of kept) {
    const subscription = subscriptionById.get(item.subscriptionId);
    if (subscription && subscription.status !== 'ACTIVE') {
      reasons.push(
        userError(
          'SUBSCRIPTION_NOT_ACTIVE',
          `${subscriptionIs(subscription)} now: deselect it to accept the rest.`,
          ['lineItemIds'],
        ),
      );
    }
  }

  const isLater = (item: TransferLineItemFacts) =>
    item.scheduleAt !== null && item.scheduleAt.getTime() > now.getTime();
  const later = kept.filter(isLater);
  const effectiveAt = later.reduce(
    (max, item) => (item.scheduleAt && item.scheduleAt > max ? item.scheduleAt : max),
    now,
  );
  return fromReasons(reasons, {
    status: later.length > 0 ? ('SCHEDULED' as const) : ('COMPLETED' as const),
    effectiveAt,
    lineItems: transfer.lineItems.map((item) => ({
      id: item.id,
      subscriptionId: item.subscriptionId,
      status: !kept.includes(item)
        ? ('DESELECTED' as const)
        : isLater(item)
          ? ('SCHEDULED' as const)
          : ('COMPLETED' as const),
    })),
  });
}

export function checkTransferReject({
  transfer,
  actorPartnerId,
  now,
}: TransferAnswerRequest): RuleResult<{ changes: { status: 'REJECTED' } }> {
  const party = requireSource(transfer, actorPartnerId, 'reject');
  if (!party.ok) return party;
  const notAnswerable = requireAnswerable(transfer, now);
  return fromReasons(notAnswerable ? [notAnswerable] : [], {
    changes: { status: 'REJECTED' } as const,
  });
}

/** The requester withdraws while the transfer is pending or scheduled; nothing has moved yet. */
export function checkTransferCancel({
  transfer,
  actorPartnerId,
}: Omit<TransferAnswerRequest, 'now'>): RuleResult<{ changes: { status: 'CANCELLED' } }> {
  if (actorPartnerId !== transfer.targetPartnerId) {
    return actorPartnerId === transfer.sourcePartnerId
      ? refuse(
          'NOT_TRANSFER_PARTY',
          'Only the partner that requested this transfer can cancel it; you can reject it instead.',
        )
      : refuse('NOT_FOUND', 'No such transfer.');
  }
  if (!canTransitionTransfer(transfer.status, 'CANCELLED', 'TARGET')) {
    return refuse(
      'TRANSFER_NOT_PENDING',
      `This transfer is ${STATUS_WORDS[transfer.status]}, so it can no longer be cancelled.`,
    );
  }
  return fromReasons([], { changes: { status: 'CANCELLED' } as const });
}

export type TransferDeadlineOutcome =
  | { action: 'NONE' }
  | { action: 'EXPIRE'; status: 'EXPIRED' }
  | {
      action: 'ADVANCE';
      /** The transfer's new status, when it is finished. */
      status?: 'COMPLETED' | 'FAILED';
      lineItems: {
        id: string;
        subscriptionId: string;
        status: 'COMPLETED' | 'FAILED';
        failureReason?: string;
      }[];
    };

/**
 * What the clock does to a transfer: an unanswered `PENDING` one expires after TRANSFER_TTL_DAYS;
 * a `SCHEDULED` one moves each line item whose date has come, or fails it if its subscription ended
 * meanwhile. The job completes due transfers before applying term ends, so a subscription moving at
 * term end renews (or expires) with its new partner.
 */
export function transferAtDeadline(
  transfer: TransferFacts,
  subscriptions: readonly SubscriptionFacts[],
  now: Date,
): TransferDeadlineOutcome {
  if (transfer.status === 'PENDING') {
    return isExpired(transfer, now) ? { action: 'EXPIRE', status: 'EXPIRED' } : { action: 'NONE' };
  }
  if (transfer.status !== 'SCHEDULED') return { action: 'NONE' };

  const subscriptionById = new Map(
    subscriptions.map((subscription) => [subscription.id, subscription]),
  );
  const due = transfer.lineItems.filter(
    (item) =>
      item.status === 'SCHEDULED' &&
      (item.scheduleAt === null || item.scheduleAt.getTime() <= now.getTime()),
  );
  if (due.length === 0) return { action: 'NONE' };

  const lineItems = due.map((item) => {
    const subscription = subscriptionById.get(item.subscriptionId);
    if (subscription?.status === 'ACTIVE') {
      return { id: item.id, subscriptionId: item.subscriptionId, status: 'COMPLETED' as const };
    }
    return {
      id: item.id,
      subscriptionId: item.subscriptionId,
      status: 'FAILED' as const,
      failureReason: subscription
        ? `${subscriptionIs(subscription)}, so it could not move on ${formatDate(now)}.`
        : `${subscriptionName({})} no longer exists, so it could not move.`,
    };
  });

  const dueIds = new Set(due.map((item) => item.id));
  const stillScheduled = transfer.lineItems.some(
    (item) => item.status === 'SCHEDULED' && !dueIds.has(item.id),
  );
  if (stillScheduled) return { action: 'ADVANCE', lineItems };
  const anyCompleted =
    lineItems.some((item) => item.status === 'COMPLETED') ||
    transfer.lineItems.some((item) => item.status === 'COMPLETED');
  return { action: 'ADVANCE', status: anyCompleted ? 'COMPLETED' : 'FAILED', lineItems };
}
