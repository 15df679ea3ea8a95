/**
 * Which audit events the caller may see (domain.md §8): its own organisation's, whoever acted (its
 * users, its API keys, the background job, a customer answering its invitation). The same rule as
 * the row-level security policy `audit_events_read_own`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { auditEvents } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export function ownAuditEventsFilter(context: Context, table: typeof auditEvents = auditEvents): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export async function visibleAuditEventIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(inArray(auditEvents.id, ids), ownAuditEventsFilter(context)));
  return rows.map((row) => row.id);
}
