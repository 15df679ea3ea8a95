import { ERROR_CODES } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { adviceFor, describeUserError } from './integration.js';

describe('reading userErrors', () => {
  it('names the code, the field and the message', () => {
    expect(
      describeUserError({
        code: 'STALE_VERSION',
        message: 'Changed meanwhile.',
        field: ['input', 'expectedVersion'],
      }),
    ).toBe('STALE_VERSION [input.expectedVersion]: Changed meanwhile.');
    expect(
      describeUserError({ code: 'NOT_FOUND', message: 'No customer with this id.', field: null }),
    ).toBe('NOT_FOUND: No customer with this id.');
  });

  it('has advice for every known code, and tolerates codes added after it was written', () => {
    for (const code of ERROR_CODES) expect(adviceFor(code)).toEqual(expect.any(String));
    expect(adviceFor('STALE_VERSION')).toBe('reload the object and decide again');
    expect(adviceFor('A_CODE_FROM_THE_FUTURE')).toBe('show the message to a person');
  });
});
