/**
 * Customer: a tenant a partner serves (domain.md §3), seen through the caller's relationship with it
 * (§8): its profile whenever the caller has a relationship or a pending request, its subscriptions
 * (every channel) only with an ACTIVE relationship. The `customers` and `customer` queries live here.
 */
import { builder } from '../../builder.js';
import { BillingModelEnum, ChannelEnum, CloudEnum, SubscriptionStatusEnum } from '../enums.js';
import { exactTimestamp } from '../exact-timestamp.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { visibleRelationshipRequestsFilter, visibleRelationshipsFilter } from '../relationships/visibility.js';
import { subscriptionFilters } from '../subscriptions/subscription-filters.js';
import { visibleTransfersFilter } from '../transfers/visibility.js';
import { customerRelationshipStatusSql, visibleCustomerIds } from './visibility.js';

export const CUSTOMER_RELATIONSHIP_STATUSES = ['ACTIVE', 'PENDING', 'TERMINATED'] as const;
export type CustomerRelationshipStatus = (typeof CUSTOMER_RELATIONSHIP_STATUSES)[number];

export const CustomerRelationshipStatusEnum = builder.enumType('CustomerRelationshipStatus', {
  description: 'Your organisation’s relationship with a customer.',
  values: {
    ACTIVE: { description: 'You have an active relationship: you see and manage its subscriptions.' },
    PENDING: { description: 'Only a relationship request is out: you see the profile, not the subscriptions, until the customer accepts.' },
    TERMINATED: { description: 'Your relationship ended: you see the profile and your history, not the subscriptions.' },
  } satisfies Record<CustomerRelationshipStatus, { description: string }>,
});

export const Customer = builder.drizzleNode('customers', {
  name: 'Customer',
  description: 'A customer tenant. You see it while you have a relationship with it or a pending request to it.',
  id: { column: (customer) => customer.id },
  fields: (t) => ({
    tenantId: t.expose('tenantId', { type: 'ID', description: 'The tenant’s directory id (a UUID), as Microsoft knows it.' }),
    companyName: t.exposeString('companyName'),
    primaryDomain: t.exposeString('primaryDomain', { description: 'Unique within the cloud, e.g. adatum.onmicrosoft.com.' }),
    country: t.exposeString('country', { description: 'ISO 3166 alpha-2 code.' }),
    cloud: t.expose('cloud', { type: CloudEnum }),
    isPartnerTenant: t.exposeBoolean('isPartnerTenant', {
      description: 'The tenant is itself a CSP partner’s own tenant: no CSP subscription may be sold or transferred to it.',
    }),
    relationshipStatus: t.field({
      type: CustomerRelationshipStatusEnum,
      nullable: true,
      description: 'Your organisation’s relationship with this customer: ACTIVE, PENDING (only a request is out) or TERMINATED.',
      select: (_args, context) => ({
        extras: { relationshipStatus: (table) => customerRelationshipStatusSql(context, table) },
      }),
      resolve: (customer) => (customer as { relationshipStatus?: CustomerRelationshipStatus | null }).relationshipStatus ?? null,
    }),
    relationships: t.relation('relationships', {
      description: 'Your organisation’s relationships with this customer (as the partner or the indirect provider named), newest first.',
      query: (_args, context) => ({
        where: { RAW: (table) => visibleRelationshipsFilter(context, table) },
        orderBy: { startedAt: 'desc', id: 'desc' },
      }),
    }),
    relationshipRequests: t.relatedConnection('relationshipRequests', {
      description: 'Your organisation’s relationship requests to this customer, newest first.',
      totalCount: true,
      query: (_args, context) => ({
        where: { RAW: (table) => visibleRelationshipRequestsFilter(context, table) },
        extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
        orderBy: { createdAtExact: 'desc' },
      }),
    }),
    subscriptions: t.relatedConnection('subscriptions', {
      description:
        'Every subscription of this customer, whatever channel sold it, newest first. Empty unless you have an ACTIVE relationship with the customer.',
      totalCount: true,
      args: {
        channel: t.arg({ type: ChannelEnum, description: 'Only subscriptions bought through this channel.' }),
        billingModel: t.arg({ type: BillingModelEnum }),
        status: t.arg({ type: SubscriptionStatusEnum }),
      },
      query: (args, context) => ({
        where: { RAW: (table) => subscriptionFilters(context, table, args) },
        // Exact timestamps, so a cursor never skips rows created in the same millisecond (../exact-timestamp.ts).
        extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
        orderBy: { createdAtExact: 'desc' },
      }),
    }),
    transfers: t.relatedConnection('transfers', {
      description: 'Transfers of this customer’s subscriptions where your organisation is the source or the target, newest first.',
      totalCount: true,
      query: (_args, context) => ({
        where: { RAW: (table) => visibleTransfersFilter(context, table) },
        extras: { createdAtExact: (table) => exactTimestamp(table.createdAt) },
        orderBy: { createdAtExact: 'desc' },
      }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion` to refuse a change made meanwhile.' }),
  }),
});

registerNodeVisibility('Customer', visibleCustomerIds);
