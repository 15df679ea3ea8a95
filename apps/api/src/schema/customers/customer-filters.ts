/**
 * The filters of the customer list (`customers`, and the CSV export in src/export/), always on top
 * of the caller's visibility (./visibility.ts), so a filter can only narrow what the caller may see.
 */
import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { subscriptions } from '../../db/schema/index.js';
import type { customers } from '../../db/schema/index.js';
import { activeRelationshipFilter } from '../subscriptions/visibility.js';
import type { CustomerRelationshipStatus } from './customer.js';
import { customerRelationshipStatusSql, visibleCustomersFilter } from './visibility.js';

export interface CustomerListArgs {
  search?: string | null | undefined;
  cloud?: (typeof customers.$inferSelect)['cloud'] | null | undefined;
  channel?: (typeof subscriptions.$inferSelect)['channel'] | null | undefined;
  relationshipStatus?: CustomerRelationshipStatus | null | undefined;
}

/** `%`, `_` and `\` typed by a person are literal characters, not patterns. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The caller's visible customers narrowed by the list's filters (the same for the page and its count). */
export function customerListFilter(context: Context, table: typeof customers, args: CustomerListArgs): SQL {
  const search = args.search?.trim();
  return and(
    visibleCustomersFilter(context, table),
    search ? or(ilike(table.companyName, containsPattern(search)), ilike(table.primaryDomain, containsPattern(search.toLowerCase()))) : undefined,
    args.cloud ? eq(table.cloud, args.cloud) : undefined,
    // A subscription of that channel the caller can see: it needs an ACTIVE relationship.
    args.channel
      ? and(
          activeRelationshipFilter(context, table.id),
          sql`exists (select 1 from ${subscriptions} where ${subscriptions.customerId} = ${table.id} and ${subscriptions.channel} = ${args.channel})`,
        )
      : undefined,
    args.relationshipStatus ? eq(customerRelationshipStatusSql(context, table), args.relationshipStatus) : undefined,
  ) as SQL;
}
