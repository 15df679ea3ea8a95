/**
 * The filters of subscription lists (`subscriptions`, `Customer.subscriptions`), always on top of
 * the caller's visibility (./visibility.ts), so a filter can only narrow what the caller may see.
 */
import type { BillingModel, Channel, SubscriptionStatus } from '@switchyard/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { subscriptions } from '../../db/schema/index.js';
import { visibleSubscriptionsFilter } from './visibility.js';

export interface SubscriptionFilterArgs {
  /** A database id (already decoded). */
  customerId?: string | null | undefined;
  channel?: Channel | null | undefined;
  billingModel?: BillingModel | null | undefined;
  status?: SubscriptionStatus | null | undefined;
  termEndsBefore?: Date | null | undefined;
}

export function subscriptionFilters(context: Context, table: typeof subscriptions, args: SubscriptionFilterArgs): SQL {
  return and(
    visibleSubscriptionsFilter(context, table),
    args.customerId ? eq(table.customerId, args.customerId) : undefined,
    args.channel ? eq(table.channel, args.channel) : undefined,
    args.billingModel ? eq(table.billingModel, args.billingModel) : undefined,
    args.status ? eq(table.status, args.status) : undefined,
    args.termEndsBefore ? lt(table.termEndDate, args.termEndsBefore) : undefined,
  ) as SQL;
}
