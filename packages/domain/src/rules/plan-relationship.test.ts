import { describe, expect, it } from 'vitest';

import type { IndirectLinkFacts, PartnerFacts } from '../facts.js';
import { contoso, fabrikam, indirectLink, northwind } from '../testing/factories.js';
import { planRelationship, relationshipsForPlan } from './plan-relationship.js';

describe('planRelationship', () => {
  it.each<[string, PartnerFacts, string | undefined, IndirectLinkFacts[], string[]]>([
    ['a direct provider names no provider', contoso, undefined, [], []],
    ['an indirect provider names no provider', fabrikam, undefined, [], []],
    [
      'an indirect reseller names a provider it has an active link with',
      northwind,
      'fabrikam',
      [indirectLink()],
      [],
    ],
    [
      'refuses an indirect reseller that names no provider',
      northwind,
      undefined,
      [indirectLink()],
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller whose link is only invited',
      northwind,
      'fabrikam',
      [indirectLink({ status: 'INVITED' })],
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller whose link is suspended',
      northwind,
      'fabrikam',
      [indirectLink({ status: 'SUSPENDED' })],
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller whose link is revoked',
      northwind,
      'fabrikam',
      [indirectLink({ status: 'REVOKED' })],
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller naming a provider it is not linked to',
      northwind,
      'other-provider',
      [indirectLink()],
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses a direct provider that names a provider',
      contoso,
      'fabrikam',
      [],
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
  ])('%s', (_name, partner, indirectProviderId, indirectLinks, expected) => {
    const { reasons } = planRelationship({ partner, indirectProviderId, indirectLinks });
    expect(reasons.map((reason) => reason.code)).toEqual(expected);
  });

  it('points a refusal at the field it is given', () => {
    const { reasons } = planRelationship({
      partner: northwind,
      indirectProviderId: undefined,
      indirectLinks: [],
      field: ['input', 'provider'],
    });
    expect(reasons[0]?.field).toEqual(['input', 'provider']);
  });

  it.each([
    [
      'a direct provider gets a RESELLER relationship',
      contoso,
      undefined,
      { relationshipType: 'RESELLER', indirectProviderId: null },
    ],
    [
      'an indirect provider gets an INDIRECT_PROVIDER relationship',
      fabrikam,
      undefined,
      { relationshipType: 'INDIRECT_PROVIDER', indirectProviderId: null },
    ],
    [
      'an indirect reseller gets an INDIRECT_RESELLER relationship naming its provider',
      northwind,
      'fabrikam',
      { relationshipType: 'INDIRECT_RESELLER', indirectProviderId: 'fabrikam' },
    ],
  ])('plans: %s', (_name, partner, indirectProviderId, expected) => {
    expect(
      planRelationship({ partner, indirectProviderId, indirectLinks: [indirectLink()] }).plan,
    ).toEqual(expected);
  });
});

describe('relationshipsForPlan', () => {
  it('starts one relationship for a direct provider', () => {
    expect(
      relationshipsForPlan('contoso', 'adatum', {
        relationshipType: 'RESELLER',
        indirectProviderId: null,
      }),
    ).toEqual([
      { partnerId: 'contoso', customerId: 'adatum', type: 'RESELLER', indirectProviderId: null },
    ]);
  });

  it('starts the named provider’s INDIRECT_PROVIDER relationship beside an indirect reseller’s', () => {
    expect(
      relationshipsForPlan('northwind', 'adatum', {
        relationshipType: 'INDIRECT_RESELLER',
        indirectProviderId: 'fabrikam',
      }),
    ).toEqual([
      {
        partnerId: 'northwind',
        customerId: 'adatum',
        type: 'INDIRECT_RESELLER',
        indirectProviderId: 'fabrikam',
      },
      {
        partnerId: 'fabrikam',
        customerId: 'adatum',
        type: 'INDIRECT_PROVIDER',
        indirectProviderId: null,
      },
    ]);
  });
});
