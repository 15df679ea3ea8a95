/**
 * `apiKeyRevoke` (domain.md §8): the key stops authenticating at once (authentication skips revoked
 * keys; a request already running with it finishes). The row stays, revoked, for the audit log.
 * The domain's `checkApiKeyRevoke` refuses a key that is already revoked (INVALID_TRANSITION).
 */
import { apiKeyRevokeInputSchema, assertAllowed, checkApiKeyRevoke } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { apiKeys } from '../../db/schema/index.js';
import { ownApiKeysFilter } from '../../schema/access/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { apiKeyAudit, apiKeyEvent } from './access-records.js';
import type { ApiKeyRow } from './access-records.js';

export const apiKeyRevoke: MutationDefinition<
  typeof apiKeyRevokeInputSchema,
  { apiKey: ApiKeyRow }
> = {
  operation: 'apiKeyRevoke',
  input: apiKeyRevokeInputSchema,
  payloadTables: { apiKey: 'apiKeys' },
  async run(input, { tx, context, now }) {
    const before = await lockRow(tx, apiKeys, {
      globalId: input.apiKeyId,
      typename: 'ApiKey',
      visible: ownApiKeysFilter(context),
      field: ['apiKeyId'],
      expectedVersion: input.expectedVersion,
      noun: 'API key',
    });
    assertAllowed(checkApiKeyRevoke({ id: before.id, isRevoked: before.revokedAt !== null }));
    const [apiKey] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, ...nextVersion(apiKeys, now) })
      .where(eq(apiKeys.id, before.id))
      .returning();
    if (!apiKey) throw new Error('apiKeyRevoke: the update returned no row');
    return {
      payload: { apiKey },
      audit: apiKeyAudit(before, apiKey),
      events: [apiKeyEvent('apiKey.revoked', apiKey)],
    };
  },
};
