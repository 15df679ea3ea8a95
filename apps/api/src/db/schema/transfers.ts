/** Transfers of subscriptions between channels and partners, and their line items. */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { customers } from './customers.js';
import {
  actorTypeEnum,
  cancelSourceEnum,
  channelEnum,
  transferEffectiveEnum,
  transferKindEnum,
  transferLineItemStatusEnum,
  transferStatusEnum,
} from './enums.js';
import { partners } from './partners.js';
import { subscriptions } from './subscriptions.js';

export const transfers = pgTable(
  'transfers',
  {
    id: id(),
    kind: transferKindEnum('kind').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    /** The current seller (`PARTNER_SWITCH` only). */
    sourcePartnerId: uuid('source_partner_id').references(() => partners.id),
    /** The requester. */
    targetPartnerId: uuid('target_partner_id').notNull().references(() => partners.id),
    /**
     * Who bills what the transfer moves: the target, or the indirect provider an indirect reseller
     * sells through. Settled at creation, when the target's relationship and links are at hand
     * (row-level security hides them from the source partner who later accepts).
     */
    billingPartnerId: uuid('billing_partner_id').references(() => partners.id),
    sourceChannel: channelEnum('source_channel').notNull(),
    status: transferStatusEnum('status').notNull().default('PENDING'),
    effective: transferEffectiveEnum('effective').notNull().default('IMMEDIATELY'),
    /** When it took or takes effect (`SCHEDULED`: the term end it waits for). */
    effectiveAt: at('effective_at'),
    /** A `PENDING` transfer nobody answers expires then (30 days). */
    expiresAt: at('expires_at'),
    cancelSource: cancelSourceEnum('cancel_source'),
    /** `USAGE_MIGRATION`: the details of the new CSP subscription as entered. */
    newSubscriptionDetails: jsonb('new_subscription_details'),
    rejectionReason: text('rejection_reason'),
    failureReason: text('failure_reason'),
    createdByActorType: actorTypeEnum('created_by_actor_type').notNull(),
    createdByActorId: uuid('created_by_actor_id'),
    completedAt: at('completed_at'),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index('transfers_customer_idx').on(t.customerId),
    index('transfers_source_idx').on(t.sourcePartnerId, t.status),
    index('transfers_target_idx').on(t.targetPartnerId, t.status),
    index('transfers_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'PENDING'`),
    index('transfers_scheduled_idx').on(t.effectiveAt).where(sql`${t.status} = 'SCHEDULED'`),
    check('transfers_partner_switch_has_source', sql`(${t.kind} = 'PARTNER_SWITCH') = (${t.sourcePartnerId} IS NOT NULL)`),
    check('transfers_distinct_parties', sql`${t.sourcePartnerId} IS NULL OR ${t.sourcePartnerId} <> ${t.targetPartnerId}`),
    check('transfers_migration_cancel_source', sql`(${t.kind} = 'USAGE_MIGRATION') = (${t.cancelSource} IS NOT NULL)`),
  ],
);

export const transferLineItems = pgTable(
  'transfer_line_items',
  {
    id: id(),
    transferId: uuid('transfer_id').notNull().references(() => transfers.id),
    subscriptionId: uuid('subscription_id').notNull().references(() => subscriptions.id),
    /** `USAGE_MIGRATION`: the services moved. */
    serviceIds: uuid('service_ids').array(),
    status: transferLineItemStatusEnum('status').notNull().default('PENDING'),
    /** When this item moves (license-based items scheduled for their term end). */
    scheduledAt: at('scheduled_at'),
    failureReason: text('failure_reason'),
    /** The subscription the item produced (a new CSP subscription for migrations and transitions). */
    resultSubscriptionId: uuid('result_subscription_id').references(() => subscriptions.id),
    ...timestamps(),
  },
  (t) => [
    index('transfer_line_items_transfer_idx').on(t.transferId),
    // A subscription is in at most one open transfer: enforced here, not only in code.
    uniqueIndex('transfer_line_items_one_open_per_subscription')
      .on(t.subscriptionId)
      .where(sql`${t.status} IN ('PENDING', 'SCHEDULED')`),
  ],
);
