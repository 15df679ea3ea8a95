/**
 * Which subscriptions the caller may see (domain.md §8): every subscription, whatever its channel,
 * of a customer in the caller's cloud with which it has an ACTIVE relationship (as the partner, or
 * as the indirect provider it names). That is the point of multi-channel; a pending request or a
 * terminated relationship shows the customer's profile only. The same rule as the row-level
 * security policy `subscriptions_visible`.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { customers, relationships, subscriptionServices, subscriptions } from '../../db/schema/index.js';
import { aliasedTable } from '../aliased-table.js';
import { applicationFilter } from '../application-filters.js';

const { table: activeRelationship, from: fromActiveRelationship } = aliasedTable(relationships, 'active_relationship');
const { table: relationshipCustomer, from: fromRelationshipCustomer } = aliasedTable(customers, 'relationship_customer');
const { table: visibleSubscription, from: fromVisibleSubscription } = aliasedTable(subscriptions, 'visible_subscription');

/** The caller has an ACTIVE relationship with the customer `customerId` names, in its own cloud. */
export function activeRelationshipFilter(context: Context, customerId: AnyColumn): SQL {
  const own = context.partner.id;
  return sql`exists (select 1 from ${fromActiveRelationship} inner join ${fromRelationshipCustomer} on ${relationshipCustomer.id} = ${activeRelationship.customerId} where ${activeRelationship.customerId} = ${customerId} and ${activeRelationship.status} = 'ACTIVE' and (${activeRelationship.partnerId} = ${own} or ${activeRelationship.indirectProviderId} = ${own}) and ${relationshipCustomer.cloud} = ${context.partner.cloud})`;
}

/**
 * The subscriptions the caller may see. Pass the table a relational query aliases (its RAW
 * callback's argument) when used there.
 */
export function visibleSubscriptionsFilter(context: Context, table: typeof subscriptions = subscriptions): SQL {
  return applicationFilter(() => activeRelationshipFilter(context, table.customerId));
}

/** The services of subscriptions the caller may see. */
export function visibleSubscriptionServicesFilter(context: Context, table: typeof subscriptionServices = subscriptionServices): SQL {
  return applicationFilter(
    () => sql`exists (select 1 from ${fromVisibleSubscription} where ${visibleSubscription.id} = ${table.subscriptionId} and ${activeRelationshipFilter(context, visibleSubscription.customerId)})`,
  );
}

export async function visibleSubscriptionIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(inArray(subscriptions.id, ids), visibleSubscriptionsFilter(context)));
  return rows.map((row) => row.id);
}

export async function visibleSubscriptionServiceIds(ids: string[], context: Context): Promise<string[]> {
  const rows = await context.db
    .select({ id: subscriptionServices.id })
    .from(subscriptionServices)
    .where(and(inArray(subscriptionServices.id, ids), visibleSubscriptionServicesFilter(context)));
  return rows.map((row) => row.id);
}

