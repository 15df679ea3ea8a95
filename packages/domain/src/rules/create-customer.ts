/**
 * Creating a customer (`customerCreate`, domain.md §1, §3, §6). The customer joins the acting
 * partner's cloud, and that partner has an `ACTIVE` relationship with it at once. An indirect
 * reseller creates customers as Partner Center's indirect resellers do: naming the indirect
 * provider it sells through (an `ACTIVE` link, `INDIRECT_LINK_REQUIRED`), which gets its own
 * `INDIRECT_PROVIDER` relationship too — exactly what accepting a request would have created.
 */
import { CLOUD_CAPABILITIES } from '../clouds.js';
import type { UserError } from '../errors.js';
import type { IndirectLinkFacts, PartnerFacts } from '../facts.js';
import { fromReasons, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { planRelationship } from './plan-relationship.js';
import type { RelationshipPlan } from './plan-relationship.js';
import { marketNotSupported } from './reasons.js';

export interface CustomerCreateRequest {
  partner: PartnerFacts;
  input: { country: string; indirectProviderId?: string | undefined };
  /** The partner's indirect links, any status (an indirect reseller's provider needs an `ACTIVE` one). */
  indirectLinks?: readonly IndirectLinkFacts[];
}

export function checkCustomerCreate({
  partner,
  input,
  indirectLinks = [],
}: CustomerCreateRequest): RuleResult<{ cloud: PartnerFacts['cloud'] } & RelationshipPlan> {
  const reasons: UserError[] = [];
  const cloud = CLOUD_CAPABILITIES[partner.cloud];
  if (!cloud.acceptsNewCustomers) {
    reasons.push(
      userError(
        'CLOUD_CLOSED',
        `The ${cloud.label} cloud accepts no new customers; existing customers are still served.`,
      ),
    );
  }
  if (!partner.markets.includes(input.country)) {
    reasons.push(marketNotSupported(input.country, partner, ['country']));
  }
  const { reasons: providerReasons, plan } = planRelationship({
    partner,
    indirectProviderId: input.indirectProviderId,
    indirectLinks,
  });
  reasons.push(...providerReasons);
  return fromReasons(reasons, { cloud: partner.cloud, ...plan });
}
