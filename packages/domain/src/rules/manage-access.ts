/**
 * Users and API keys (domain.md §8): what a global admin may change about the people and keys of
 * its organisation. A partner always keeps at least one active global admin — otherwise nobody
 * could manage users or keys again (`LAST_GLOBAL_ADMIN`); a revoked key stays revoked.
 */
import type { Role } from '../roles.js';
import { allow, refuse } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';

export interface UserAccessFacts {
  id: string;
  role: Role;
  isDisabled: boolean;
}

export interface UserUpdateRequest {
  user: UserAccessFacts;
  change: { role?: Role | undefined; disabled?: boolean | undefined };
  /** Ids of the partner's users who are `GLOBAL_ADMIN` and not disabled, the user included if it is one. */
  activeGlobalAdminIds: readonly string[];
}

export function isActiveGlobalAdmin(user: Pick<UserAccessFacts, 'role' | 'isDisabled'>): boolean {
  return user.role === 'GLOBAL_ADMIN' && !user.isDisabled;
}

/** The user after the change, or LAST_GLOBAL_ADMIN when it would leave the partner without an active global admin. */
export function checkUserUpdate({
  user,
  change,
  activeGlobalAdminIds,
}: UserUpdateRequest): RuleResult<{ after: UserAccessFacts }> {
  const after: UserAccessFacts = {
    id: user.id,
    role: change.role ?? user.role,
    isDisabled: change.disabled ?? user.isDisabled,
  };
  const remaining =
    activeGlobalAdminIds.filter((id) => id !== user.id).length +
    (isActiveGlobalAdmin(after) ? 1 : 0);
  if (remaining === 0) {
    return refuse(
      'LAST_GLOBAL_ADMIN',
      after.isDisabled && !user.isDisabled
        ? 'This is the last active global admin of your organisation: make another user a global admin before disabling this one.'
        : 'This is the last active global admin of your organisation: make another user a global admin before changing this role.',
      [change.disabled !== undefined && after.isDisabled ? 'disabled' : 'role'],
    );
  }
  return allow({ after });
}

export interface ApiKeyAccessFacts {
  id: string;
  isRevoked: boolean;
}

/** A key is revoked once: revoking it again is refused, so a retry with a new key cannot hide a mistake. */
export function checkApiKeyRevoke(apiKey: ApiKeyAccessFacts): RuleResult {
  if (apiKey.isRevoked)
    return refuse('INVALID_TRANSITION', 'This API key is already revoked.', ['apiKeyId']);
  return allow();
}
