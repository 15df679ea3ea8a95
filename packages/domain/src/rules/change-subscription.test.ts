import { describe, expect, it } from 'vitest';

import { SUBSCRIPTION_STATUSES } from '../subscriptions.js';
import type { SubscriptionStatus } from '../subscriptions.js';
import {
  NOW,
  azureSubscription,
  codesOf,
  daysFromNow,
  externalSubscription,
  subscription,
} from '../testing/factories.js';
import {
  canTransitionSubscription,
  checkSubscriptionCancel,
  checkSubscriptionReactivate,
  checkSubscriptionServiceCancel,
  checkSubscriptionSuspend,
  checkSubscriptionUpdate,
  isFinalSubscriptionStatus,
} from './change-subscription.js';

// A license-based CSP subscription still inside its 7-day window, and one past it.
const inWindow = subscription({
  termStart: daysFromNow(-3),
  cancellationAllowedUntil: daysFromNow(4),
});
const pastWindow = subscription();

describe('canTransitionSubscription', () => {
  it.each<[SubscriptionStatus, SubscriptionStatus, boolean]>([
    ['PENDING', 'ACTIVE', true],
    ['ACTIVE', 'SUSPENDED', true],
    ['SUSPENDED', 'ACTIVE', true],
    ['ACTIVE', 'CANCELLED', true],
    ['SUSPENDED', 'CANCELLED', true],
    ['PENDING', 'CANCELLED', false],
    ['ACTIVE', 'EXPIRED', false],
    ['CANCELLED', 'ACTIVE', false],
    ['EXPIRED', 'ACTIVE', false],
    ['SUSPENDED', 'SUSPENDED', false],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(canTransitionSubscription(from, to)).toBe(expected);
  });

  it('leaves CANCELLED and EXPIRED with no way out (final)', () => {
    for (const to of SUBSCRIPTION_STATUSES) {
      expect(canTransitionSubscription('CANCELLED', to)).toBe(false);
      expect(canTransitionSubscription('EXPIRED', to)).toBe(false);
    }
    expect(SUBSCRIPTION_STATUSES.filter(isFinalSubscriptionStatus)).toEqual([
      'CANCELLED',
      'EXPIRED',
    ]);
  });
});

describe('checkSubscriptionSuspend', () => {
  it.each([
    ['the seller suspends its active subscription', subscription(), 'tailspin', []],
    [
      'the indirect provider suspends what its reseller sold',
      subscription({ sellerPartnerId: 'northwind', billingPartnerId: 'fabrikam' }),
      'fabrikam',
      [],
    ],
    [
      'the managing partner suspends an EA subscription',
      externalSubscription({ managingPartnerId: 'contoso' }),
      'contoso',
      [],
    ],
    [
      'refuses a partner that did not sell the CSP subscription',
      subscription(),
      'contoso',
      ['NOT_SELLER'],
    ],
    [
      'refuses a partner that does not manage the EA subscription',
      externalSubscription({ managingPartnerId: 'tailspin' }),
      'contoso',
      ['NOT_MANAGING_PARTNER'],
    ],
    [
      'refuses an EA subscription nobody manages yet',
      externalSubscription(),
      'contoso',
      ['NOT_MANAGING_PARTNER'],
    ],
    [
      'refuses a subscription that is already suspended',
      subscription({ status: 'SUSPENDED' }),
      'tailspin',
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a cancelled subscription',
      subscription({ status: 'CANCELLED' }),
      'tailspin',
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
  ])('%s', (_name, facts, actorPartnerId, expected) => {
    expect(codesOf(checkSubscriptionSuspend({ subscription: facts, actorPartnerId }))).toEqual(
      expected,
    );
  });

  it('turns auto-renew off when suspending', () => {
    expect(
      checkSubscriptionSuspend({ subscription: subscription(), actorPartnerId: 'tailspin' }),
    ).toEqual({
      ok: true,
      changes: { status: 'SUSPENDED', autoRenew: false },
    });
  });
});

describe('checkSubscriptionReactivate', () => {
  it.each([
    ['reactivates a suspended subscription', subscription({ status: 'SUSPENDED' }), 'tailspin', []],
    ['refuses another partner', subscription({ status: 'SUSPENDED' }), 'contoso', ['NOT_SELLER']],
    [
      'refuses an active subscription (nothing to reactivate)',
      subscription(),
      'tailspin',
      ['INVALID_TRANSITION'],
    ],
    [
      'refuses an expired subscription',
      subscription({ status: 'EXPIRED' }),
      'tailspin',
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a suspended subscription whose term has ended',
      subscription({ status: 'SUSPENDED', termEnd: daysFromNow(-1) }),
      'tailspin',
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
  ])('%s', (_name, facts, actorPartnerId, expected) => {
    expect(
      codesOf(checkSubscriptionReactivate({ subscription: facts, actorPartnerId, now: NOW })),
    ).toEqual(expected);
  });
});

describe('checkSubscriptionCancel', () => {
  it.each([
    ['cancels a license-based CSP subscription inside its 7-day window', inWindow, []],
    [
      'cancels on the last moment of the window',
      subscription({ cancellationAllowedUntil: NOW }),
      [],
    ],
    [
      'refuses a license-based CSP subscription after its window',
      pastWindow,
      ['CANCELLATION_WINDOW_PASSED'],
    ],
    [
      'cancels a usage-based subscription at any time',
      azureSubscription({ termStart: daysFromNow(-300) }),
      [],
    ],
    [
      'cancels a suspended subscription inside its window',
      subscription({ ...inWindow, status: 'SUSPENDED' }),
      [],
    ],
    [
      'refuses a subscription held by an open transfer',
      subscription({ ...inWindow, isInOpenTransfer: true }),
      ['ALREADY_IN_TRANSFER'],
    ],
    [
      'refuses a subscription that is already cancelled',
      subscription({ status: 'CANCELLED' }),
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a subscription that has not started',
      subscription({ status: 'PENDING' }),
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a partner that did not sell it',
      subscription({ ...inWindow, sellerPartnerId: 'contoso', billingPartnerId: 'contoso' }),
      ['NOT_SELLER'],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(
      codesOf(
        checkSubscriptionCancel({ subscription: facts, actorPartnerId: 'tailspin', now: NOW }),
      ),
    ).toEqual(expected);
  });

  it('names the last day it could be cancelled and points to auto-renew', () => {
    const result = checkSubscriptionCancel({
      subscription: pastWindow,
      actorPartnerId: 'tailspin',
      now: NOW,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toBe(
        'Microsoft 365 E3 could be cancelled only until 2025-05-23, 7 days after its term started. Turn auto-renew off to let it end on 2026-05-16.',
      );
    }
  });
});

describe('checkSubscriptionUpdate', () => {
  it.each([
    ['adds seats after the window', pastWindow, { quantity: 15 }, []],
    ['removes seats inside the window', inWindow, { quantity: 5 }, []],
    [
      'refuses removing seats after the window',
      pastWindow,
      { quantity: 5 },
      ['QUANTITY_DECREASE_NOT_ALLOWED'],
    ],
    ['turns auto-renew off at any time', pastWindow, { autoRenew: false }, []],
    [
      'removes seats of a subscription from another channel at any time',
      externalSubscription({
        billingModel: 'LICENSE_BASED',
        quantity: 50,
        services: [],
        managingPartnerId: 'tailspin',
      }),
      { quantity: 10 },
      [],
    ],
    [
      'refuses seats on a usage-based subscription',
      azureSubscription(),
      { quantity: 3 },
      ['BILLING_MODEL_MISMATCH'],
    ],
    [
      'refuses any change but reactivation on a suspended subscription',
      subscription({ status: 'SUSPENDED' }),
      { autoRenew: true },
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a partner that did not sell it',
      subscription({ sellerPartnerId: 'contoso', billingPartnerId: 'contoso' }),
      { quantity: 20 },
      ['NOT_SELLER'],
    ],
  ])('%s', (_name, facts, changes, expected) => {
    expect(
      codesOf(
        checkSubscriptionUpdate({
          subscription: facts,
          actorPartnerId: 'tailspin',
          now: NOW,
          changes,
        }),
      ),
    ).toEqual(expected);
  });

  it('points the seat refusal at the quantity field', () => {
    const result = checkSubscriptionUpdate({
      subscription: pastWindow,
      actorPartnerId: 'tailspin',
      now: NOW,
      changes: { quantity: 1 },
    });
    expect(result.ok ? undefined : result.errors[0]?.field).toEqual(['quantity']);
  });
});

describe('checkSubscriptionServiceCancel', () => {
  it.each([
    [
      'cancels an active Azure service at any time',
      azureSubscription({ termStart: daysFromNow(-300) }),
      'svc-vm',
      [],
    ],
    [
      'refuses a service that is already cancelled',
      azureSubscription(),
      'svc-old',
      ['SERVICE_NOT_ACTIVE'],
    ],
    [
      'refuses a service the subscription does not have',
      azureSubscription(),
      'svc-none',
      ['NOT_FOUND'],
    ],
    [
      'refuses while the subscription is suspended',
      azureSubscription({ status: 'SUSPENDED' }),
      'svc-vm',
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a partner that did not sell it',
      azureSubscription({ sellerPartnerId: 'contoso', billingPartnerId: 'contoso' }),
      'svc-vm',
      ['NOT_SELLER'],
    ],
  ])('%s', (_name, facts, serviceId, expected) => {
    expect(
      codesOf(
        checkSubscriptionServiceCancel({
          subscription: facts,
          actorPartnerId: 'tailspin',
          serviceId,
        }),
      ),
    ).toEqual(expected);
  });
});
