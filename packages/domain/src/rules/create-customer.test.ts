import { describe, expect, it } from 'vitest';

import { codesOf, partner } from '../testing/factories.js';
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
    });
    const refused = checkCustomerCreate({ partner: partner(), input: { country: 'FR' } });
    expect(refused.ok ? undefined : refused.errors[0]).toEqual({
      code: 'MARKET_NOT_SUPPORTED',
      message: 'Your organisation does not sell in FR; its markets are US, CA, GB.',
      field: ['country'],
    });
  });
});
