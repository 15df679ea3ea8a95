import { describe, expect, it } from 'vitest';

import { parseInput } from './parse-input.js';
import { relationshipRequestCreateInputSchema } from './relationship-inputs.js';

describe('relationshipRequestCreateInputSchema', () => {
  it('names the customer by its id', () => {
    expect(parseInput(relationshipRequestCreateInputSchema, { customerId: 'c1' })).toMatchObject({
      ok: true,
      value: { customerId: 'c1', delegatedAdmin: false },
    });
  });

  it('names the customer by its primary domain, normalised', () => {
    expect(
      parseInput(relationshipRequestCreateInputSchema, {
        primaryDomain: ' Adatum.OnMicrosoft.com ',
      }),
    ).toMatchObject({
      ok: true,
      value: { primaryDomain: 'adatum.onmicrosoft.com' },
    });
  });

  it.each([
    ['neither', {}],
    ['both', { customerId: 'c1', primaryDomain: 'adatum.onmicrosoft.com' }],
  ])('refuses %s an id and a primary domain', (_name, input) => {
    expect(parseInput(relationshipRequestCreateInputSchema, input)).toEqual({
      ok: false,
      errors: [
        {
          code: 'VALIDATION_FAILED',
          message: 'Name the customer by its ID or by its primary domain, not both.',
          field: ['customerId'],
        },
      ],
    });
  });

  it('refuses a malformed primary domain on its field', () => {
    const result = parseInput(relationshipRequestCreateInputSchema, {
      primaryDomain: 'not a domain',
    });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([['primaryDomain']]);
  });
});
