/**
 * `apiKeyCreate` (domain.md §8): an integrator's key, bound to the caller's partner and one role.
 * The secret — `sy_live_` and 32 random bytes, base64url — is in this payload only; the database
 * keeps its SHA-256 (`secretHash`, what authentication looks up) and its first characters
 * (`displayPrefix`, so people can tell keys apart). A retry replayed by its Idempotency-Key returns
 * the key without the secret: nobody can show it again; revoke the key and create another.
 */
import { apiKeyCreateInputSchema } from '@switchyard/domain';
import { generateToken, hashSecret } from '../../auth/secrets.js';
import { apiKeys } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { apiKeyAudit, apiKeyEvent } from './access-records.js';
import type { ApiKeyRow } from './access-records.js';

/** Recognisable in logs and by secret scanners. */
export const API_KEY_PREFIX = 'sy_live_';
/** `sy_live_` and four characters of the secret. */
export const API_KEY_DISPLAY_LENGTH = API_KEY_PREFIX.length + 4;

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${generateToken(32)}`;
}

/** The new key, with its secret on the first run only. */
export type CreatedApiKey = ApiKeyRow & { secret?: string };

export const apiKeyCreate: MutationDefinition<
  typeof apiKeyCreateInputSchema,
  { apiKey: CreatedApiKey }
> = {
  operation: 'apiKeyCreate',
  input: apiKeyCreateInputSchema,
  payloadTables: { apiKey: 'apiKeys' },
  async run(input, { tx, context, now }) {
    const secret = newApiKeySecret();
    const [apiKey] = await tx
      .insert(apiKeys)
      .values({
        partnerId: context.partner.id,
        name: input.name,
        role: input.role,
        displayPrefix: secret.slice(0, API_KEY_DISPLAY_LENGTH),
        secretHash: hashSecret(secret),
        createdByUserId: context.actor.type === 'user' ? context.actor.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!apiKey) throw new Error('apiKeyCreate: the insert returned no row');
    return {
      payload: { apiKey: { ...apiKey, secret } },
      audit: apiKeyAudit(null, apiKey),
      events: [apiKeyEvent('apiKey.created', apiKey)],
    };
  },
};
