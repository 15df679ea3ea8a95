/**
 * Refusals several rule families share, phrased once so a partner reads the same sentence whichever
 * mutation refused. Internal: not exported from the package.
 */
import type { UserError } from '../errors.js';
import type { PartnerFacts, RelationshipFacts } from '../facts.js';
import { userError } from '../rule-result.js';

/** The partner's `ACTIVE` relationship with the customer, if any. */
export function findActiveRelationship(
  relationships: readonly RelationshipFacts[],
  partnerId: string,
  customerId: string,
): RelationshipFacts | undefined {
  return relationships.find(
    (relationship) =>
      relationship.partnerId === partnerId &&
      relationship.customerId === customerId &&
      relationship.status === 'ACTIVE',
  );
}

export function relationshipRequired(): UserError {
  return userError(
    'RELATIONSHIP_REQUIRED',
    'Your organisation has no active relationship with this customer: send a relationship request and wait for the customer to accept it.',
  );
}

export function cloudMismatch(what: string): UserError {
  return userError(
    'CLOUD_MISMATCH',
    `${what} is in another cloud than your organisation: nothing crosses clouds.`,
  );
}

export function partnerTenantNotAllowed(): UserError {
  return userError(
    'PARTNER_TENANT_NOT_ALLOWED',
    "This customer is a CSP partner's own tenant: a CSP partner cannot sell online services to another CSP partner.",
  );
}

export function marketNotSupported(
  country: string,
  partner: PartnerFacts,
  field?: readonly string[],
): UserError {
  return userError(
    'MARKET_NOT_SUPPORTED',
    `Your organisation does not sell in ${country}; its markets are ${partner.markets.join(', ') || 'not set'}.`,
    field,
  );
}
