/**
 * Which relationship a partner gets with a customer (domain.md §2, §6), and the indirect provider an
 * indirect reseller names for it. Shared by `customerCreate` (the relationship starts at once) and
 * `relationshipRequestCreate` (it starts when the customer accepts), so both refuse alike.
 */
import type { UserError } from '../errors.js';
import type { IndirectLinkFacts, PartnerFacts } from '../facts.js';
import type { PartnerKind } from '../partners.js';
import type { RelationshipType } from '../relationships.js';
import { userError } from '../rule-result.js';

export const RELATIONSHIP_TYPE_BY_PARTNER_KIND: Record<PartnerKind, RelationshipType> = {
  DIRECT_PROVIDER: 'RESELLER',
  INDIRECT_PROVIDER: 'INDIRECT_PROVIDER',
  INDIRECT_RESELLER: 'INDIRECT_RESELLER',
};

export interface RelationshipPlan {
  relationshipType: RelationshipType;
  /** For an indirect reseller: the provider it sells through to this customer. */
  indirectProviderId: string | null;
}

/**
 * An indirect reseller must name an indirect provider it has an `ACTIVE` link with
 * (`INDIRECT_LINK_REQUIRED`); nobody else names one (`PARTNER_KIND_NOT_ALLOWED`).
 * Returns the refusals (empty when allowed) and the plan.
 */
export function planRelationship({
  partner,
  indirectProviderId,
  indirectLinks,
  field = ['indirectProviderId'],
}: {
  partner: PartnerFacts;
  indirectProviderId: string | undefined;
  /** The partner's indirect links, any status. */
  indirectLinks: readonly IndirectLinkFacts[];
  /** Where the provider id sits in the input. */
  field?: readonly string[];
}): { reasons: UserError[]; plan: RelationshipPlan } {
  const reasons: UserError[] = [];
  if (partner.kind === 'INDIRECT_RESELLER') {
    const link = indirectProviderId
      ? indirectLinks.find(
          (candidate) =>
            candidate.providerId === indirectProviderId && candidate.resellerId === partner.id,
        )
      : undefined;
    if (!indirectProviderId) {
      reasons.push(
        userError(
          'INDIRECT_LINK_REQUIRED',
          'As an indirect reseller, name the indirect provider you will sell through to this customer.',
          field,
        ),
      );
    } else if (link?.status !== 'ACTIVE') {
      reasons.push(
        userError(
          'INDIRECT_LINK_REQUIRED',
          'Your organisation has no active link with this indirect provider: ask the provider to invite you, or to lift the suspension.',
          field,
        ),
      );
    }
  } else if (indirectProviderId) {
    reasons.push(
      userError(
        'PARTNER_KIND_NOT_ALLOWED',
        'Only indirect resellers name an indirect provider.',
        field,
      ),
    );
  }
  return {
    reasons,
    plan: {
      relationshipType: RELATIONSHIP_TYPE_BY_PARTNER_KIND[partner.kind],
      indirectProviderId:
        partner.kind === 'INDIRECT_RESELLER' ? (indirectProviderId ?? null) : null,
    },
  };
}

export interface RelationshipToCreate {
  partnerId: string;
  customerId: string;
  type: RelationshipType;
  indirectProviderId: string | null;
}

/**
 * The relationships a plan starts: the partner's own and, for an indirect reseller, the named
 * provider's `INDIRECT_PROVIDER` relationship (the provider bills what its reseller sells).
 */
export function relationshipsForPlan(
  partnerId: string,
  customerId: string,
  plan: RelationshipPlan,
): RelationshipToCreate[] {
  const relationships: RelationshipToCreate[] = [
    {
      partnerId,
      customerId,
      type: plan.relationshipType,
      indirectProviderId: plan.indirectProviderId,
    },
  ];
  if (plan.relationshipType === 'INDIRECT_RESELLER' && plan.indirectProviderId) {
    relationships.push({
      partnerId: plan.indirectProviderId,
      customerId,
      type: 'INDIRECT_PROVIDER',
      indirectProviderId: null,
    });
  }
  return relationships;
}
