/**
 * A subscription's term and what the clock does at its end (domain.md §5). The background job
 * (`applyDueTransitions(now)` in the API) asks `subscriptionAtTermEnd` for each subscription whose
 * term has ended and applies the answer; nothing else moves a subscription on time.
 */
import { addDays } from '../dates.js';
import type { SubscriptionFacts } from '../facts.js';
import { addTerm } from '../offers.js';
import type { Term } from '../offers.js';
import { CANCELLATION_WINDOW_DAYS } from '../subscriptions.js';

/** The last moment a CSP license-based subscription may be cancelled or lose seats (PC: 7 days). */
export function cancellationAllowedUntil(termStart: Date): Date {
  return addDays(termStart, CANCELLATION_WINDOW_DAYS);
}

/** Only CSP license-based subscriptions have the window; usage-based ones cancel at any time. */
export function hasCancellationWindow(
  subscription: Pick<SubscriptionFacts, 'channel' | 'billingModel'>,
): boolean {
  return subscription.channel === 'CSP' && subscription.billingModel === 'LICENSE_BASED';
}

export interface SubscriptionTerm {
  termStart: Date;
  termEnd: Date;
  /** `null` where no window applies (see `hasCancellationWindow`). */
  cancellationAllowedUntil: Date | null;
}

/** The dates of a term starting at `termStart`: for a new subscription or a renewal. */
export function startTerm(
  termStart: Date,
  term: Term,
  subscription: Pick<SubscriptionFacts, 'channel' | 'billingModel'>,
): SubscriptionTerm {
  return {
    termStart,
    termEnd: addTerm(termStart, term),
    cancellationAllowedUntil: hasCancellationWindow(subscription)
      ? cancellationAllowedUntil(termStart)
      : null,
  };
}

export type TermEndOutcome =
  /** The term has not ended, or the status is not one the clock moves. */
  | { action: 'NONE' }
  /** `renewals` is more than 1 when the job ran late and whole terms went by. */
  | { action: 'RENEW'; renewals: number; term: SubscriptionTerm }
  | { action: 'EXPIRE'; status: 'EXPIRED'; autoRenew: false };

// Bounds the catch-up loop: a month-long term missed for 100 years is still a finite answer.
const MAX_RENEWALS = 1200;

/**
 * What happens to a subscription whose term may have ended by `now`: `ACTIVE` with auto-renew
 * renews (a new term and a new cancellation window), `ACTIVE` without it and `SUSPENDED` expire.
 */
export function subscriptionAtTermEnd(subscription: SubscriptionFacts, now: Date): TermEndOutcome {
  const { status, termEnd } = subscription;
  if (
    (status !== 'ACTIVE' && status !== 'SUSPENDED') ||
    !termEnd ||
    now.getTime() < termEnd.getTime()
  ) {
    return { action: 'NONE' };
  }
  if (status === 'SUSPENDED' || !subscription.autoRenew) {
    return { action: 'EXPIRE', status: 'EXPIRED', autoRenew: false };
  }
  const nextEnd = renewalLength(subscription);
  // A term of unknown length cannot be renewed; ending it is safer than inventing one.
  if (!nextEnd) return { action: 'EXPIRE', status: 'EXPIRED', autoRenew: false };

  let start = termEnd;
  let end = nextEnd(start);
  let renewals = 1;
  while (end.getTime() <= now.getTime() && renewals < MAX_RENEWALS) {
    start = end;
    end = nextEnd(start);
    renewals += 1;
  }
  return {
    action: 'RENEW',
    renewals,
    term: {
      termStart: start,
      termEnd: end,
      cancellationAllowedUntil: hasCancellationWindow(subscription)
        ? cancellationAllowedUntil(start)
        : null,
    },
  };
}

/** A standard term renews by the term; a registered one by its own length. */
function renewalLength(subscription: SubscriptionFacts): ((start: Date) => Date) | undefined {
  const { term, termStart, termEnd } = subscription;
  if (term) return (start) => addTerm(start, term);
  if (!termStart || !termEnd || termEnd.getTime() <= termStart.getTime()) return undefined;
  const length = termEnd.getTime() - termStart.getTime();
  return (start) => new Date(start.getTime() + length);
}
