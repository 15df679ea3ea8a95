/**
 * Term dates for seeded subscriptions, computed the way the API and its background job compute
 * them (domain.md §5), so seeded rows look like rows the application wrote.
 */
import { addTerm, CANCELLATION_WINDOW_DAYS } from '@switchyard/domain';
import type { BillingCycle, BillingModel, Channel, Term } from '@switchyard/domain';
import { addDays } from './deterministic.js';

export interface TermDates {
  termStartDate: Date;
  termEndDate: Date;
  cancellationAllowedUntil: Date | null;
}

/** Only CSP license-based subscriptions have a cancellation window (7 days from the term's start). */
export function termDates(
  termStart: Date,
  term: Term,
  channel: Channel,
  billingModel: BillingModel,
): TermDates {
  return {
    termStartDate: termStart,
    termEndDate: addTerm(termStart, term),
    cancellationAllowedUntil:
      channel === 'CSP' && billingModel === 'LICENSE_BASED'
        ? addDays(termStart, CANCELLATION_WINDOW_DAYS)
        : null,
  };
}

/**
 * The start of the term running at `now` for a subscription first started at `firstStart` and
 * auto-renewed ever since: what the renewal job would have left behind.
 */
export function currentTermStart(firstStart: Date, term: Term, now: Date): Date {
  let start = firstStart;
  let end = addTerm(start, term);
  while (end.getTime() <= now.getTime()) {
    start = end;
    end = addTerm(start, term);
  }
  return start;
}

/** The billing cycle a partner usually picks for a term (it never outlasts the term). */
export function defaultBillingCycle(term: Term, billingModel: BillingModel): BillingCycle {
  if (billingModel === 'USAGE_BASED' || term === 'P1M') return 'MONTHLY';
  return 'ANNUAL';
}
