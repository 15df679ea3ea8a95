/** The start-up check's verdicts on the database roles (row-level-security.ts). */
import { describe, expect, it } from 'vitest';
import { roleProblems } from './row-level-security.js';
import type { RoleFacts } from './row-level-security.js';

const safe: RoleFacts = {
  appRole: { isSuperuser: false, canBypassRls: false, ownedTables: 0 },
  root: { name: 'switchyard', isSuperuser: false, canBypassRls: true, isAppRoleMember: true },
};

describe('roleProblems', () => {
  it('accepts an application role that cannot bypass row-level security, used by a root role that can', () => {
    expect(roleProblems(safe)).toEqual([]);
    expect(
      roleProblems({ ...safe, root: { ...safe.root, isSuperuser: true, canBypassRls: false } }),
    ).toEqual([]);
  });

  it.each([
    [
      'a superuser application role',
      { ...safe, appRole: { ...safe.appRole!, isSuperuser: true } },
      /NOSUPERUSER/,
    ],
    [
      'an application role with BYPASSRLS',
      { ...safe, appRole: { ...safe.appRole!, canBypassRls: true } },
      /NOBYPASSRLS/,
    ],
    [
      'an application role that owns tables',
      { ...safe, appRole: { ...safe.appRole!, ownedTables: 2 } },
      /owns 2 table/,
    ],
    ['a missing application role', { ...safe, appRole: null }, /does not exist/],
    [
      'a root role subject to the policies',
      { ...safe, root: { ...safe.root, canBypassRls: false } },
      /BYPASSRLS/,
    ],
    [
      'a root role that may not switch roles',
      { ...safe, root: { ...safe.root, isAppRoleMember: false } },
      /GRANT switchyard_app/,
    ],
  ] satisfies [string, RoleFacts, RegExp][])('refuses %s', (_name, facts, message) => {
    const problems = roleProblems(facts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
