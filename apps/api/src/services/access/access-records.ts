/**
 * What the audit log and the outbox may say about users and API keys: everything but their
 * secrets (password and invitation hashes, the key's hash). Events go to the partner alone — its
 * people and keys are nobody else's business.
 */
import type { apiKeys, users } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';

export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export function userSnapshot(user: UserRow) {
  const { passwordHash, invitationTokenHash: _invitationTokenHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

export function apiKeySnapshot(apiKey: ApiKeyRow) {
  const { secretHash: _secretHash, ...rest } = apiKey;
  return rest;
}

export function userAudit(before: UserRow | null, after: UserRow): AuditEntry {
  return {
    targetType: 'User',
    targetIds: [after.id],
    before: before && userSnapshot(before),
    after: userSnapshot(after),
  };
}

export function apiKeyAudit(before: ApiKeyRow | null, after: ApiKeyRow): AuditEntry {
  return {
    targetType: 'ApiKey',
    targetIds: [after.id],
    before: before && apiKeySnapshot(before),
    after: apiKeySnapshot(after),
  };
}

export function userEvent(
  type: 'user.invited' | 'user.updated',
  user: UserRow,
  details: Record<string, unknown> = {},
): OutboxEvent {
  return {
    type,
    aggregateType: 'User',
    aggregateId: user.id,
    audiencePartnerIds: [user.partnerId],
    payload: {
      userId: encodeGlobalId('User', user.id),
      email: user.email,
      role: user.role,
      isDisabled: user.disabledAt !== null,
      version: user.version,
      ...details,
    },
  };
}

export function apiKeyEvent(
  type: 'apiKey.created' | 'apiKey.revoked',
  apiKey: ApiKeyRow,
): OutboxEvent {
  return {
    type,
    aggregateType: 'ApiKey',
    aggregateId: apiKey.id,
    audiencePartnerIds: [apiKey.partnerId],
    payload: {
      apiKeyId: encodeGlobalId('ApiKey', apiKey.id),
      name: apiKey.name,
      role: apiKey.role,
      displayPrefix: apiKey.displayPrefix,
      isRevoked: apiKey.revokedAt !== null,
      version: apiKey.version,
    },
  };
}
