/**
 * Which customers the caller may see (domain.md §8): those it has a relationship with (any status:
 * a terminated one stays in its history) or a pending request to — as the partner, or as the
 * indirect provider named on it. The same rule as the row-level security policy `customers_visible`.
 * While only a request is pending the caller sees the profile alone: subscriptions follow
 * `activeRelationshipFilter` (../subscriptions/visibility.ts), which needs an ACTIVE relationship.
 */
import { and, inArray, or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { customers, relationshipRequests, relationships } from '../../db/schema/index.js';
import { aliasedTable } from '../aliased-table.js';
import { applicationFilter } from '../application-filters.js';

// Aliases, so the subqueries never capture the outer query's own `customers` or `relationships`.
const { table: visibilityRelationship, from: fromVisibilityRelationship } = aliasedTable(relationships, 'visibility_relationship');
const { table: visibilityRequest, from: fromVisibilityRequest } = aliasedTable(relationshipRequests, 'visibility_request');

// Each probe is one template with the caller's id in it twice: these probes are in every customer
// query (five in `customer(id)`), and Drizzle renders each `eq`/`or` as nested fragments with a
// typed parameter. With the Drizzle patch, building the five probes' SQL text went from 92 to 28 µs.
// PostgreSQL reads `$1 in (a, b)` as `$1 = a or $1 = b` and infers `$1` as a uuid from the columns.

// `offset 0`: one index probe per row, never a hash of all the caller's relationships — PostgreSQL
// would build one for a LIMITed page of 50 as readily as for a count (the migration
// `row-level-security-per-row-customer-probes` explains and measures it; the policies match).
function hasRelationship(context: Context, customerId: AnyColumn, status?: 'ACTIVE' | 'TERMINATED'): SQL {
  const own = context.partner.id;
  const r = visibilityRelationship;
  const withStatus = status === undefined ? sql`` : status === 'ACTIVE' ? sql` and ${r.status} = 'ACTIVE'` : sql` and ${r.status} = 'TERMINATED'`;
  return sql`exists (select 1 from ${fromVisibilityRelationship} where ${r.customerId} = ${customerId} and ${own} in (${r.partnerId}, ${r.indirectProviderId})${withStatus} offset 0)`;
}

function hasPendingRequest(context: Context, customerId: AnyColumn): SQL {
  const own = context.partner.id;
  const q = visibilityRequest;
  return sql`exists (select 1 from ${fromVisibilityRequest} where ${q.customerId} = ${customerId} and ${q.status} = 'PENDING' and ${own} in (${q.partnerId}, ${q.indirectProviderId}) offset 0)`;
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
