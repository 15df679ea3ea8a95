/**
 * Creating a customer (`customerCreate`, domain.md §1, §3, §6). The customer joins the acting
 * partner's cloud, and that partner has an `ACTIVE` relationship with it at once.
 */
import { CLOUD_CAPABILITIES } from '../clouds.js';
import type { UserError } from '../errors.js';
import type { PartnerFacts } from '../facts.js';
import { fromReasons, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { marketNotSupported } from './reasons.js';

export interface CustomerCreateRequest {
  partner: PartnerFacts;
  input: { country: string };
}

export function checkCustomerCreate({
  partner,
  input,
}: CustomerCreateRequest): RuleResult<{ cloud: PartnerFacts['cloud'] }> {
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
  return fromReasons(reasons, { cloud: partner.cloud });
}
