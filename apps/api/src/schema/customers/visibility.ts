/**
 * Which customers the caller may see (domain.md §8): those it has a relationship with (any status:
 * a terminated one stays in its history) or a pending request to — as the partner, or as the
 * indirect provider named on it. The same rule as the row-level security policy `customers_visible`.
 * While only a request is pending the caller sees the profile alone: subscriptions follow
 * `activeRelationshipFilter` (../subscriptions/visibility.ts), which needs an ACTIVE relationship.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { customers, relationshipRequests, relationships } from '../../db/schema/index.js';
import { aliasedTable } from '../aliased-table.js';
import { applicationFilter } from '../application-filters.js';

// Aliases, so the subqueries never capture the outer query's own `customers` or `relationships`.
const { table: visibilityRelationship, from: fromVisibilityRelationship } = aliasedTable(relationships, 'visibility_relationship');
const { table: visibilityRequest, from: fromVisibilityRequest } = aliasedTable(relationshipRequests, 'visibility_request');

/** The caller is the partner of the relationship, or the indirect provider it names. */
function isCallerRelationship(context: Context): SQL {
  const own = context.partner.id;
  return or(eq(visibilityRelationship.partnerId, own), eq(visibilityRelationship.indirectProviderId, own)) as SQL;
}

function isCallerRequest(context: Context): SQL {
  const own = context.partner.id;
  return or(eq(visibilityRequest.partnerId, own), eq(visibilityRequest.indirectProviderId, own)) as SQL;
}

// `offset 0`: one index probe per row, never a hash of all the caller's relationships — PostgreSQL
// would build one for a LIMITed page of 50 as readily as for a count (the migration
// `row-level-security-per-row-customer-probes` explains and measures it; the policies match).
function hasRelationship(context: Context, customerId: AnyColumn, status?: 'ACTIVE' | 'TERMINATED'): SQL {
  return sql`exists (select 1 from ${fromVisibilityRelationship} where ${visibilityRelationship.customerId} = ${customerId} and ${isCallerRelationship(context)}${
    status ? sql` and ${visibilityRelationship.status} = ${status}` : sql``
  } offset 0)`;
}

function hasPendingRequest(context: Context, customerId: AnyColumn): SQL {
  return sql`exists (select 1 from ${fromVisibilityRequest} where ${visibilityRequest.customerId} = ${customerId} and ${visibilityRequest.status} = 'PENDING' and ${isCallerRequest(context)} offset 0)`;
}

/**
 * The customers the caller may see. Pass the table a relational query aliases (its RAW callback's
 * argument) when used there.
 */
export function visibleCustomersFilter(context: Context, table: typeof customers = customers): SQL {
  return applicationFilter(() => or(hasRelationship(context, table.id), hasPendingRequest(context, table.id)) as SQL);
}

/**
 * The caller's relationship with a customer, as `CustomerRelationshipStatus`: ACTIVE when it has an
 * active relationship, else PENDING while a request is out, else TERMINATED when it had one; null
 * for a customer it does not see.
 */
export function customerRelationshipStatusSql(context: Context, table: typeof customers = customers): SQL<'ACTIVE' | 'PENDING' | 'TERMINATED' | null> {
  return sql<'ACTIVE' | 'PENDING' | 'TERMINATED' | null>`(case when ${hasRelationship(context, table.id, 'ACTIVE')} then 'ACTIVE' when ${hasPendingRequest(context, table.id)} then 'PENDING' when ${hasRelationship(context, table.id, 'TERMINATED')} then 'TERMINATED' end)`;
}

export async function visibleCustomerIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(inArray(customers.id, ids), visibleCustomersFilter(context)));
  return rows.map((row) => row.id);
}
