import { describe, expect, it } from 'vitest';

import { codesOf, relationship } from '../testing/factories.js';
import { checkCustomerUpdate } from './update-customer.js';

describe('checkCustomerUpdate', () => {
  it.each([
    ['lets a partner with an active relationship edit the profile', [relationship()], []],
    [
      'lets one of several partners edit the shared profile',
      [relationship({ partnerId: 'tailspin' }), relationship()],
      [],
    ],
    ['refuses a partner without a relationship', [], ['RELATIONSHIP_REQUIRED']],
    [
      'refuses a partner whose relationship ended',
      [relationship({ status: 'TERMINATED' })],
      ['RELATIONSHIP_REQUIRED'],
    ],
    [
      'refuses a partner when only another partner has a relationship',
      [relationship({ partnerId: 'tailspin' })],
      ['RELATIONSHIP_REQUIRED'],
    ],
  ])('%s', (_name, relationships, expected) => {
    expect(
      codesOf(
        checkCustomerUpdate({ customerId: 'adatum', actorPartnerId: 'contoso', relationships }),
      ),
    ).toEqual(expected);
  });
});
