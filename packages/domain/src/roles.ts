/**
 * Roles and what each may do (domain.md §8), as one table. The API enforces it through its
 * auth scopes; the admin app reads it to hide or disable actions with the reason.
 */
import type { MutationName } from './mutations.js';
import { allow, refuse } from './rule-result.js';
import type { RuleResult } from './rule-result.js';

export const ROLES = [
  'GLOBAL_ADMIN',
  'ADMIN_AGENT',
  'SALES_AGENT',
  'HELPDESK_AGENT',
  'BILLING_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  GLOBAL_ADMIN: 'Global admin',
  ADMIN_AGENT: 'Admin agent',
  SALES_AGENT: 'Sales agent',
  HELPDESK_AGENT: 'Helpdesk agent',
  BILLING_ADMIN: 'Billing admin',
};

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

const READ_ALL = [
  'customers:read',
  'subscriptions:read',
  'transfers:read',
  'partners:read',
  'audit:read',
] as const;

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
  SALES_AGENT: [
    ...READ_ALL,
    'customers:write',
    'relationships:request',
    'subscriptions:create',
    'transfers:create',
  ],
  HELPDESK_AGENT: [...READ_ALL, 'subscriptions:suspend'],
  BILLING_ADMIN: [
    'subscriptions:read',
    'transfers:read',
    'audit:read',
    'partners:read',
    'customers:read',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Refuses with `FORBIDDEN`, naming what the role lacks, so the person knows whom to ask. */
export function requirePermission(role: Role, permission: Permission): RuleResult {
  if (roleAllows(role, permission)) return allow();
  return refuse(
    'FORBIDDEN',
    `Your role (${ROLE_LABELS[role]}) does not allow you to ${PERMISSION_LABELS[permission]}. Ask a global admin of your organisation.`,
  );
}

/**
 * The permission each mutation needs. `null`: no partner role is involved: the customer's
 * administrator answers a relationship request with the invitation's single-use token.
 */
export const MUTATION_PERMISSIONS = {
  customerCreate: 'customers:write',
  customerUpdate: 'customers:write',
  relationshipRequestCreate: 'relationships:request',
  relationshipRequestAccept: null,
  relationshipRequestDecline: null,
  relationshipRequestRevoke: 'relationships:manage',
  relationshipTerminate: 'relationships:terminate',
  subscriptionCreate: 'subscriptions:create',
  subscriptionRegisterExternal: 'subscriptions:create',
  subscriptionManage: 'subscriptions:update',
  subscriptionUpdate: 'subscriptions:update',
  subscriptionSuspend: 'subscriptions:suspend',
  subscriptionReactivate: 'subscriptions:suspend',
  subscriptionCancel: 'subscriptions:cancel',
  subscriptionServiceCancel: 'subscriptions:cancel',
  transferCreate: 'transfers:create',
  transferAccept: 'transfers:respond',
  transferReject: 'transfers:respond',
  transferCancel: 'transfers:create',
  indirectLinkInvite: 'indirectLinks:manage',
  indirectLinkAccept: 'indirectLinks:manage',
  indirectLinkUpdate: 'indirectLinks:manage',
  apiKeyCreate: 'apiKeys:manage',
  apiKeyRevoke: 'apiKeys:manage',
  userInvite: 'users:manage',
  userUpdate: 'users:manage',
} as const satisfies Record<MutationName, Permission | null>;
