/**
 * Which imports the caller may see: its own partner's, with a role that reads subscriptions; to
 * anyone else an import's id is one that does not exist. Row-level security enforces the same.
 */
import { roleAllows } from '@switchyard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { subscriptionImportRows, subscriptionImports } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export const IMPORTS_READ_PERMISSION = 'subscriptions:read' as const;

export function ownSubscriptionImportsFilter(context: Context, table: typeof subscriptionImports = subscriptionImports): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export function ownSubscriptionImportRowsFilter(context: Context, table: typeof subscriptionImportRows = subscriptionImportRows): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export async function visibleSubscriptionImportIds(ids: string[], context: Context): Promise<string[]> {
  if (!roleAllows(context.actor.role, IMPORTS_READ_PERMISSION)) return [];
  const rows = await context.db
    .select({ id: subscriptionImports.id })
    .from(subscriptionImports)
    .where(and(inArray(subscriptionImports.id, ids), ownSubscriptionImportsFilter(context)));
  return rows.map((row) => row.id);
}

export async function visibleSubscriptionImportRowIds(ids: string[], context: Context): Promise<string[]> {
  if (!roleAllows(context.actor.role, IMPORTS_READ_PERMISSION)) return [];
  const rows = await context.db
    .select({ id: subscriptionImportRows.id })
    .from(subscriptionImportRows)
    .where(and(inArray(subscriptionImportRows.id, ids), ownSubscriptionImportRowsFilter(context)));
  return rows.map((row) => row.id);
}
