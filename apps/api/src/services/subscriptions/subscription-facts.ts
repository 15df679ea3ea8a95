/**
 * Rows as the domain's rules read them: subscriptions (SubscriptionFacts), partners, customers,
 * offers, relationships and indirect links. The rules live in packages/domain; this file only
 * translates, so a rule never sees a database column name.
 */
import type {
  Cloud,
  CustomerFacts,
  IndirectLinkFacts,
  OfferFacts,
  PartnerFacts,
  RelationshipFacts,
  SubscriptionFacts,
} from '@switchyard/domain';
import type {
  customers,
  indirectLinks,
  offers,
  partners,
  relationships,
  subscriptions,
  subscriptionServices,
} from '../../db/schema/index.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type SubscriptionServiceRow = typeof subscriptionServices.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
type PartnerRow = typeof partners.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;
type RelationshipRow = typeof relationships.$inferSelect;
type IndirectLinkRow = typeof indirectLinks.$inferSelect;

/** What a subscription row does not hold itself but its rules read. */
export interface SubscriptionSurroundings {
  /** The customer's cloud (a subscription belongs to its customer's cloud). */
  cloud: Cloud;
  offerName: string;
  /** A line item of a `PENDING` or `SCHEDULED` transfer holds it. */
  isInOpenTransfer: boolean;
  services?: readonly SubscriptionServiceRow[];
}

export function toSubscriptionFacts(row: SubscriptionRow, surroundings: SubscriptionSurroundings): SubscriptionFacts {
  return {
    id: row.id,
    customerId: row.customerId,
    cloud: surroundings.cloud,
    channel: row.channel,
    billingModel: row.billingModel,
    offerName: surroundings.offerName,
    status: row.status,
    quantity: row.quantity,
    term: row.term,
    termStart: row.termStartDate,
    termEnd: row.termEndDate,
    autoRenew: row.isAutoRenewEnabled,
    cancellationAllowedUntil: row.cancellationAllowedUntil,
    sellerPartnerId: row.sellerPartnerId,
    billingPartnerId: row.billingPartnerId,
    managingPartnerId: row.managingPartnerId,
    isInOpenTransfer: surroundings.isInOpenTransfer,
    ...(surroundings.services
      ? { services: surroundings.services.map((service) => ({ id: service.id, name: service.name, status: service.status })) }
      : {}),
  };
}

export function toPartnerFacts(partner: PartnerRow): PartnerFacts {
  return { id: partner.id, kind: partner.kind, cloud: partner.cloud, markets: partner.markets };
}

export function toCustomerFacts(customer: CustomerRow): CustomerFacts {
  return { id: customer.id, cloud: customer.cloud, country: customer.country, isPartnerTenant: customer.isPartnerTenant };
}

export function toOfferFacts(offer: OfferRow): OfferFacts {
  return { id: offer.id, name: offer.name, billingModel: offer.billingModel, terms: offer.terms, billingCycles: offer.billingCycles };
}

export function toRelationshipFacts(relationship: RelationshipRow): RelationshipFacts {
  return {
    id: relationship.id,
    partnerId: relationship.partnerId,
    customerId: relationship.customerId,
    type: relationship.type,
    status: relationship.status,
    indirectProviderId: relationship.indirectProviderId,
  };
}

export function toIndirectLinkFacts(link: IndirectLinkRow): IndirectLinkFacts {
  return { id: link.id, providerId: link.providerId, resellerId: link.resellerId, status: link.status };
}
