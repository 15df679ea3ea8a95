import { describe, expect, it } from 'vitest';

import type { Role } from '../roles.js';
import { codesOf } from '../testing/factories.js';
import { checkApiKeyRevoke, checkUserUpdate } from './manage-access.js';
import type { UserAccessFacts } from './manage-access.js';

const user = (overrides: Partial<UserAccessFacts> = {}): UserAccessFacts => ({
  id: 'ann',
  role: 'GLOBAL_ADMIN',
  isDisabled: false,
  ...overrides,
});

describe('checkUserUpdate', () => {
  it.each<[string, UserAccessFacts, { role?: Role; disabled?: boolean }, string[], string[]]>([
    [
      'lets one of two global admins become an agent',
      user(),
      { role: 'ADMIN_AGENT' },
      ['ann', 'bob'],
      [],
    ],
    ['lets one of two global admins be disabled', user(), { disabled: true }, ['ann', 'bob'], []],
    [
      'lets an agent become a global admin',
      user({ role: 'SALES_AGENT' }),
      { role: 'GLOBAL_ADMIN' },
      ['bob'],
      [],
    ],
    [
      'lets an agent be disabled when one global admin remains',
      user({ role: 'SALES_AGENT' }),
      { disabled: true },
      ['bob'],
      [],
    ],
    ['lets the last global admin keep its role', user(), { role: 'GLOBAL_ADMIN' }, ['ann'], []],
    [
      'lets a disabled global admin be enabled again when nobody else is active',
      user({ isDisabled: true }),
      { disabled: false },
      [],
      [],
    ],
    [
      'refuses to demote the last active global admin',
      user(),
      { role: 'ADMIN_AGENT' },
      ['ann'],
      ['LAST_GLOBAL_ADMIN'],
    ],
    [
      'refuses to disable the last active global admin',
      user(),
      { disabled: true },
      ['ann'],
      ['LAST_GLOBAL_ADMIN'],
    ],
    [
      'refuses to demote the last active global admin even when a disabled one exists',
      user(),
      { role: 'BILLING_ADMIN' },
      ['ann'],
      ['LAST_GLOBAL_ADMIN'],
    ],
  ])('%s', (_name, target, change, activeGlobalAdminIds, expected) => {
    expect(codesOf(checkUserUpdate({ user: target, change, activeGlobalAdminIds }))).toEqual(
      expected,
    );
  });

  it('names the field that would remove the last global admin', () => {
    const disabling = checkUserUpdate({
      user: user(),
      change: { disabled: true },
      activeGlobalAdminIds: ['ann'],
    });
    const demoting = checkUserUpdate({
      user: user(),
      change: { role: 'HELPDESK_AGENT' },
      activeGlobalAdminIds: ['ann'],
    });
    expect(disabling.ok ? undefined : disabling.errors[0]?.field).toEqual(['disabled']);
    expect(demoting.ok ? undefined : demoting.errors[0]?.field).toEqual(['role']);
  });

  it('returns the user as it will be', () => {
    const result = checkUserUpdate({
      user: user({ role: 'SALES_AGENT' }),
      change: { disabled: true },
      activeGlobalAdminIds: ['bob'],
    });
    expect(result).toEqual({
      ok: true,
      after: { id: 'ann', role: 'SALES_AGENT', isDisabled: true },
    });
  });
});

describe('checkApiKeyRevoke', () => {
  it.each([
    ['revokes an active key', false, []],
    ['refuses a key that is already revoked', true, ['INVALID_TRANSITION']],
  ])('%s', (_name, isRevoked, expected) => {
    expect(codesOf(checkApiKeyRevoke({ id: 'key', isRevoked }))).toEqual(expected);
  });
});
