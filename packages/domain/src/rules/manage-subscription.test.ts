import { describe, expect, it } from 'vitest';

import {
  codesOf,
  contoso,
  externalSubscription,
  partner,
  relationship,
  subscription,
} from '../testing/factories.js';
import { checkSubscriptionManage } from './manage-subscription.js';

describe('checkSubscriptionManage', () => {
  it.each([
    [
      'takes over an EA subscription with an active relationship',
      externalSubscription(),
      [relationship()],
      contoso,
      [],
    ],
    [
      'takes over from another managing partner (multi-partner)',
      externalSubscription({ managingPartnerId: 'tailspin' }),
      [relationship()],
      contoso,
      [],
    ],
    [
      'takes over a license-based subscription bought direct',
      externalSubscription({ channel: 'DIRECT', billingModel: 'LICENSE_BASED' }),
      [relationship()],
      contoso,
      [],
    ],
    [
      'refuses without a relationship',
      externalSubscription(),
      [relationship({ partnerId: 'tailspin' })],
      contoso,
      ['RELATIONSHIP_REQUIRED'],
    ],
    [
      'refuses a CSP subscription (a partner switch moves those)',
      subscription(),
      [relationship()],
      contoso,
      ['CHANNEL_NOT_MANAGEABLE'],
    ],
    [
      'refuses a Syndication subscription',
      externalSubscription({ channel: 'SYNDICATION' }),
      [relationship()],
      contoso,
      ['CHANNEL_NOT_MANAGEABLE'],
    ],
    [
      'refuses a cancelled subscription',
      externalSubscription({ status: 'CANCELLED' }),
      [relationship()],
      contoso,
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a subscription in another cloud',
      externalSubscription({ cloud: 'US_GOVERNMENT' }),
      [relationship()],
      contoso,
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a partner from another cloud',
      externalSubscription(),
      [relationship()],
      partner({ cloud: 'GERMANY' }),
      ['CLOUD_MISMATCH'],
    ],
  ])('%s', (_name, facts, relationships, requester, expected) => {
    expect(
      codesOf(checkSubscriptionManage({ partner: requester, subscription: facts, relationships })),
    ).toEqual(expected);
  });

  it('sets the managing partner and keeps the seller', () => {
    expect(
      checkSubscriptionManage({
        partner: contoso,
        subscription: externalSubscription({ managingPartnerId: 'tailspin' }),
        relationships: [relationship()],
      }),
    ).toEqual({
      ok: true,
      changes: { managingPartnerId: 'contoso' },
      previousManagingPartnerId: 'tailspin',
    });
  });
});
