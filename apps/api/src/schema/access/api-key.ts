/**
 * ApiKey: an integrator's credential, bound to one partner and one role (domain.md §8), and
 * `apiKeys`, the settings screen's list of the partner's keys. Never the secret: only
 * `apiKeyCreate`'s payload carries it, once.
 */
import { and, isNull } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { apiKeys } from '../../db/schema/index.js';
import { RoleEnum } from '../enums.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { plannedRows } from '../planned-rows.js';
import { ownApiKeysFilter, visibleApiKeyIds } from './visibility.js';

export const ApiKey = builder.drizzleNode('apiKeys', {
  name: 'ApiKey',
  description:
    'A key an integrator sends as "Authorization: Bearer <key>". It acts for your organisation with its role.',
  id: { column: (apiKey) => apiKey.id },
  // Wherever a key shows up (list, node, payload), only a role that manages keys may read it.
  authScopes: { permission: 'apiKeys:manage' },
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    displayPrefix: t.exposeString('displayPrefix', {
      description: 'The first characters of the key (e.g. `sy_live_Ab3x`), to tell keys apart.',
    }),
    secret: t.string({
      nullable: true,
      description:
        'The key itself, shown once: only in the payload of the `apiKeyCreate` that made it; null everywhere else. Store it safely.',
      resolve: (apiKey) => (apiKey as { secret?: string }).secret ?? null,
    }),
    isRevoked: t.boolean({
      select: { columns: { revokedAt: true } },
      resolve: (apiKey) => apiKey.revokedAt !== null,
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Updated at most once a minute.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version', {
      description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.',
    }),
  }),
});

registerNodeVisibility('ApiKey', visibleApiKeyIds);

builder.queryField('apiKeys', (t) =>
  t.drizzleConnection({
    type: ApiKey,
    description: 'Your organisation’s API keys, newest first (without their secrets).',
    authScopes: { permission: 'apiKeys:manage' },
    args: {
      includeRevoked: t.arg.boolean({
        defaultValue: false,
        description: 'Also list revoked keys.',
      }),
    },
    totalCount: (_parent, args, context) =>
      context.db.$count(
        apiKeys,
        args.includeRevoked
          ? ownApiKeysFilter(context)
          : and(ownApiKeysFilter(context), isNull(apiKeys.revokedAt)),
      ),
    resolve: (query, _parent, args, context) =>
      plannedRows(
        'apiKeys',
        context.db.query.apiKeys.findMany(
          query({
            where: {
              RAW: (table) =>
                args.includeRevoked
                  ? ownApiKeysFilter(context, table)
                  : and(ownApiKeysFilter(context, table), isNull(table.revokedAt))!,
            },
            orderBy: { createdAt: 'desc' },
          }),
        ),
      ),
  }),
);
