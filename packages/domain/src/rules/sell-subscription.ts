/**
 * Selling a CSP subscription (`subscriptionCreate`) and registering one bought elsewhere
 * (`subscriptionRegisterExternal`), domain.md §2, §3, §5. The billing partner is settled here:
 * the seller itself, or the indirect provider an indirect reseller sells through.
 */
import type { UserError } from '../errors.js';
import type {
  CustomerFacts,
  IndirectLinkFacts,
  OfferFacts,
  PartnerFacts,
  RelationshipFacts,
} from '../facts.js';
import { BILLING_CYCLE_LABELS, BILLING_CYCLES_BY_TERM, TERM_LABELS } from '../offers.js';
import type { BillingCycle, Term } from '../offers.js';
import { fromReasons, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import {
  cloudMismatch,
  findActiveRelationship,
  partnerTenantNotAllowed,
  relationshipRequired,
} from './reasons.js';

export interface BillingPartnerRequest {
  seller: PartnerFacts;
  /** The seller's relationship with the customer (its named provider is the default). */
  relationship: RelationshipFacts | undefined;
  /** The seller's indirect links, any status. */
  indirectLinks: readonly IndirectLinkFacts[];
  /** The provider named in the input, if any. */
  indirectProviderId?: string | undefined;
  /** Where the provider id sits in the input, for `field`. */
  field?: readonly string[];
}

/**
 * Who bills a sale: a direct provider bills itself; an indirect reseller bills through an indirect
 * provider it has an `ACTIVE` link with; an indirect provider does not sell on its own.
 */
export function resolveBillingPartner({
  seller,
  relationship,
  indirectLinks,
  indirectProviderId,
  field = ['indirectProviderId'],
}: BillingPartnerRequest): RuleResult<{ billingPartnerId: string }> {
  if (seller.kind === 'INDIRECT_PROVIDER') {
    return fromReasons(
      [
        userError(
          'PARTNER_KIND_NOT_ALLOWED',
          'An indirect provider sells through its indirect resellers: one of them places the order.',
        ),
      ],
      { billingPartnerId: seller.id },
    );
  }
  if (seller.kind === 'DIRECT_PROVIDER') {
    const reasons = indirectProviderId
      ? [
          userError(
            'PARTNER_KIND_NOT_ALLOWED',
            'Only an indirect reseller sells through an indirect provider; your organisation bills its own sales.',
            field,
          ),
        ]
      : [];
    return fromReasons(reasons, { billingPartnerId: seller.id });
  }
  const providerId = indirectProviderId ?? relationship?.indirectProviderId ?? undefined;
  if (!providerId) {
    return fromReasons(
      [
        userError(
          'INDIRECT_LINK_REQUIRED',
          'As an indirect reseller, name the indirect provider you sell through.',
          field,
        ),
      ],
      { billingPartnerId: seller.id },
    );
  }
  const link = indirectLinks.find(
    (candidate) => candidate.providerId === providerId && candidate.resellerId === seller.id,
  );
  if (link?.status !== 'ACTIVE') {
    const state = link
      ? { INVITED: 'not accepted yet', SUSPENDED: 'suspended', REVOKED: 'revoked' }[link.status]
      : undefined;
    return fromReasons(
      [
        userError(
          'INDIRECT_LINK_REQUIRED',
          state
            ? `Your link with this indirect provider is ${state}: you sell through a provider only while the link is active.`
            : 'Your organisation has no link with this indirect provider: you sell only through a provider you are linked with.',
          field,
        ),
      ],
      { billingPartnerId: providerId },
    );
  }
  return fromReasons([], { billingPartnerId: providerId });
}

/** The offer is sold for this term and billing cycle, and the cycle fits inside the term. */
export function checkOfferTerms(
  offer: OfferFacts,
  term: Term,
  billingCycle: BillingCycle,
  field: readonly string[] = [],
): UserError[] {
  const name = offer.name ?? 'This offer';
  const reasons: UserError[] = [];
  if (!offer.terms.includes(term)) {
    reasons.push(
      userError(
        'VALIDATION_FAILED',
        `${name} is not sold for ${TERM_LABELS[term]}; choose ${offer.terms.map((t) => TERM_LABELS[t]).join(' or ')}.`,
        [...field, 'term'],
      ),
    );
  }
  if (!offer.billingCycles.includes(billingCycle)) {
    reasons.push(
      userError(
        'VALIDATION_FAILED',
        `${name} is not billed ${BILLING_CYCLE_LABELS[billingCycle]}; choose ${offer.billingCycles.map((c) => BILLING_CYCLE_LABELS[c]).join(' or ')}.`,
        [...field, 'billingCycle'],
      ),
    );
  } else if (!BILLING_CYCLES_BY_TERM[term].includes(billingCycle)) {
    reasons.push(
      userError(
        'VALIDATION_FAILED',
        `A ${BILLING_CYCLE_LABELS[billingCycle]} billing cycle is longer than a term of ${TERM_LABELS[term]}.`,
        [...field, 'billingCycle'],
      ),
    );
  }
  return reasons;
}

export interface SubscriptionCreateRequest {
  seller: PartnerFacts;
  customer: CustomerFacts;
  offer: OfferFacts;
  /** The customer's relationships (the seller's `ACTIVE` one is looked up among them). */
  relationships: readonly RelationshipFacts[];
  /** The seller's indirect links. */
  indirectLinks: readonly IndirectLinkFacts[];
  input: {
    quantity?: number | undefined;
    term: Term;
    billingCycle: BillingCycle;
    indirectProviderId?: string | undefined;
    /** Usage-based offers may name services at once; license-based ones have none. */
    services?: readonly { name: string }[] | undefined;
  };
}

export interface SubscriptionSale {
  sellerPartnerId: string;
  billingPartnerId: string;
  /** The seller supports what it sells. */
  managingPartnerId: string;
  /** `null` for usage-based offers. */
  quantity: number | null;
}

/**
 * A CSP sale: never to a partner tenant (seed), only with an `ACTIVE` relationship (the customer's
 * permission), only in the seller's cloud, and through an active link for an indirect reseller.
 */
export function checkSubscriptionCreate({
  seller,
  customer,
  offer,
  relationships,
  indirectLinks,
  input,
}: SubscriptionCreateRequest): RuleResult<SubscriptionSale> {
  const reasons: UserError[] = [];
  if (customer.cloud !== seller.cloud) reasons.push(cloudMismatch('This customer'));
  if (customer.isPartnerTenant) reasons.push(partnerTenantNotAllowed());
  const relationship = findActiveRelationship(relationships, seller.id, customer.id);
  if (!relationship) reasons.push(relationshipRequired());

  const billing = resolveBillingPartner({
    seller,
    relationship,
    indirectLinks,
    indirectProviderId: input.indirectProviderId,
  });
  if (!billing.ok) reasons.push(...billing.errors);

  reasons.push(
    ...checkOfferTerms(offer, input.term, input.billingCycle),
    ...checkQuantity(offer, input.quantity),
    ...checkServices(offer, input.services, { isRequired: false }),
  );

  return fromReasons(reasons, {
    sellerPartnerId: seller.id,
    billingPartnerId: billing.ok ? billing.billingPartnerId : seller.id,
    managingPartnerId: seller.id,
    quantity: offer.billingModel === 'LICENSE_BASED' ? (input.quantity ?? null) : null,
  });
}

/** License-based offers are sold by the seat; usage-based ones have none. */
function checkQuantity(offer: OfferFacts, quantity: number | undefined): UserError[] {
  const name = offer.name ?? 'This offer';
  if (offer.billingModel === 'LICENSE_BASED' && quantity === undefined) {
    return [
      userError('VALIDATION_FAILED', `${name} is license-based: enter the number of seats.`, [
        'quantity',
      ]),
    ];
  }
  if (offer.billingModel === 'USAGE_BASED' && quantity !== undefined) {
    return [
      userError(
        'VALIDATION_FAILED',
        `${name} is usage-based: it is billed by consumption and has no seats, so leave the quantity empty.`,
        ['quantity'],
      ),
    ];
  }
  return [];
}

export interface SubscriptionRegisterExternalRequest {
  partner: PartnerFacts;
  customer: CustomerFacts;
  offer: OfferFacts;
  relationships: readonly RelationshipFacts[];
  input: {
    quantity?: number | undefined;
    services?: readonly { name: string }[] | undefined;
  };
}

/**
 * Recording a subscription bought through another channel: the partner must see the customer's
 * subscriptions (an `ACTIVE` relationship, same cloud), and the details must fit the offer's
 * billing model (seats for license-based, named services for usage-based).
 */
export function checkSubscriptionRegisterExternal({
  partner,
  customer,
  offer,
  relationships,
  input,
}: SubscriptionRegisterExternalRequest): RuleResult {
  const reasons: UserError[] = [];
  if (customer.cloud !== partner.cloud) reasons.push(cloudMismatch('This customer'));
  if (!findActiveRelationship(relationships, partner.id, customer.id))
    reasons.push(relationshipRequired());
  reasons.push(
    ...checkQuantity(offer, input.quantity),
    // A registered Azure subscription is already running: its services are what is recorded.
    ...checkServices(offer, input.services, { isRequired: true }),
  );
  return fromReasons(reasons);
}

/** Only usage-based (Azure) subscriptions list services; `isRequired`: at least one must be named. */
function checkServices(
  offer: OfferFacts,
  services: readonly { name: string }[] | undefined,
  { isRequired }: { isRequired: boolean },
): UserError[] {
  const name = offer.name ?? 'This offer';
  const serviceCount = services?.length ?? 0;
  if (offer.billingModel === 'LICENSE_BASED' && serviceCount > 0) {
    return [
      userError(
        'VALIDATION_FAILED',
        `${name} is license-based: only usage-based (Azure) subscriptions list services.`,
        ['services'],
      ),
    ];
  }
  if (offer.billingModel === 'USAGE_BASED' && isRequired && serviceCount === 0) {
    return [
      userError(
        'VALIDATION_FAILED',
        `${name} is usage-based: list the Azure services that run under it.`,
        ['services'],
      ),
    ];
  }
  return [];
}
