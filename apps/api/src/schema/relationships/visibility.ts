/**
 * Which relationships and relationship requests the caller may see (domain.md §8): its own, as the
 * partner or as the indirect provider named on them — never another partner's relationship with
 * the same customer. The same rule as the row-level security policies `relationships_parties` and
 * `relationship_requests_parties`.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { relationshipRequests, relationships } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export function visibleRelationshipsFilter(context: Context, table: typeof relationships = relationships): SQL {
  const own = context.partner.id;
  return applicationFilter(() => or(eq(table.partnerId, own), eq(table.indirectProviderId, own)) as SQL);
}

export function visibleRelationshipRequestsFilter(context: Context, table: typeof relationshipRequests = relationshipRequests): SQL {
  const own = context.partner.id;
  return applicationFilter(() => or(eq(table.partnerId, own), eq(table.indirectProviderId, own)) as SQL);
}

export async function visibleRelationshipIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(inArray(relationships.id, ids), visibleRelationshipsFilter(context)));
  return rows.map((row) => row.id);
}

export async function visibleRelationshipRequestIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: relationshipRequests.id })
    .from(relationshipRequests)
    .where(and(inArray(relationshipRequests.id, ids), visibleRelationshipRequestsFilter(context)));
  return rows.map((row) => row.id);
}
