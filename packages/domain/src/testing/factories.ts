/**
 * Test factories: plain facts with sensible defaults (a GLOBAL world around Contoso, Tailspin and
 * the customer Adatum, on 2025-06-15), overridden per case. Test-only: excluded from the build.
 */
import { addDays } from '../dates.js';
import type { UserError } from '../errors.js';
import type {
  CustomerFacts,
  IndirectLinkFacts,
  OfferFacts,
  PartnerFacts,
  RelationshipFacts,
  RelationshipRequestFacts,
  SubscriptionFacts,
  TransferFacts,
} from '../facts.js';
import { addTerm } from '../offers.js';

export const NOW = new Date('2025-06-15T12:00:00Z');

export const daysFromNow = (days: number): Date => addDays(NOW, days);

export function partner(overrides: Partial<PartnerFacts> = {}): PartnerFacts {
  return {
    id: 'contoso',
    kind: 'DIRECT_PROVIDER',
    cloud: 'GLOBAL',
    markets: ['US', 'CA', 'GB'],
    ...overrides,
  };
}

export const contoso = partner();
export const tailspin = partner({ id: 'tailspin' });
export const fabrikam = partner({ id: 'fabrikam', kind: 'INDIRECT_PROVIDER' });
export const northwind = partner({ id: 'northwind', kind: 'INDIRECT_RESELLER' });

export function customer(overrides: Partial<CustomerFacts> = {}): CustomerFacts {
  return { id: 'adatum', cloud: 'GLOBAL', country: 'US', isPartnerTenant: false, ...overrides };
}

export function offer(overrides: Partial<OfferFacts> = {}): OfferFacts {
  return {
    id: 'm365-e3',
    name: 'Microsoft 365 E3',
    billingModel: 'LICENSE_BASED',
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['MONTHLY', 'ANNUAL', 'TRIENNIAL'],
    ...overrides,
  };
}

export const azurePlan = offer({
  id: 'azure-plan',
  name: 'Azure plan',
  billingModel: 'USAGE_BASED',
  terms: ['P1M'],
  billingCycles: ['MONTHLY'],
});

/** A CSP license-based subscription Tailspin sold to Adatum 30 days ago for a year. */
export function subscription(overrides: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  const termStart = overrides.termStart ?? daysFromNow(-30);
  return {
    id: 'sub-1',
    customerId: 'adatum',
    cloud: 'GLOBAL',
    channel: 'CSP',
    billingModel: 'LICENSE_BASED',
    offerName: 'Microsoft 365 E3',
    status: 'ACTIVE',
    quantity: 10,
    term: 'P1Y',
    termStart,
    termEnd: addTerm(termStart, 'P1Y'),
    autoRenew: true,
    cancellationAllowedUntil: addDays(termStart, 7),
    sellerPartnerId: 'tailspin',
    billingPartnerId: 'tailspin',
    managingPartnerId: 'tailspin',
    isInOpenTransfer: false,
    ...overrides,
  };
}

/** A usage-based (Azure) subscription; CSP from Tailspin unless overridden. */
export function azureSubscription(overrides: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return subscription({
    id: 'azure-1',
    billingModel: 'USAGE_BASED',
    offerName: 'Azure plan',
    quantity: null,
    term: 'P1M',
    termEnd: daysFromNow(1),
    cancellationAllowedUntil: null,
    services: [
      { id: 'svc-vm', name: 'Virtual Machines', status: 'ACTIVE' },
      { id: 'svc-sql', name: 'Azure SQL Database', status: 'ACTIVE' },
      { id: 'svc-old', name: 'Cloud Services', status: 'CANCELLED' },
    ],
    ...overrides,
  });
}

/** A subscription bought elsewhere (no seller), e.g. Azure under an Enterprise Agreement. */
export function externalSubscription(
  overrides: Partial<SubscriptionFacts> = {},
): SubscriptionFacts {
  return azureSubscription({
    id: 'ea-azure',
    channel: 'EA',
    sellerPartnerId: null,
    billingPartnerId: null,
    managingPartnerId: null,
    term: null,
    termStart: daysFromNow(-200),
    termEnd: daysFromNow(900),
    ...overrides,
  });
}

export function relationship(overrides: Partial<RelationshipFacts> = {}): RelationshipFacts {
  return {
    id: 'rel-contoso-adatum',
    partnerId: 'contoso',
    customerId: 'adatum',
    type: 'RESELLER',
    status: 'ACTIVE',
    indirectProviderId: null,
    ...overrides,
  };
}

export function relationshipRequest(
  overrides: Partial<RelationshipRequestFacts> = {},
): RelationshipRequestFacts {
  return {
    id: 'req-1',
    partnerId: 'contoso',
    customerId: 'adatum',
    status: 'PENDING',
    relationshipType: 'RESELLER',
    indirectProviderId: null,
    createdAt: daysFromNow(-10),
    ...overrides,
  };
}

export function indirectLink(overrides: Partial<IndirectLinkFacts> = {}): IndirectLinkFacts {
  return {
    id: 'link-1',
    providerId: 'fabrikam',
    resellerId: 'northwind',
    status: 'ACTIVE',
    ...overrides,
  };
}

/** A pending partner switch: Contoso asks Tailspin for sub-1. */
export function transfer(overrides: Partial<TransferFacts> = {}): TransferFacts {
  return {
    id: 'transfer-1',
    kind: 'PARTNER_SWITCH',
    status: 'PENDING',
    customerId: 'adatum',
    sourcePartnerId: 'tailspin',
    targetPartnerId: 'contoso',
    expiresAt: daysFromNow(20),
    lineItems: [{ id: 'item-1', subscriptionId: 'sub-1', status: 'PENDING', scheduleAt: null }],
    ...overrides,
  };
}

/** The codes of a result's refusals (`[]` when allowed), for compact expectations. */
export function codesOf(
  result: { ok: true } | { ok: false; errors: readonly UserError[] },
): string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}
