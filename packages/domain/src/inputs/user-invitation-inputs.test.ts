import { describe, expect, it } from 'vitest';

import { parseInput } from './parse-input.js';
import { userInvitationAcceptInputSchema } from './user-invitation-inputs.js';

describe('userInvitationAcceptInputSchema', () => {
  it.each([
    ['accepts a long passphrase', { token: 'abc', password: 'correct horse battery' }, []],
    ['refuses a short password', { token: 'abc', password: 'short' }, [['password']]],
    ['refuses a password of spaces', { token: 'abc', password: '              ' }, [['password']]],
    ['refuses a missing token', { token: ' ', password: 'correct horse battery' }, [['token']]],
  ])('%s', (_name, input, fields) => {
    const result = parseInput(userInvitationAcceptInputSchema, input);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(fields);
  });
});
