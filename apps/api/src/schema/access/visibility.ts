/**
 * Which users and API keys the caller may see (domain.md §8): those of its own partner, nobody
 * else's. Pass the table a relational query aliases (its RAW callback's argument) when used there.
 */
import { roleAllows } from '@switchyard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { apiKeys, users } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export function ownUsersFilter(context: Context, table: typeof users = users): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export function ownApiKeysFilter(context: Context, table: typeof apiKeys = apiKeys): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export async function visibleUserIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), ownUsersFilter(context)));
  return rows.map((row) => row.id);
}

/** The partner's keys, and only for a role that manages keys: to anyone else a key id is one that does not exist. */
export async function visibleApiKeyIds(ids: string[], context: Context): Promise<string[]> {
  if (!roleAllows(context.actor.role, 'apiKeys:manage')) return [];
  const rows = await context.db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(inArray(apiKeys.id, ids), ownApiKeysFilter(context)));
  return rows.map((row) => row.id);
}
