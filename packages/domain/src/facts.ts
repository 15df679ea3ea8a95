/**
 * The plain facts the rules read. Not database rows: the API maps its rows onto these, the admin app
 * maps its query results onto them, and tests build them with factories. Each names only what some
 * rule needs, so a rule's inputs say what it depends on.
 */
import type { Channel, TransferKind } from './channels.js';
import type { Cloud } from './clouds.js';
import type { BillingCycle, BillingModel, Term } from './offers.js';
import type { IndirectLinkStatus, PartnerKind } from './partners.js';
import type {
  RelationshipRequestStatus,
  RelationshipStatus,
  RelationshipType,
} from './relationships.js';
import type { ServiceStatus, SubscriptionStatus } from './subscriptions.js';
import type { TransferLineItemStatus, TransferStatus } from './transfers.js';

export interface PartnerFacts {
  id: string;
  kind: PartnerKind;
  cloud: Cloud;
  /** ISO 3166-1 alpha-2 codes of the countries it may sell in. */
  markets: readonly string[];
}

export interface CustomerFacts {
  id: string;
  cloud: Cloud;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The tenant is a CSP partner's own: no CSP partner may sell or transfer to it. */
  isPartnerTenant: boolean;
}

export interface OfferFacts {
  id: string;
  /** Shown in messages, e.g. "Microsoft 365 E3". */
  name?: string;
  billingModel: BillingModel;
  terms: readonly Term[];
  billingCycles: readonly BillingCycle[];
}

export interface ServiceFacts {
  id: string;
  name: string;
  status: ServiceStatus;
}

export interface SubscriptionFacts {
  id: string;
  customerId: string;
  cloud: Cloud;
  channel: Channel;
  billingModel: BillingModel;
  /** The offer's name, used in messages when a reason is read away from the subscription's row. */
  offerName?: string;
  status: SubscriptionStatus;
  /** Seats; `null` for usage-based subscriptions. */
  quantity: number | null;
  /** `null` when the term is not one of the standard terms (e.g. a registered agreement). */
  term: Term | null;
  termStart: Date | null;
  termEnd: Date | null;
  autoRenew: boolean;
  cancellationAllowedUntil: Date | null;
  /** The partner of record; CSP subscriptions only. */
  sellerPartnerId: string | null;
  /** The indirect provider when an indirect reseller sold it; otherwise the seller (or `null`). */
  billingPartnerId: string | null;
  managingPartnerId: string | null;
  /** A line item of a `PENDING` or `SCHEDULED` transfer holds it. */
  isInOpenTransfer: boolean;
  /** Usage-based subscriptions only. */
  services?: readonly ServiceFacts[];
}

/** A partner ↔ customer relationship. */
export interface RelationshipFacts {
  id: string;
  partnerId: string;
  customerId: string;
  type: RelationshipType;
  status: RelationshipStatus;
  /** For `INDIRECT_RESELLER` relationships: the provider named when it was accepted. */
  indirectProviderId: string | null;
}

export interface RelationshipRequestFacts {
  id: string;
  partnerId: string;
  customerId: string;
  status: RelationshipRequestStatus;
  /** What acceptance creates, settled when the request was sent. */
  relationshipType: RelationshipType;
  /** For an indirect reseller's request: the provider it sells through. */
  indirectProviderId: string | null;
  createdAt: Date;
}

export interface IndirectLinkFacts {
  id: string;
  providerId: string;
  resellerId: string;
  status: IndirectLinkStatus;
}

export interface TransferLineItemFacts {
  id: string;
  subscriptionId: string;
  status: TransferLineItemStatus;
  /** When it moves; `null`: as soon as the transfer is accepted. */
  scheduleAt: Date | null;
}

export interface TransferFacts {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  customerId: string;
  /** The partner that gives the subscriptions up; `null` when they come from another channel. */
  sourcePartnerId: string | null;
  /** The requester. */
  targetPartnerId: string;
  /** A `PENDING` transfer nobody answers expires then. */
  expiresAt: Date | null;
  lineItems: readonly TransferLineItemFacts[];
}
