/** Catalog vocabulary (domain.md §5). */
export const BILLING_MODELS = ['LICENSE_BASED', 'USAGE_BASED'] as const;
export type BillingModel = (typeof BILLING_MODELS)[number];

/** ISO-8601 durations of a subscription term. */
export const TERMS = ['P1M', 'P1Y', 'P3Y'] as const;
export type Term = (typeof TERMS)[number];

export const BILLING_CYCLES = ['MONTHLY', 'ANNUAL', 'TRIENNIAL'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

/** Adds a term to a date (UTC, calendar months; the 31st rolls back to the month's last day). */
export function addTerm(start: Date, term: Term): Date {
  const months = term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
  const result = new Date(start.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export const TERM_LABELS: Record<Term, string> = { P1M: '1 month', P1Y: '1 year', P3Y: '3 years' };

export const BILLING_CYCLE_LABELS: Record<BillingCycle, string> = {
  MONTHLY: 'monthly',
  ANNUAL: 'annual',
  TRIENNIAL: 'triennial',
};

/** A billing cycle never outlasts the term: monthly fits every term, triennial only three years. */
export const BILLING_CYCLES_BY_TERM: Record<Term, readonly BillingCycle[]> = {
  P1M: ['MONTHLY'],
  P1Y: ['MONTHLY', 'ANNUAL'],
  P3Y: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
};
