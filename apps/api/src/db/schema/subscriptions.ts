/** The catalog (offers), subscriptions and the named Azure services of usage-based subscriptions. */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { boolean, char, check, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { customers } from './customers.js';
import {
  billingCycleEnum,
  billingModelEnum,
  channelEnum,
  cloudEnum,
  serviceStatusEnum,
  subscriptionStatusEnum,
  termEnum,
} from './enums.js';
import { partners } from './partners.js';

export const offers = pgTable(
  'offers',
  {
    id: id(),
    name: text('name').notNull(),
    sku: text('sku').notNull().unique(),
    billingModel: billingModelEnum('billing_model').notNull(),
    terms: termEnum('terms').array().notNull(),
    billingCycles: billingCycleEnum('billing_cycles').array().notNull(),
    /** Clouds whose catalog lists the offer. */
    clouds: cloudEnum('clouds').array().notNull(),
    /** List price per seat and month (license-based) or null (usage-based: metered). */
    unitPrice: numeric('unit_price', { precision: 12, scale: 2 }),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    ...timestamps(),
  },
  (t) => [
    check('offers_has_terms', sql`cardinality(${t.terms}) > 0`),
    check('offers_has_billing_cycles', sql`cardinality(${t.billingCycles}) > 0`),
  ],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    offerId: uuid('offer_id').notNull().references(() => offers.id),
    channel: channelEnum('channel').notNull(),
    /** The offer's billing model, copied (offers never change model) so constraints below can use it. */
    billingModel: billingModelEnum('billing_model').notNull(),
    status: subscriptionStatusEnum('status').notNull().default('PENDING'),
    /** Seats; license-based only. */
    quantity: integer('quantity'),
    term: termEnum('term'),
    termStartDate: at('term_start_date').notNull(),
    termEndDate: at('term_end_date'),
    billingCycle: billingCycleEnum('billing_cycle'),
    isAutoRenewEnabled: boolean('is_auto_renew_enabled').notNull().default(false),
    /** CSP license-based: the last moment it may be cancelled or lose seats (term start or renewal + 7 days). */
    cancellationAllowedUntil: at('cancellation_allowed_until'),
    /** Partner of record; CSP only. */
    sellerPartnerId: uuid('seller_partner_id').references(() => partners.id),
    /** The indirect provider when an indirect reseller sold it. */
    billingPartnerId: uuid('billing_partner_id').references(() => partners.id),
    /** Who supports it; may differ from the seller (multi-channel). */
    managingPartnerId: uuid('managing_partner_id').references(() => partners.id),
    /** Enrollment or agreement number of a subscription bought outside CSP, entered by hand. */
    externalReference: text('external_reference'),
    migratedFromId: uuid('migrated_from_id').references((): AnyPgColumn => subscriptions.id),
    cancelledAt: at('cancelled_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index('subscriptions_customer_idx').on(t.customerId, t.channel),
    index('subscriptions_seller_idx').on(t.sellerPartnerId),
    index('subscriptions_managing_idx').on(t.managingPartnerId),
    // Row-level security asks whether a partner bills a subscription the caller sees.
    index('subscriptions_billing_idx').on(t.billingPartnerId),
    // The background job's scan for terms that have ended.
    index('subscriptions_open_term_end_idx')
      .on(t.termEndDate)
      .where(sql`${t.status} IN ('ACTIVE', 'SUSPENDED')`),
    check('subscriptions_seller_iff_csp', sql`(${t.channel} = 'CSP') = (${t.sellerPartnerId} IS NOT NULL)`),
    check(
      'subscriptions_quantity_by_model',
      sql`(${t.billingModel} = 'LICENSE_BASED' AND ${t.quantity} >= 1) OR (${t.billingModel} = 'USAGE_BASED' AND ${t.quantity} IS NULL)`,
    ),
    check('subscriptions_term_order', sql`${t.termEndDate} IS NULL OR ${t.termEndDate} > ${t.termStartDate}`),
    check('subscriptions_cancelled_at', sql`(${t.status} = 'CANCELLED') = (${t.cancelledAt} IS NOT NULL)`),
  ],
);

export const subscriptionServices = pgTable(
  'subscription_services',
  {
    id: id(),
    subscriptionId: uuid('subscription_id').notNull().references(() => subscriptions.id),
    name: text('name').notNull(),
    status: serviceStatusEnum('status').notNull().default('ACTIVE'),
    /** The CSP subscription a `MIGRATED` service now runs under. */
    migratedToSubscriptionId: uuid('migrated_to_subscription_id').references(() => subscriptions.id),
    endedAt: at('ended_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index('subscription_services_subscription_idx').on(t.subscriptionId),
    check(
      'subscription_services_migrated_target',
      sql`(${t.status} = 'MIGRATED') = (${t.migratedToSubscriptionId} IS NOT NULL)`,
    ),
  ],
);
