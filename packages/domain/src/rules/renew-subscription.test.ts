import { describe, expect, it } from 'vitest';

import {
  NOW,
  azureSubscription,
  daysFromNow,
  externalSubscription,
  subscription,
} from '../testing/factories.js';
import {
  cancellationAllowedUntil,
  startTerm,
  subscriptionAtTermEnd,
} from './renew-subscription.js';

describe('cancellationAllowedUntil', () => {
  it('is 7 days after the term starts', () => {
    expect(cancellationAllowedUntil(new Date('2025-01-31T10:00:00Z'))).toEqual(
      new Date('2025-02-07T10:00:00Z'),
    );
  });
});

describe('startTerm', () => {
  it.each([
    [
      'gives a CSP license-based term its cancellation window',
      subscription(),
      new Date('2025-01-08T00:00:00Z'),
    ],
    ['gives a usage-based term no window', azureSubscription(), null],
    [
      'gives a term from another channel no window',
      externalSubscription({ billingModel: 'LICENSE_BASED' }),
      null,
    ],
  ])('%s', (_name, facts, expectedWindow) => {
    const term = startTerm(new Date('2025-01-01T00:00:00Z'), 'P1Y', facts);
    expect(term).toEqual({
      termStart: new Date('2025-01-01T00:00:00Z'),
      termEnd: new Date('2026-01-01T00:00:00Z'),
      cancellationAllowedUntil: expectedWindow,
    });
  });
});

describe('subscriptionAtTermEnd', () => {
  const ended = {
    termStart: new Date('2024-06-15T00:00:00Z'),
    termEnd: new Date('2025-06-15T00:00:00Z'),
  };

  it.each([
    ['does nothing before the term ends', subscription(), { action: 'NONE' }],
    [
      'expires an active subscription without auto-renew',
      subscription({ ...ended, autoRenew: false }),
      { action: 'EXPIRE', status: 'EXPIRED', autoRenew: false },
    ],
    [
      'expires a suspended subscription even with auto-renew',
      subscription({ ...ended, status: 'SUSPENDED' }),
      { action: 'EXPIRE', status: 'EXPIRED', autoRenew: false },
    ],
    [
      'leaves a cancelled subscription alone',
      subscription({ ...ended, status: 'CANCELLED' }),
      { action: 'NONE' },
    ],
    [
      'leaves an expired subscription alone',
      subscription({ ...ended, status: 'EXPIRED' }),
      { action: 'NONE' },
    ],
    [
      'leaves a pending subscription alone',
      subscription({ ...ended, status: 'PENDING' }),
      { action: 'NONE' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(subscriptionAtTermEnd(facts, NOW)).toEqual(expected);
  });

  it('renews an active subscription with auto-renew: new term and new cancellation window', () => {
    expect(subscriptionAtTermEnd(subscription(ended), NOW)).toEqual({
      action: 'RENEW',
      renewals: 1,
      term: {
        termStart: new Date('2025-06-15T00:00:00Z'),
        termEnd: new Date('2026-06-15T00:00:00Z'),
        cancellationAllowedUntil: new Date('2025-06-22T00:00:00Z'),
      },
    });
  });

  it('catches up on every term missed when the job ran late', () => {
    const monthly = subscription({
      term: 'P1M',
      termStart: new Date('2025-02-15T00:00:00Z'),
      termEnd: new Date('2025-03-15T00:00:00Z'),
    });
    // Terms ended on 03-15, 04-15, 05-15 and 06-15 (midnight, before NOW at noon): four renewals.
    expect(subscriptionAtTermEnd(monthly, NOW)).toMatchObject({
      action: 'RENEW',
      renewals: 4,
      term: {
        termStart: new Date('2025-06-15T00:00:00Z'),
        termEnd: new Date('2025-07-15T00:00:00Z'),
      },
    });
  });

  it('renews a registered subscription by its own term length', () => {
    const registered = externalSubscription({
      termStart: new Date('2024-06-01T00:00:00Z'),
      termEnd: new Date('2025-06-01T00:00:00Z'),
      autoRenew: true,
    });
    expect(subscriptionAtTermEnd(registered, NOW)).toMatchObject({
      action: 'RENEW',
      term: {
        termStart: new Date('2025-06-01T00:00:00Z'),
        termEnd: new Date('2026-06-01T00:00:00Z'),
        cancellationAllowedUntil: null,
      },
    });
  });

  it('expires a subscription whose term length is unknown rather than invent one', () => {
    expect(
      subscriptionAtTermEnd(
        externalSubscription({ termStart: null, termEnd: daysFromNow(-1) }),
        NOW,
      ),
    ).toMatchObject({ action: 'EXPIRE' });
  });
});
