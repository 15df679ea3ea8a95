/**
 * How the tables connect (Drizzle relational queries v2). The GraphQL layer (Pothos drizzle
 * plugin) plans nested selections through these, so a page of customers with their
 * subscriptions is one query, not one per row.
 */
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  partners: {
    users: r.many.users(),
    apiKeys: r.many.apiKeys(),
    relationships: r.many.relationships({ alias: 'relationship_partner' }),
    linksAsProvider: r.many.indirectLinks({ alias: 'link_provider' }),
    linksAsReseller: r.many.indirectLinks({ alias: 'link_reseller' }),
  },
  indirectLinks: {
    provider: r.one.partners({ from: r.indirectLinks.providerId, to: r.partners.id, alias: 'link_provider', optional: false }),
    reseller: r.one.partners({ from: r.indirectLinks.resellerId, to: r.partners.id, alias: 'link_reseller', optional: false }),
  },
  customers: {
    relationships: r.many.relationships(),
    relationshipRequests: r.many.relationshipRequests(),
    subscriptions: r.many.subscriptions(),
    transfers: r.many.transfers(),
  },
  relationshipRequests: {
    partner: r.one.partners({ from: r.relationshipRequests.partnerId, to: r.partners.id, alias: 'request_partner', optional: false }),
    customer: r.one.customers({ from: r.relationshipRequests.customerId, to: r.customers.id, optional: false }),
    indirectProvider: r.one.partners({ from: r.relationshipRequests.indirectProviderId, to: r.partners.id, alias: 'request_provider' }),
  },
  relationships: {
    partner: r.one.partners({ from: r.relationships.partnerId, to: r.partners.id, alias: 'relationship_partner', optional: false }),
    customer: r.one.customers({ from: r.relationships.customerId, to: r.customers.id, optional: false }),
    indirectProvider: r.one.partners({ from: r.relationships.indirectProviderId, to: r.partners.id, alias: 'relationship_provider' }),
  },
  offers: {
    subscriptions: r.many.subscriptions(),
  },
  subscriptions: {
    customer: r.one.customers({ from: r.subscriptions.customerId, to: r.customers.id, optional: false }),
    offer: r.one.offers({ from: r.subscriptions.offerId, to: r.offers.id, optional: false }),
    seller: r.one.partners({ from: r.subscriptions.sellerPartnerId, to: r.partners.id, alias: 'subscription_seller' }),
    billingPartner: r.one.partners({ from: r.subscriptions.billingPartnerId, to: r.partners.id, alias: 'subscription_billing' }),
    managingPartner: r.one.partners({ from: r.subscriptions.managingPartnerId, to: r.partners.id, alias: 'subscription_managing' }),
    migratedFrom: r.one.subscriptions({ from: r.subscriptions.migratedFromId, to: r.subscriptions.id, alias: 'migration' }),
    migratedTo: r.many.subscriptions({ alias: 'migration' }),
    services: r.many.subscriptionServices({ alias: 'service_subscription' }),
    transferLineItems: r.many.transferLineItems({ alias: 'line_item_subscription' }),
  },
  subscriptionServices: {
    subscription: r.one.subscriptions({ from: r.subscriptionServices.subscriptionId, to: r.subscriptions.id, alias: 'service_subscription', optional: false }),
    migratedTo: r.one.subscriptions({ from: r.subscriptionServices.migratedToSubscriptionId, to: r.subscriptions.id, alias: 'service_migrated_to' }),
  },
  transfers: {
    customer: r.one.customers({ from: r.transfers.customerId, to: r.customers.id, optional: false }),
    sourcePartner: r.one.partners({ from: r.transfers.sourcePartnerId, to: r.partners.id, alias: 'transfer_source' }),
    targetPartner: r.one.partners({ from: r.transfers.targetPartnerId, to: r.partners.id, alias: 'transfer_target', optional: false }),
    lineItems: r.many.transferLineItems(),
  },
  transferLineItems: {
    transfer: r.one.transfers({ from: r.transferLineItems.transferId, to: r.transfers.id, optional: false }),
    subscription: r.one.subscriptions({ from: r.transferLineItems.subscriptionId, to: r.subscriptions.id, alias: 'line_item_subscription', optional: false }),
    resultSubscription: r.one.subscriptions({ from: r.transferLineItems.resultSubscriptionId, to: r.subscriptions.id, alias: 'line_item_result' }),
  },
  users: {
    partner: r.one.partners({ from: r.users.partnerId, to: r.partners.id, optional: false }),
    sessions: r.many.sessions(),
  },
  sessions: {
    user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }),
  },
  apiKeys: {
    partner: r.one.partners({ from: r.apiKeys.partnerId, to: r.partners.id, optional: false }),
  },
  auditEvents: {
    partner: r.one.partners({ from: r.auditEvents.partnerId, to: r.partners.id, optional: false }),
  },
  webhookSubscriptions: {
    deliveries: r.many.webhookDeliveries(),
  },
  webhookDeliveries: {
    webhookSubscription: r.one.webhookSubscriptions({ from: r.webhookDeliveries.webhookSubscriptionId, to: r.webhookSubscriptions.id, optional: false }),
  },
  subscriptionImports: {
    customer: r.one.customers({ from: r.subscriptionImports.customerId, to: r.customers.id }),
    rows: r.many.subscriptionImportRows(),
  },
  subscriptionImportRows: {
    subscriptionImport: r.one.subscriptionImports({ from: r.subscriptionImportRows.subscriptionImportId, to: r.subscriptionImports.id, optional: false }),
    subscription: r.one.subscriptions({ from: r.subscriptionImportRows.subscriptionId, to: r.subscriptions.id, alias: 'import_row_subscription' }),
  },
}));

export type Relations = typeof relations;
