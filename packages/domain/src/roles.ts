/**
 * Roles and what each may do (domain.md §8), as one table. The API enforces it through its
 * auth scopes; the admin app reads it to hide or disable actions with the reason.
 */
export const ROLES = ['GLOBAL_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'BILLING_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customers:read',
  'customers:write',
  'relationships:request',
  'relationships:manage',
  'relationships:terminate',
  'subscriptions:read',
  'subscriptions:create',
  'subscriptions:update',
  'subscriptions:suspend',
  'subscriptions:cancel',
  'transfers:read',
  'transfers:create',
  'transfers:respond',
  'partners:read',
  'indirectLinks:manage',
  'audit:read',
  'users:manage',
  'apiKeys:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'customers:read': 'read customers',
  'customers:write': 'create and edit customers',
  'relationships:request': 'send relationship requests',
  'relationships:manage': 'revoke relationship requests',
  'relationships:terminate': 'terminate relationships',
  'subscriptions:read': 'read subscriptions',
  'subscriptions:create': 'create and register subscriptions',
  'subscriptions:update': 'change subscriptions and take over their management',
  'subscriptions:suspend': 'suspend and reactivate subscriptions',
  'subscriptions:cancel': 'cancel subscriptions and services',
  'transfers:read': 'read transfers',
  'transfers:create': 'create and cancel transfers',
  'transfers:respond': 'accept and reject transfers',
  'partners:read': 'read partners and indirect links',
  'indirectLinks:manage': 'invite, accept and update indirect links',
  'audit:read': 'read the audit log',
  'users:manage': 'manage users',
  'apiKeys:manage': 'manage API keys',
};

const READ_ALL = ['customers:read', 'subscriptions:read', 'transfers:read', 'partners:read', 'audit:read'] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  GLOBAL_ADMIN: PERMISSIONS,
  ADMIN_AGENT: [
    ...READ_ALL,
    'customers:write',
    'relationships:request',
    'relationships:manage',
    'subscriptions:create',
    'subscriptions:update',
    'subscriptions:suspend',
    'subscriptions:cancel',
    'transfers:create',
    'transfers:respond',
    'indirectLinks:manage',
  ],
  SALES_AGENT: [...READ_ALL, 'customers:write', 'relationships:request', 'subscriptions:create', 'transfers:create'],
  HELPDESK_AGENT: [...READ_ALL, 'subscriptions:suspend'],
  BILLING_ADMIN: ['subscriptions:read', 'transfers:read', 'audit:read', 'partners:read', 'customers:read'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
