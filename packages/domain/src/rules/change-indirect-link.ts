/**
 * Indirect links between a provider and its resellers (domain.md §2): `INVITED → ACTIVE ⇄ SUSPENDED`,
 * `→ REVOKED`. The provider invites, the reseller accepts; only the provider suspends, reactivates
 * or revokes. The moves and who makes them are the table INDIRECT_LINK_TRANSITIONS.
 */
import type { UserError } from '../errors.js';
import type { IndirectLinkFacts, PartnerFacts } from '../facts.js';
import { INDIRECT_LINK_TRANSITIONS } from '../partners.js';
import type { IndirectLinkStatus } from '../partners.js';
import { fromReasons, refuse, userError } from '../rule-result.js';
import type { RuleResult } from '../rule-result.js';
import { cloudMismatch } from './reasons.js';

export type IndirectLinkParty = 'PROVIDER' | 'RESELLER';

/** Whether the move exists at all or, given `by`, whether that party may make it. */
export function canTransitionIndirectLink(
  from: IndirectLinkStatus,
  to: IndirectLinkStatus,
  by?: IndirectLinkParty,
): boolean {
  return INDIRECT_LINK_TRANSITIONS.some(
    (transition) =>
      transition.from === from &&
      transition.to === to &&
      (by === undefined || transition.by === by),
  );
}

export interface IndirectLinkInviteRequest {
  provider: PartnerFacts;
  /** The partner found by the invited partner number; `undefined` when there is none. */
  reseller: PartnerFacts | undefined;
  /** Existing links between the two, any status. */
  links: readonly IndirectLinkFacts[];
}

export function checkIndirectLinkInvite({
  provider,
  reseller,
  links,
}: IndirectLinkInviteRequest): RuleResult<{ changes: { status: 'INVITED' } }> {
  if (!reseller) {
    return refuse('NOT_FOUND', 'No partner in Switchyard has this partner number.', [
      'resellerPartnerNumber',
    ]);
  }
  const reasons: UserError[] = [];
  if (provider.kind !== 'INDIRECT_PROVIDER') {
    reasons.push(
      userError(
        'PARTNER_KIND_NOT_ALLOWED',
        'Only an indirect provider invites indirect resellers.',
      ),
    );
  }
  if (reseller.kind !== 'INDIRECT_RESELLER') {
    reasons.push(
      userError(
        'PARTNER_KIND_NOT_ALLOWED',
        'This partner is not an indirect reseller, so it cannot be linked to a provider.',
        ['resellerPartnerNumber'],
      ),
    );
  }
  if (reseller.cloud !== provider.cloud) reasons.push(cloudMismatch('This reseller'));
  const current = links.find(
    (link) =>
      link.providerId === provider.id &&
      link.resellerId === reseller.id &&
      link.status !== 'REVOKED',
  );
  if (current) {
    reasons.push(
      userError(
        'INDIRECT_LINK_ALREADY_EXISTS',
        current.status === 'INVITED'
          ? 'This reseller is already invited and has not answered yet.'
          : `Your organisation already has a link with this reseller (${current.status.toLowerCase()}).`,
        ['resellerPartnerNumber'],
      ),
    );
  }
  return fromReasons(reasons, { changes: { status: 'INVITED' } as const });
}

const MOVE_WORDS: Record<IndirectLinkStatus, string> = {
  INVITED: 'invite',
  ACTIVE: 'activate',
  SUSPENDED: 'suspend',
  REVOKED: 'revoke',
};

export interface IndirectLinkTransitionRequest {
  link: IndirectLinkFacts;
  to: IndirectLinkStatus;
  actorPartnerId: string;
}

/** `indirectLinkUpdate` (and, with `to: 'ACTIVE'` from `INVITED`, `indirectLinkAccept`). */
export function checkIndirectLinkTransition({
  link,
  to,
  actorPartnerId,
}: IndirectLinkTransitionRequest): RuleResult<{ changes: { status: IndirectLinkStatus } }> {
  const party: IndirectLinkParty | undefined =
    actorPartnerId === link.providerId
      ? 'PROVIDER'
      : actorPartnerId === link.resellerId
        ? 'RESELLER'
        : undefined;
  // Other partners' links are invisible (domain.md §8), hence NOT_FOUND.
  if (!party) return refuse('NOT_FOUND', 'No such indirect link.');
  if (link.status === to) {
    return refuse('INVALID_TRANSITION', `This indirect link is already ${to.toLowerCase()}.`);
  }
  if (!canTransitionIndirectLink(link.status, to)) {
    return refuse(
      'INVALID_TRANSITION',
      link.status === 'REVOKED'
        ? 'This indirect link is revoked, which is final: the provider can invite the reseller again.'
        : `An indirect link that is ${link.status.toLowerCase()} cannot be made ${to.toLowerCase()}.`,
    );
  }
  if (!canTransitionIndirectLink(link.status, to, party)) {
    return refuse(
      'FORBIDDEN',
      party === 'PROVIDER'
        ? 'Only the invited reseller can accept this invitation.'
        : `Only the indirect provider can ${MOVE_WORDS[to]} this link.`,
    );
  }
  return fromReasons([], { changes: { status: to } });
}

/** The reseller accepts the provider's invitation. */
export function checkIndirectLinkAccept({
  link,
  actorPartnerId,
}: Omit<IndirectLinkTransitionRequest, 'to'>): RuleResult<{
  changes: { status: IndirectLinkStatus };
}> {
  if (
    link.status !== 'INVITED' &&
    (actorPartnerId === link.providerId || actorPartnerId === link.resellerId)
  ) {
    return refuse('INVALID_TRANSITION', 'This indirect link is not waiting to be accepted.');
  }
  return checkIndirectLinkTransition({ link, to: 'ACTIVE', actorPartnerId });
}
