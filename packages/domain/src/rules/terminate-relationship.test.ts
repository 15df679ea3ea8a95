import { describe, expect, it } from 'vitest';

import {
  azureSubscription,
  codesOf,
  externalSubscription,
  relationship,
  subscription,
} from '../testing/factories.js';
import { checkRelationshipTerminate } from './terminate-relationship.js';

const contosoSells = (overrides = {}) =>
  subscription({
    sellerPartnerId: 'contoso',
    billingPartnerId: 'contoso',
    managingPartnerId: 'contoso',
    ...overrides,
  });

describe('checkRelationshipTerminate', () => {
  it.each([
    ['ends a relationship with nothing sold', relationship(), [], 'contoso', []],
    [
      'ends it while other partners sell to the customer',
      relationship(),
      [subscription()],
      'contoso',
      [],
    ],
    [
      'ends it when what it sold is cancelled or expired',
      relationship(),
      [contosoSells({ status: 'CANCELLED' }), contosoSells({ status: 'EXPIRED' })],
      'contoso',
      [],
    ],
    [
      'refuses while it sells an active subscription',
      relationship(),
      [contosoSells()],
      'contoso',
      ['RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS'],
    ],
    [
      'refuses while it sells a suspended subscription',
      relationship(),
      [contosoSells({ status: 'SUSPENDED' })],
      'contoso',
      ['RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS'],
    ],
    [
      'refuses an indirect provider while it bills a reseller’s sale',
      relationship({ partnerId: 'fabrikam' }),
      [subscription({ sellerPartnerId: 'northwind', billingPartnerId: 'fabrikam' })],
      'fabrikam',
      ['RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS'],
    ],
    [
      'refuses a relationship that already ended',
      relationship({ status: 'TERMINATED' }),
      [],
      'contoso',
      ['INVALID_TRANSITION'],
    ],
    ['hides another partner’s relationship', relationship(), [], 'tailspin', ['NOT_FOUND']],
  ])('%s', (_name, facts, subscriptions, actorPartnerId, expected) => {
    expect(
      codesOf(checkRelationshipTerminate({ relationship: facts, subscriptions, actorPartnerId })),
    ).toEqual(expected);
  });

  it('counts what is still sold in the message', () => {
    const result = checkRelationshipTerminate({
      relationship: relationship(),
      subscriptions: [
        contosoSells(),
        contosoSells({ id: 'sub-2' }),
        azureSubscription({ sellerPartnerId: 'contoso', billingPartnerId: 'contoso' }),
      ],
      actorPartnerId: 'contoso',
    });
    expect(result.ok ? undefined : result.errors[0]?.message).toBe(
      'Your organisation still sells 3 subscriptions to this customer: cancel them, let them expire or transfer them before ending the relationship.',
    );
  });

  it('releases the management of subscriptions from other channels', () => {
    const result = checkRelationshipTerminate({
      relationship: relationship(),
      subscriptions: [
        externalSubscription({ managingPartnerId: 'contoso' }),
        externalSubscription({ id: 'other', managingPartnerId: 'tailspin' }),
      ],
      actorPartnerId: 'contoso',
    });
    expect(result).toEqual({
      ok: true,
      changes: { status: 'TERMINATED' },
      releasesManagementOf: ['ea-azure'],
    });
  });
});
