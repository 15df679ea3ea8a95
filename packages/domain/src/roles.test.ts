import { describe, expect, it } from 'vitest';

import { MUTATIONS } from './mutations.js';
import {
  MUTATION_PERMISSIONS,
  PERMISSIONS,
  ROLES,
  requirePermission,
  roleAllows,
} from './roles.js';
import type { Permission, Role } from './roles.js';

describe('roleAllows / requirePermission', () => {
  it.each<[Role, Permission, boolean]>([
    ['GLOBAL_ADMIN', 'relationships:terminate', true],
    ['GLOBAL_ADMIN', 'apiKeys:manage', true],
    ['ADMIN_AGENT', 'transfers:respond', true],
    ['ADMIN_AGENT', 'relationships:terminate', false],
    ['ADMIN_AGENT', 'users:manage', false],
    ['SALES_AGENT', 'subscriptions:create', true],
    ['SALES_AGENT', 'transfers:create', true],
    ['SALES_AGENT', 'subscriptions:cancel', false],
    ['SALES_AGENT', 'transfers:respond', false],
    ['HELPDESK_AGENT', 'subscriptions:suspend', true],
    ['HELPDESK_AGENT', 'subscriptions:update', false],
    ['BILLING_ADMIN', 'audit:read', true],
    ['BILLING_ADMIN', 'customers:write', false],
  ])('%s may %s: %s', (role, permission, expected) => {
    expect(roleAllows(role, permission)).toBe(expected);
    expect(requirePermission(role, permission).ok).toBe(expected);
  });

  it('refuses with FORBIDDEN naming the role and the missing permission', () => {
    expect(requirePermission('SALES_AGENT', 'subscriptions:cancel')).toEqual({
      ok: false,
      errors: [
        {
          code: 'FORBIDDEN',
          message:
            'Your role (Sales agent) does not allow you to cancel subscriptions and services. Ask a global admin of your organisation.',
        },
      ],
    });
  });

  it('lets a global admin do everything', () => {
    expect(PERMISSIONS.every((permission) => roleAllows('GLOBAL_ADMIN', permission))).toBe(true);
  });

  it('lets the billing admin change nothing', () => {
    const changes = PERMISSIONS.filter((permission) => !permission.endsWith(':read'));
    expect(changes.filter((permission) => roleAllows('BILLING_ADMIN', permission))).toEqual([]);
  });
});

describe('MUTATION_PERMISSIONS', () => {
  it('covers every public mutation', () => {
    expect(Object.keys(MUTATION_PERMISSIONS).sort()).toEqual([...MUTATIONS].sort());
  });

  it.each(ROLES)('lets %s run some mutation unless it is the read-only billing admin', (role) => {
    const allowed = MUTATIONS.filter((mutation) => {
      const permission = MUTATION_PERMISSIONS[mutation];
      return permission !== null && roleAllows(role, permission);
    });
    expect(allowed.length === 0).toBe(role === 'BILLING_ADMIN');
  });

  it('leaves answering an invitation to the customer’s token, not a partner role', () => {
    expect(MUTATION_PERMISSIONS.relationshipRequestAccept).toBeNull();
    expect(MUTATION_PERMISSIONS.relationshipRequestDecline).toBeNull();
  });
});
