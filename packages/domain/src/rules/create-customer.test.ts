import { describe, expect, it } from 'vitest';

import { codesOf, fabrikam, indirectLink, northwind, partner } from '../testing/factories.js';
import { checkCustomerCreate } from './create-customer.js';

describe('checkCustomerCreate', () => {
  it.each([
    ['creates a customer in the partner’s cloud and market', partner(), 'US', []],
    ['creates a customer in US Government', partner({ cloud: 'US_GOVERNMENT' }), 'US', []],
    [
      'refuses any new customer in the closed Germany cloud',
      partner({ cloud: 'GERMANY', markets: ['DE'] }),
      'DE',
      ['CLOUD_CLOSED'],
    ],
    ['refuses a country outside the partner’s markets', partner(), 'DE', ['MARKET_NOT_SUPPORTED']],
  ])('%s', (_name, facts, country, expected) => {
    expect(codesOf(checkCustomerCreate({ partner: facts, input: { country } }))).toEqual(expected);
  });

  it('puts the customer in the partner’s cloud and points a market refusal at the country', () => {
    expect(
      checkCustomerCreate({
        partner: partner({ cloud: 'US_GOVERNMENT' }),
        input: { country: 'US' },
      }),
    ).toEqual({
      ok: true,
      cloud: 'US_GOVERNMENT',
      relationshipType: 'RESELLER',
      indirectProviderId: null,
    });
    const refused = checkCustomerCreate({ partner: partner(), input: { country: 'FR' } });
    expect(refused.ok ? undefined : refused.errors[0]).toEqual({
      code: 'MARKET_NOT_SUPPORTED',
      message: 'Your organisation does not sell in FR; its markets are US, CA, GB.',
      field: ['country'],
    });
  });

  it.each([
    [
      'an indirect provider creates a customer under its own INDIRECT_PROVIDER relationship',
      fabrikam,
      undefined,
      [],
    ],
    [
      'an indirect reseller creates a customer naming the provider it has an active link with',
      northwind,
      'fabrikam',
      [],
    ],
    [
      'refuses an indirect reseller that names no provider',
      northwind,
      undefined,
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses an indirect reseller naming a provider it is not linked to',
      northwind,
      'other-provider',
      ['INDIRECT_LINK_REQUIRED'],
    ],
    [
      'refuses a direct provider that names a provider',
      partner(),
      'fabrikam',
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
  ])('%s', (_name, facts, indirectProviderId, expected) => {
    expect(
      codesOf(
        checkCustomerCreate({
          partner: facts,
          input: { country: 'US', indirectProviderId },
          indirectLinks: [indirectLink()],
        }),
      ),
    ).toEqual(expected);
  });

  it('plans an indirect reseller’s INDIRECT_RESELLER relationship naming its provider', () => {
    expect(
      checkCustomerCreate({
        partner: northwind,
        input: { country: 'US', indirectProviderId: 'fabrikam' },
        indirectLinks: [indirectLink()],
      }),
    ).toEqual({
      ok: true,
      cloud: 'GLOBAL',
      relationshipType: 'INDIRECT_RESELLER',
      indirectProviderId: 'fabrikam',
    });
  });
});
