/**
 * Changing a customer's profile (`customerUpdate`, domain.md §3, §6). The tenant is shared by every
 * partner that works with it (multi-partner), so only a partner the customer has accepted — one with
 * an `ACTIVE` relationship — may change it; a partner whose request is still pending sees the profile
 * but cannot edit it.
 */
import type { RelationshipFacts } from '../facts.js';
import { fromReasons } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { findActiveRelationship, relationshipRequired } from './reasons.js';

export interface CustomerUpdateRequest {
  customerId: string;
  actorPartnerId: string;
  /** The customer's relationships. */
  relationships: readonly RelationshipFacts[];
}

export function checkCustomerUpdate({
  customerId,
  actorPartnerId,
  relationships,
}: CustomerUpdateRequest): RuleResult {
  return fromReasons(
    findActiveRelationship(relationships, actorPartnerId, customerId)
      ? []
      : [relationshipRequired()],
  );
}
