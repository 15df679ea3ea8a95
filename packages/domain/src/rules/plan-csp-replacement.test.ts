import { describe, expect, it } from 'vitest';

import { addTerm } from '../offers.js';
import type { BillingCycle, Term } from '../offers.js';
import { azurePlan, externalSubscription, offer } from '../testing/factories.js';
import {
  planLicenseTransitionSubscription,
  prefillUsageMigrationSubscription,
  replacementBillingCycle,
  replacementTerm,
} from './plan-csp-replacement.js';

describe('replacementTerm', () => {
  it.each<[string, Term | null, readonly Term[], Term]>([
    ["keeps the source's term when the offer sells it", 'P3Y', ['P1M', 'P1Y', 'P3Y'], 'P3Y'],
    ['takes a year when the source has no standard term', null, ['P1M', 'P1Y'], 'P1Y'],
    ["takes a year when the offer does not sell the source's term", 'P3Y', ['P1M', 'P1Y'], 'P1Y'],
    ["takes the offer's first term when it sells no year", null, ['P1M'], 'P1M'],
  ])('%s', (_name, sourceTerm, terms, expected) => {
    expect(replacementTerm(sourceTerm, { terms })).toBe(expected);
  });
});

describe('replacementBillingCycle', () => {
  it.each<[string, Term, readonly BillingCycle[], BillingCycle | null, BillingCycle]>([
    ["keeps the source's cycle when it fits", 'P1Y', ['MONTHLY', 'ANNUAL'], 'MONTHLY', 'MONTHLY'],
    ['bills a year annually by default', 'P1Y', ['MONTHLY', 'ANNUAL'], null, 'ANNUAL'],
    ['bills a month monthly', 'P1M', ['MONTHLY', 'ANNUAL'], null, 'MONTHLY'],
    ['falls back to monthly when the offer bills nothing annually', 'P3Y', ['MONTHLY', 'TRIENNIAL'], null, 'MONTHLY'],
    ['never keeps a cycle longer than the term', 'P1M', ['MONTHLY', 'ANNUAL'], 'ANNUAL', 'MONTHLY'],
  ])('%s', (_name, term, billingCycles, sourceCycle, expected) => {
    expect(replacementBillingCycle(term, { billingCycles }, sourceCycle)).toBe(expected);
  });
});

describe('planLicenseTransitionSubscription', () => {
  const startsAt = new Date('2026-03-01T00:00:00Z');

  it('starts a CSP term at the given moment with the same seats and a cancellation window', () => {
    const plan = planLicenseTransitionSubscription({ term: null, quantity: 40 }, offer(), startsAt);
    expect(plan).toEqual({
      term: 'P1Y',
      billingCycle: 'ANNUAL',
      quantity: 40,
      autoRenew: true,
      termStart: startsAt,
      termEnd: addTerm(startsAt, 'P1Y'),
      cancellationAllowedUntil: new Date('2026-03-08T00:00:00Z'),
    });
  });

  it("keeps the source's term when the offer sells it", () => {
    expect(planLicenseTransitionSubscription({ term: 'P1M', quantity: 5 }, offer(), startsAt).term).toBe('P1M');
  });
});

describe('prefillUsageMigrationSubscription', () => {
  it("prefills the source's offer with a term and cycle the offer sells", () => {
    const source = { ...externalSubscription(), offerId: 'azure-plan', billingCycle: null };
    expect(prefillUsageMigrationSubscription(source, azurePlan)).toEqual({
      offerId: 'azure-plan',
      term: 'P1M',
      billingCycle: 'MONTHLY',
      autoRenew: true,
    });
  });
});
