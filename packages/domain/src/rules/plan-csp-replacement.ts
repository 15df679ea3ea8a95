/**
 * The CSP subscription that takes over from a subscription bought elsewhere (domain.md §7):
 * - `LICENSE_TRANSITION`: at the source's term end, a CSP subscription with the same offer and
 *   quantity starts (`planLicenseTransitionSubscription`);
 * - `USAGE_MIGRATION`: the new subscription's details are prefilled from the source and the partner
 *   may change them (`prefillUsageMigrationSubscription`).
 * A registered source often has no standard term or billing cycle (they were entered by hand), so
 * both fall back to what a partner would pick for the offer.
 */
import type { OfferFacts, SubscriptionFacts } from '../facts.js';
import { BILLING_CYCLES_BY_TERM } from '../offers.js';
import type { BillingCycle, Term } from '../offers.js';
import { startTerm } from './renew-subscription.js';
import type { SubscriptionTerm } from './renew-subscription.js';

/** The source's term if the offer sells it, else a year, else the offer's first term. */
export function replacementTerm(sourceTerm: Term | null, offer: Pick<OfferFacts, 'terms'>): Term {
  if (sourceTerm && offer.terms.includes(sourceTerm)) return sourceTerm;
  if (offer.terms.includes('P1Y')) return 'P1Y';
  const [first] = offer.terms;
  return first ?? 'P1M';
}

/**
 * The source's cycle if it fits the offer and term; else the cycle of the term's length (annual for
 * a year) when offered, else monthly, else the first that fits.
 */
export function replacementBillingCycle(
  term: Term,
  offer: Pick<OfferFacts, 'billingCycles'>,
  sourceCycle: BillingCycle | null = null,
): BillingCycle {
  const fitting = BILLING_CYCLES_BY_TERM[term].filter((cycle) => offer.billingCycles.includes(cycle));
  if (sourceCycle && fitting.includes(sourceCycle)) return sourceCycle;
  const preferred: BillingCycle = term === 'P1M' ? 'MONTHLY' : 'ANNUAL';
  if (fitting.includes(preferred)) return preferred;
  if (fitting.includes('MONTHLY')) return 'MONTHLY';
  return fitting[0] ?? 'MONTHLY';
}

export interface LicenseTransitionSubscription extends SubscriptionTerm {
  term: Term;
  billingCycle: BillingCycle;
  quantity: number;
  /** CSP subscriptions renew unless someone turns it off. */
  autoRenew: true;
}

/**
 * The CSP subscription a license transition starts at `startsAt` (the source's term end): same
 * offer and quantity; a CSP term with its cancellation window.
 */
export function planLicenseTransitionSubscription(
  source: Pick<SubscriptionFacts, 'term' | 'quantity'>,
  offer: Pick<OfferFacts, 'terms' | 'billingCycles'>,
  startsAt: Date,
): LicenseTransitionSubscription {
  const term = replacementTerm(source.term, offer);
  return {
    term,
    billingCycle: replacementBillingCycle(term, offer),
    quantity: source.quantity ?? 1,
    autoRenew: true,
    ...startTerm(startsAt, term, { channel: 'CSP', billingModel: 'LICENSE_BASED' }),
  };
}

export interface UsageMigrationPrefill {
  offerId: string;
  term: Term;
  billingCycle: BillingCycle;
  autoRenew: boolean;
}

/**
 * What the form for a usage migration's new subscription starts with: the source's offer, and a
 * term and billing cycle the offer sells (the source's own where they fit). Auto-renew is on: an
 * Azure plan in CSP runs until it is cancelled.
 */
export function prefillUsageMigrationSubscription(
  source: Pick<SubscriptionFacts, 'term'> & { offerId: string; billingCycle: BillingCycle | null },
  offer: Pick<OfferFacts, 'terms' | 'billingCycles'>,
): UsageMigrationPrefill {
  const term = replacementTerm(source.term, offer);
  return { offerId: source.offerId, term, billingCycle: replacementBillingCycle(term, offer, source.billingCycle), autoRenew: true };
}
