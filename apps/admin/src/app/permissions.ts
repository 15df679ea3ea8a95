/**
 * What the signed-in role may do, from the shared role table in @switchyard/domain
 * (ROLE_PERMISSIONS, MUTATION_PERMISSIONS) — the table the API enforces. Screens hide actions a
 * role can never take in a section it only reads, and disable the others with the reason.
 */
import { MUTATION_PERMISSIONS, roleAllows } from '@switchyard/domain';
import type { MutationName, Permission, Role } from '@switchyard/domain';
import { useI18n } from '../i18n/i18n';
import type { I18n } from '../i18n/i18n';
import { useSession } from './session';

export interface Allowance {
  isAllowed: boolean;
  /** Why not, in the viewer's language; undefined when allowed. */
  reason: string | undefined;
}

export function allowanceFor(role: Role, permission: Permission | null, t: I18n['t']): Allowance {
  if (permission === null || roleAllows(role, permission))
    return { isAllowed: true, reason: undefined };
  return {
    isAllowed: false,
    reason: t('permission.denied', {
      role: t(`role.${role}`),
      action: t(`permission.${permission}`),
    }),
  };
}

/** `const cancel = useMutationAllowance('subscriptionCancel')` → `{ isAllowed, reason }`. */
export function useMutationAllowance(mutation: MutationName): Allowance {
  const { viewer } = useSession();
  const { t } = useI18n();
  return allowanceFor(viewer.role, MUTATION_PERMISSIONS[mutation], t);
}

export function usePermission(permission: Permission): Allowance {
  const { viewer } = useSession();
  const { t } = useI18n();
  return allowanceFor(viewer.role, permission, t);
}
