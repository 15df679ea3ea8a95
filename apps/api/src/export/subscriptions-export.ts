/**
 * `GET /export/subscriptions.csv`: the `subscriptions` list with its filters (customer, channel,
 * billing model, status, term end), with each subscription's customer name and offer.
 */
import { BILLING_MODELS, CHANNELS, SUBSCRIPTION_STATUSES } from '@switchyard/domain';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { customers, offers, subscriptions } from '../db/schema/index.js';
import { encodeGlobalId } from '../schema/global-id.js';
import { subscriptionFilters } from '../schema/subscriptions/subscription-filters.js';
import type { SubscriptionFilterArgs } from '../schema/subscriptions/subscription-filters.js';
import type { CsvExport } from './csv-export.js';
import { dateTimeValue, globalIdValue } from './filter-values.js';

type Subscription = typeof subscriptions.$inferSelect;
type SubscriptionExportRow = Omit<Subscription, 'offerId' | 'migratedFromId' | 'version'> & {
  customerCompanyName: string;
  offerId: string;
  offerName: string;
  offerSku: string;
};

const globalIdOrEmpty = (typename: string, id: string | null) => (id ? encodeGlobalId(typename, id) : null);

export const subscriptionsExport: CsvExport<SubscriptionFilterArgs, SubscriptionExportRow> = {
  name: 'subscriptions',
  permission: 'subscriptions:read',
  filters: z.strictObject({
    customerId: globalIdValue('Customer').optional(),
    channel: z.enum(CHANNELS).optional(),
    billingModel: z.enum(BILLING_MODELS).optional(),
    status: z.enum(SUBSCRIPTION_STATUSES).optional(),
    termEndsBefore: dateTimeValue.optional(),
  }),
  columns: [
    { header: 'id', value: (row) => encodeGlobalId('Subscription', row.id) },
    { header: 'customer.id', value: (row) => encodeGlobalId('Customer', row.customerId) },
    { header: 'customer.companyName', value: (row) => row.customerCompanyName },
    { header: 'offer.id', value: (row) => encodeGlobalId('Offer', row.offerId) },
    { header: 'offer.name', value: (row) => row.offerName },
    { header: 'offer.sku', value: (row) => row.offerSku },
    { header: 'channel', value: (row) => row.channel },
    { header: 'billingModel', value: (row) => row.billingModel },
    { header: 'status', value: (row) => row.status },
    { header: 'quantity', value: (row) => row.quantity },
    { header: 'term', value: (row) => row.term },
    { header: 'termStartDate', value: (row) => row.termStartDate },
    { header: 'termEndDate', value: (row) => row.termEndDate },
    { header: 'billingCycle', value: (row) => row.billingCycle },
    { header: 'autoRenew', value: (row) => row.isAutoRenewEnabled },
    { header: 'cancellationAllowedUntil', value: (row) => row.cancellationAllowedUntil },
    { header: 'seller.id', value: (row) => globalIdOrEmpty('Partner', row.sellerPartnerId) },
    { header: 'billingPartner.id', value: (row) => globalIdOrEmpty('Partner', row.billingPartnerId) },
    { header: 'managingPartner.id', value: (row) => globalIdOrEmpty('Partner', row.managingPartnerId) },
    { header: 'externalReference', value: (row) => row.externalReference },
    { header: 'cancelledAt', value: (row) => row.cancelledAt },
    { header: 'createdAt', value: (row) => row.createdAt },
    { header: 'updatedAt', value: (row) => row.updatedAt },
  ],
  loadBatch: (context, filters, afterId, limit) =>
    context.db
      .select({
        id: subscriptions.id,
        customerId: subscriptions.customerId,
        customerCompanyName: customers.companyName,
        offerId: offers.id,
        offerName: offers.name,
        offerSku: offers.sku,
        channel: subscriptions.channel,
        billingModel: subscriptions.billingModel,
        status: subscriptions.status,
        quantity: subscriptions.quantity,
        term: subscriptions.term,
        termStartDate: subscriptions.termStartDate,
        termEndDate: subscriptions.termEndDate,
        billingCycle: subscriptions.billingCycle,
        isAutoRenewEnabled: subscriptions.isAutoRenewEnabled,
        cancellationAllowedUntil: subscriptions.cancellationAllowedUntil,
        sellerPartnerId: subscriptions.sellerPartnerId,
        billingPartnerId: subscriptions.billingPartnerId,
        managingPartnerId: subscriptions.managingPartnerId,
        externalReference: subscriptions.externalReference,
        cancelledAt: subscriptions.cancelledAt,
        createdAt: subscriptions.createdAt,
        updatedAt: subscriptions.updatedAt,
      })
      .from(subscriptions)
      .innerJoin(customers, eq(customers.id, subscriptions.customerId))
      .innerJoin(offers, eq(offers.id, subscriptions.offerId))
      .where(and(subscriptionFilters(context, subscriptions, filters), afterId ? gt(subscriptions.id, afterId) : undefined))
      .orderBy(asc(subscriptions.id))
      .limit(limit),
};
