import { describe, expect, it } from 'vitest';

import {
  azurePlan,
  codesOf,
  contoso,
  customer,
  fabrikam,
  indirectLink,
  northwind,
  offer,
  relationship,
} from '../testing/factories.js';
import { checkSubscriptionCreate, checkSubscriptionRegisterExternal } from './sell-subscription.js';

type CreateRequest = Parameters<typeof checkSubscriptionCreate>[0];

function createRequest(overrides: Partial<CreateRequest> = {}): CreateRequest {
  return {
    seller: contoso,
    customer: customer(),
    offer: offer(),
    relationships: [relationship()],
    indirectLinks: [],
    input: { quantity: 10, term: 'P1Y', billingCycle: 'ANNUAL' },
    ...overrides,
  };
}

const northwindRelationship = relationship({
  partnerId: 'northwind',
  type: 'INDIRECT_RESELLER',
  indirectProviderId: 'fabrikam',
});

describe('checkSubscriptionCreate', () => {
  it.each<[string, Partial<CreateRequest>, string[]]>([
    ['sells a license-based offer with an active relationship', {}, []],
    [
      'sells a usage-based offer without seats',
      { offer: azurePlan, input: { term: 'P1M', billingCycle: 'MONTHLY' } },
      [],
    ],
    [
      'refuses a partner tenant',
      { customer: customer({ isPartnerTenant: true }) },
      ['PARTNER_TENANT_NOT_ALLOWED'],
    ],
    ['refuses without a relationship', { relationships: [] }, ['RELATIONSHIP_REQUIRED']],
    [
      'refuses with a terminated relationship only',
      { relationships: [relationship({ status: 'TERMINATED' })] },
      ['RELATIONSHIP_REQUIRED'],
    ],
    [
      'refuses a customer in another cloud',
      { customer: customer({ cloud: 'US_GOVERNMENT' }) },
      ['CLOUD_MISMATCH'],
    ],
    [
      'lets an indirect reseller sell through its provider',
      {
        seller: northwind,
        relationships: [northwindRelationship],
        indirectLinks: [indirectLink()],
      },
      [],
    ],
    [
      'refuses an indirect reseller whose link is suspended',
      {
        seller: northwind,
        relationships: [northwindRelationship],
        indirectLinks: [indirectLink({ status: 'SUSPENDED' })],
      },
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller with no provider named anywhere',
      {
        seller: northwind,
        relationships: [relationship({ partnerId: 'northwind' })],
        indirectLinks: [indirectLink()],
      },
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect provider selling on its own',
      { seller: fabrikam, relationships: [relationship({ partnerId: 'fabrikam' })] },
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
    [
      'refuses a direct provider naming an indirect provider',
      {
        input: { quantity: 1, term: 'P1Y', billingCycle: 'ANNUAL', indirectProviderId: 'fabrikam' },
      },
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
    [
      'refuses a license-based sale without seats',
      { input: { term: 'P1Y', billingCycle: 'ANNUAL' } },
      ['VALIDATION_FAILED'],
    ],
    [
      'sells a usage-based offer naming its first services',
      {
        offer: azurePlan,
        input: { term: 'P1M', billingCycle: 'MONTHLY', services: [{ name: 'Virtual Machines' }] },
      },
      [],
    ],
    [
      'refuses services on a license-based offer',
      {
        input: {
          quantity: 1,
          term: 'P1Y',
          billingCycle: 'ANNUAL',
          services: [{ name: 'Storage' }],
        },
      },
      ['VALIDATION_FAILED'],
    ],
    [
      'refuses seats on a usage-based offer',
      { offer: azurePlan, input: { quantity: 5, term: 'P1M', billingCycle: 'MONTHLY' } },
      ['VALIDATION_FAILED'],
    ],
    [
      'refuses a term the offer is not sold for',
      {
        offer: offer({ terms: ['P1Y'] }),
        input: { quantity: 1, term: 'P3Y', billingCycle: 'ANNUAL' },
      },
      ['VALIDATION_FAILED'],
    ],
    [
      'refuses a billing cycle longer than the term',
      { input: { quantity: 1, term: 'P1Y', billingCycle: 'TRIENNIAL' } },
      ['VALIDATION_FAILED'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(codesOf(checkSubscriptionCreate(createRequest(overrides)))).toEqual(expected);
  });

  it('makes the seller the billing and managing partner of a direct sale', () => {
    expect(checkSubscriptionCreate(createRequest())).toEqual({
      ok: true,
      sellerPartnerId: 'contoso',
      billingPartnerId: 'contoso',
      managingPartnerId: 'contoso',
      quantity: 10,
    });
  });

  it('bills an indirect reseller’s sale to the provider named in the input, else on its relationship', () => {
    const links = [indirectLink(), indirectLink({ id: 'link-2', providerId: 'other-provider' })];
    const fromRelationship = checkSubscriptionCreate(
      createRequest({
        seller: northwind,
        relationships: [northwindRelationship],
        indirectLinks: links,
      }),
    );
    const named = checkSubscriptionCreate(
      createRequest({
        seller: northwind,
        relationships: [northwindRelationship],
        indirectLinks: links,
        input: {
          quantity: 1,
          term: 'P1Y',
          billingCycle: 'ANNUAL',
          indirectProviderId: 'other-provider',
        },
      }),
    );
    expect(fromRelationship).toMatchObject({
      ok: true,
      sellerPartnerId: 'northwind',
      billingPartnerId: 'fabrikam',
    });
    expect(named).toMatchObject({ ok: true, billingPartnerId: 'other-provider' });
  });

  it('names the offer and the fields in its refusals', () => {
    const result = checkSubscriptionCreate(
      createRequest({
        offer: offer({ terms: ['P1M', 'P1Y'] }),
        input: { term: 'P3Y', billingCycle: 'ANNUAL' },
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      {
        code: 'VALIDATION_FAILED',
        message: 'Microsoft 365 E3 is not sold for 3 years; choose 1 month or 1 year.',
        field: ['term'],
      },
      {
        code: 'VALIDATION_FAILED',
        message: 'Microsoft 365 E3 is license-based: enter the number of seats.',
        field: ['quantity'],
      },
    ]);
  });
});

describe('checkSubscriptionRegisterExternal', () => {
  type RegisterRequest = Parameters<typeof checkSubscriptionRegisterExternal>[0];
  const register = (overrides: Partial<RegisterRequest>) =>
    checkSubscriptionRegisterExternal({
      partner: contoso,
      customer: customer(),
      offer: offer(),
      relationships: [relationship()],
      input: { quantity: 25 },
      ...overrides,
    });

  it.each<[string, Partial<RegisterRequest>, string[]]>([
    ['registers a license-based subscription with its seats', {}, []],
    [
      'registers a usage-based subscription with its services',
      { offer: azurePlan, input: { services: [{ name: 'Virtual Machines' }] } },
      [],
    ],
    ['refuses without a relationship', { relationships: [] }, ['RELATIONSHIP_REQUIRED']],
    [
      'refuses a customer in another cloud',
      { customer: customer({ cloud: 'GERMANY' }) },
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a usage-based subscription without services',
      { offer: azurePlan, input: {} },
      ['VALIDATION_FAILED'],
    ],
    [
      'refuses services on a license-based subscription',
      { input: { quantity: 1, services: [{ name: 'Exchange' }] } },
      ['VALIDATION_FAILED'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(codesOf(register(overrides))).toEqual(expected);
  });
});
