/**
 * Reseller relationship requests (domain.md §6): a partner asks, the customer's administrator
 * accepts or declines through a single-use invitation, the partner may revoke it meanwhile, and the
 * clock expires it after 90 days. These checks guard each step.
 */
import { addDays, formatDate } from '../dates.js';
import type { UserError } from '../errors.js';
import type {
  CustomerFacts,
  IndirectLinkFacts,
  PartnerFacts,
  RelationshipFacts,
  RelationshipRequestFacts,
} from '../facts.js';
import { RELATIONSHIP_REQUEST_TTL_DAYS } from '../relationships.js';
import { fromReasons, refuse, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { planRelationship, relationshipsForPlan } from './plan-relationship.js';
import type { RelationshipPlan, RelationshipToCreate } from './plan-relationship.js';
import {
  cloudMismatch,
  findActiveRelationship,
  marketNotSupported,
  partnerTenantNotAllowed,
} from './reasons.js';

export function relationshipRequestExpiresAt(createdAt: Date): Date {
  return addDays(createdAt, RELATIONSHIP_REQUEST_TTL_DAYS);
}

function isExpired(
  request: Pick<RelationshipRequestFacts, 'status' | 'createdAt'>,
  now: Date,
): boolean {
  return (
    request.status === 'EXPIRED' ||
    (request.status === 'PENDING' &&
      now.getTime() >= relationshipRequestExpiresAt(request.createdAt).getTime())
  );
}

export interface RelationshipRequestCreateRequest {
  partner: PartnerFacts;
  customer: CustomerFacts;
  /** The customer's relationships. */
  relationships: readonly RelationshipFacts[];
  /** The customer's relationship requests (any partner, any status). */
  requests: readonly RelationshipRequestFacts[];
  /** The partner's indirect links. */
  indirectLinks: readonly IndirectLinkFacts[];
  input: { indirectProviderId?: string | undefined };
  now: Date;
}

export interface RelationshipRequestPlan extends RelationshipPlan {
  expiresAt: Date;
}

/** Only in the partner's cloud and markets, never to a partner tenant, never twice. */
export function checkRelationshipRequestCreate({
  partner,
  customer,
  relationships,
  requests,
  indirectLinks,
  input,
  now,
}: RelationshipRequestCreateRequest): RuleResult<RelationshipRequestPlan> {
  const reasons: UserError[] = [];
  if (customer.cloud !== partner.cloud) reasons.push(cloudMismatch('This customer'));
  if (!partner.markets.includes(customer.country))
    reasons.push(marketNotSupported(customer.country, partner));
  if (customer.isPartnerTenant) reasons.push(partnerTenantNotAllowed());
  if (findActiveRelationship(relationships, partner.id, customer.id)) {
    reasons.push(
      userError(
        'RELATIONSHIP_ALREADY_EXISTS',
        'Your organisation already has an active relationship with this customer.',
      ),
    );
  } else if (
    requests.some(
      (request) =>
        request.partnerId === partner.id &&
        request.customerId === customer.id &&
        request.status === 'PENDING' &&
        !isExpired(request, now),
    )
  ) {
    reasons.push(
      userError(
        'RELATIONSHIP_REQUEST_ALREADY_PENDING',
        'A relationship request to this customer is already waiting for an answer: resend its invitation, or revoke it first.',
      ),
    );
  }

  const { reasons: providerReasons, plan } = planRelationship({
    partner,
    indirectProviderId: input.indirectProviderId,
    indirectLinks,
  });
  reasons.push(...providerReasons);

  return fromReasons(reasons, { ...plan, expiresAt: relationshipRequestExpiresAt(now) });
}

/** Why an invitation can no longer be answered, in words for the customer's administrator. */
function invitationUnusable(request: RelationshipRequestFacts, now: Date): UserError | undefined {
  switch (request.status) {
    case 'ACCEPTED':
    case 'DECLINED':
      return userError(
        'INVITATION_ALREADY_USED',
        `This invitation was already ${request.status === 'ACCEPTED' ? 'accepted' : 'declined'}; each invitation can be answered once.`,
      );
    case 'REVOKED':
      return userError(
        'INVITATION_REVOKED',
        'The partner withdrew this invitation. Ask them for a new one if you still want to work with them.',
      );
    case 'EXPIRED':
    case 'PENDING':
      return isExpired(request, now)
        ? userError(
            'INVITATION_EXPIRED',
            `This invitation expired on ${formatDate(relationshipRequestExpiresAt(request.createdAt))}, ${RELATIONSHIP_REQUEST_TTL_DAYS} days after it was sent. Ask the partner for a new one.`,
          )
        : undefined;
  }
}

export interface InvitationAnswerRequest {
  request: RelationshipRequestFacts;
  /** The customer's relationships, so acceptance does not duplicate one. */
  relationships: readonly RelationshipFacts[];
  now: Date;
}

/**
 * Acceptance creates the partner's `ACTIVE` relationship and, for an indirect reseller, the named
 * provider's own `INDIRECT_PROVIDER` relationship (each only if it does not exist yet).
 */
export function checkRelationshipRequestAccept({
  request,
  relationships,
  now,
}: InvitationAnswerRequest): RuleResult<{
  changes: { status: 'ACCEPTED' };
  relationshipsToCreate: RelationshipToCreate[];
}> {
  const unusable = invitationUnusable(request, now);
  if (unusable) return { ok: false, errors: [unusable] };
  const wanted = relationshipsForPlan(request.partnerId, request.customerId, {
    relationshipType: request.relationshipType,
    indirectProviderId: request.indirectProviderId,
  });
  return fromReasons([], {
    changes: { status: 'ACCEPTED' } as const,
    relationshipsToCreate: wanted.filter(
      (relationship) =>
        !findActiveRelationship(relationships, relationship.partnerId, relationship.customerId),
    ),
  });
}

export function checkRelationshipRequestDecline({
  request,
  now,
}: Omit<InvitationAnswerRequest, 'relationships'>): RuleResult<{
  changes: { status: 'DECLINED' };
}> {
  const unusable = invitationUnusable(request, now);
  return fromReasons(unusable ? [unusable] : [], { changes: { status: 'DECLINED' } as const });
}

/** The partner withdraws its own pending request; its invitation stops working. */
export function checkRelationshipRequestRevoke({
  request,
  actorPartnerId,
  now,
}: {
  request: RelationshipRequestFacts;
  actorPartnerId: string;
  now: Date;
}): RuleResult<{ changes: { status: 'REVOKED' } }> {
  // Another partner's request is invisible to the actor (domain.md §8), hence NOT_FOUND.
  if (request.partnerId !== actorPartnerId)
    return refuse('NOT_FOUND', 'No such relationship request.');
  if (request.status === 'REVOKED') {
    return refuse('INVALID_TRANSITION', 'This relationship request is already revoked.');
  }
  const unusable = invitationUnusable(request, now);
  return fromReasons(unusable ? [unusable] : [], { changes: { status: 'REVOKED' } as const });
}

/** What the clock does to a request: a pending one expires 90 days after it was sent. */
export function relationshipRequestAtDeadline(
  request: RelationshipRequestFacts,
  now: Date,
): { action: 'NONE' } | { action: 'EXPIRE'; status: 'EXPIRED' } {
  return request.status === 'PENDING' && isExpired(request, now)
    ? { action: 'EXPIRE', status: 'EXPIRED' }
    : { action: 'NONE' };
}
