import { describe, expect, it } from 'vitest';

import type { RelationshipRequestFacts } from '../facts.js';
import {
  NOW,
  codesOf,
  contoso,
  customer,
  daysFromNow,
  indirectLink,
  northwind,
  partner,
  relationship,
  relationshipRequest,
} from '../testing/factories.js';
import {
  checkRelationshipRequestAccept,
  checkRelationshipRequestCreate,
  checkRelationshipRequestDecline,
  checkRelationshipRequestRevoke,
  relationshipRequestAtDeadline,
  relationshipRequestExpiresAt,
} from './request-relationship.js';

type CreateRequest = Parameters<typeof checkRelationshipRequestCreate>[0];

function createRequest(overrides: Partial<CreateRequest> = {}): CreateRequest {
  return {
    partner: contoso,
    customer: customer(),
    relationships: [],
    requests: [],
    indirectLinks: [],
    input: {},
    now: NOW,
    ...overrides,
  };
}

describe('checkRelationshipRequestCreate', () => {
  it.each<[string, Partial<CreateRequest>, string[]]>([
    ['sends a request to a customer in the partner’s cloud and markets', {}, []],
    [
      'sends a request while another partner already has a relationship (multi-partner)',
      { relationships: [relationship({ partnerId: 'tailspin' })] },
      [],
    ],
    [
      'sends a new request once the previous one expired',
      { requests: [relationshipRequest({ createdAt: daysFromNow(-91) })] },
      [],
    ],
    [
      'sends a request after a terminated relationship',
      { relationships: [relationship({ status: 'TERMINATED' })] },
      [],
    ],
    [
      'refuses a customer in another cloud',
      { customer: customer({ cloud: 'US_GOVERNMENT' }) },
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a customer outside the partner’s markets',
      { customer: customer({ country: 'DE' }) },
      ['MARKET_NOT_SUPPORTED'],
    ],
    [
      'refuses a partner tenant',
      { customer: customer({ isPartnerTenant: true }) },
      ['PARTNER_TENANT_NOT_ALLOWED'],
    ],
    [
      'refuses when the partner already has an active relationship',
      { relationships: [relationship()] },
      ['RELATIONSHIP_ALREADY_EXISTS'],
    ],
    [
      'refuses a second pending request',
      { requests: [relationshipRequest()] },
      ['RELATIONSHIP_REQUEST_ALREADY_PENDING'],
    ],
    [
      'lets an indirect reseller name a provider it has an active link with',
      {
        partner: northwind,
        input: { indirectProviderId: 'fabrikam' },
        indirectLinks: [indirectLink()],
      },
      [],
    ],
    [
      'refuses an indirect reseller that names no provider',
      { partner: northwind, indirectLinks: [indirectLink()] },
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller whose link is suspended',
      {
        partner: northwind,
        input: { indirectProviderId: 'fabrikam' },
        indirectLinks: [indirectLink({ status: 'SUSPENDED' })],
      },
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller with no link to that provider',
      {
        partner: northwind,
        input: { indirectProviderId: 'other-provider' },
        indirectLinks: [indirectLink()],
      },
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses a direct provider that names an indirect provider',
      { input: { indirectProviderId: 'fabrikam' } },
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
    [
      'reports every reason at once',
      { customer: customer({ cloud: 'GERMANY', country: 'DE', isPartnerTenant: true }) },
      ['CLOUD_MISMATCH', 'MARKET_NOT_SUPPORTED', 'PARTNER_TENANT_NOT_ALLOWED'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(codesOf(checkRelationshipRequestCreate(createRequest(overrides)))).toEqual(expected);
  });

  it.each([
    [
      'a direct provider asks for a RESELLER relationship',
      contoso,
      {},
      { relationshipType: 'RESELLER', indirectProviderId: null },
    ],
    [
      'an indirect provider asks for its own INDIRECT_PROVIDER relationship',
      partner({ id: 'fabrikam', kind: 'INDIRECT_PROVIDER' }),
      {},
      { relationshipType: 'INDIRECT_PROVIDER', indirectProviderId: null },
    ],
    [
      'an indirect reseller asks for INDIRECT_RESELLER naming its provider',
      northwind,
      { indirectProviderId: 'fabrikam' },
      { relationshipType: 'INDIRECT_RESELLER', indirectProviderId: 'fabrikam' },
    ],
  ])('plans the relationship: %s, expiring after 90 days', (_name, requester, input, expected) => {
    const result = checkRelationshipRequestCreate(
      createRequest({ partner: requester, input, indirectLinks: [indirectLink()] }),
    );
    expect(result).toEqual({ ok: true, ...expected, expiresAt: daysFromNow(90) });
  });
});

describe('checkRelationshipRequestAccept / Decline', () => {
  it.each<[string, Partial<RelationshipRequestFacts>, string[]]>([
    ['answers a pending invitation', {}, []],
    ['answers on day 89', { createdAt: daysFromNow(-89) }, []],
    ['refuses an invitation 90 days old', { createdAt: daysFromNow(-90) }, ['INVITATION_EXPIRED']],
    [
      'refuses an invitation the clock already expired',
      { status: 'EXPIRED' },
      ['INVITATION_EXPIRED'],
    ],
    ['refuses an invitation already accepted', { status: 'ACCEPTED' }, ['INVITATION_ALREADY_USED']],
    ['refuses an invitation already declined', { status: 'DECLINED' }, ['INVITATION_ALREADY_USED']],
    ['refuses an invitation the partner revoked', { status: 'REVOKED' }, ['INVITATION_REVOKED']],
  ])('%s', (_name, overrides, expected) => {
    const request = relationshipRequest(overrides);
    expect(
      codesOf(checkRelationshipRequestAccept({ request, relationships: [], now: NOW })),
    ).toEqual(expected);
    expect(codesOf(checkRelationshipRequestDecline({ request, now: NOW }))).toEqual(expected);
  });

  it('tells the customer when the invitation expired', () => {
    const result = checkRelationshipRequestAccept({
      request: relationshipRequest({ createdAt: daysFromNow(-100) }),
      relationships: [],
      now: NOW,
    });
    expect(result.ok ? undefined : result.errors[0]?.message).toBe(
      'This invitation expired on 2025-06-05, 90 days after it was sent. Ask the partner for a new one.',
    );
  });

  it('creates the partner’s relationship on acceptance', () => {
    expect(
      checkRelationshipRequestAccept({
        request: relationshipRequest(),
        relationships: [],
        now: NOW,
      }),
    ).toEqual({
      ok: true,
      changes: { status: 'ACCEPTED' },
      relationshipsToCreate: [
        { partnerId: 'contoso', customerId: 'adatum', type: 'RESELLER', indirectProviderId: null },
      ],
    });
  });

  it('gives the named indirect provider its own relationship, unless it has one', () => {
    const request = relationshipRequest({
      partnerId: 'northwind',
      relationshipType: 'INDIRECT_RESELLER',
      indirectProviderId: 'fabrikam',
    });
    const accept = (relationships = [relationship({ partnerId: 'tailspin' })]) =>
      checkRelationshipRequestAccept({ request, relationships, now: NOW });
    expect(accept()).toMatchObject({
      relationshipsToCreate: [
        { partnerId: 'northwind', type: 'INDIRECT_RESELLER', indirectProviderId: 'fabrikam' },
        { partnerId: 'fabrikam', type: 'INDIRECT_PROVIDER', indirectProviderId: null },
      ],
    });
    expect(
      accept([relationship({ partnerId: 'fabrikam', type: 'INDIRECT_PROVIDER' })]),
    ).toMatchObject({
      relationshipsToCreate: [{ partnerId: 'northwind' }],
    });
  });
});

describe('checkRelationshipRequestRevoke', () => {
  it.each<[string, Partial<RelationshipRequestFacts>, string, string[]]>([
    ['revokes its own pending request', {}, 'contoso', []],
    ['hides another partner’s request', {}, 'tailspin', ['NOT_FOUND']],
    [
      'refuses a request already accepted',
      { status: 'ACCEPTED' },
      'contoso',
      ['INVITATION_ALREADY_USED'],
    ],
    [
      'refuses a request that expired',
      { createdAt: daysFromNow(-95) },
      'contoso',
      ['INVITATION_EXPIRED'],
    ],
    ['refuses a request already revoked', { status: 'REVOKED' }, 'contoso', ['INVALID_TRANSITION']],
  ])('%s', (_name, overrides, actorPartnerId, expected) => {
    expect(
      codesOf(
        checkRelationshipRequestRevoke({
          request: relationshipRequest(overrides),
          actorPartnerId,
          now: NOW,
        }),
      ),
    ).toEqual(expected);
  });
});

describe('relationshipRequestAtDeadline', () => {
  it.each<[string, Partial<RelationshipRequestFacts>, string]>([
    ['leaves a recent pending request', {}, 'NONE'],
    ['expires a pending request after 90 days', { createdAt: daysFromNow(-90) }, 'EXPIRE'],
    [
      'leaves an accepted request alone',
      { status: 'ACCEPTED', createdAt: daysFromNow(-200) },
      'NONE',
    ],
  ])('%s', (_name, overrides, action) => {
    expect(relationshipRequestAtDeadline(relationshipRequest(overrides), NOW).action).toBe(action);
  });

  it('expires 90 days after it was sent', () => {
    expect(relationshipRequestExpiresAt(new Date('2025-01-01T00:00:00Z'))).toEqual(
      new Date('2025-04-01T00:00:00Z'),
    );
  });
});
