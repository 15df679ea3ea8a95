/**
 * `indirectLinkUpdate` (domain.md §2): the provider suspends (`ACTIVE → SUSPENDED`), reactivates
 * (`SUSPENDED → ACTIVE`) or revokes (`→ REVOKED`, final) a link. The domain's
 * `checkIndirectLinkTransition` decides from the table INDIRECT_LINK_TRANSITIONS: a move that does
 * not exist is INVALID_TRANSITION, one the reseller may not make is FORBIDDEN, and a link the
 * caller is no party to is NOT_FOUND.
 */
import {
  assertAllowed,
  checkIndirectLinkTransition,
  indirectLinkUpdateInputSchema,
} from '@switchyard/domain';
import type { IndirectLinkStatus } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { indirectLinks } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toIndirectLinkFacts } from '../subscriptions/subscription-facts.js';
import { indirectLinkEvent } from './indirect-link-events.js';
import type { IndirectLinkEventType, IndirectLinkRow } from './indirect-link-events.js';
import { lockIndirectLink } from './lock-indirect-link.js';

function eventType(from: IndirectLinkStatus, to: IndirectLinkStatus): IndirectLinkEventType {
  if (to === 'SUSPENDED') return 'indirectLink.suspended';
  if (to === 'REVOKED') return 'indirectLink.revoked';
  return from === 'SUSPENDED' ? 'indirectLink.reactivated' : 'indirectLink.accepted';
}

export const indirectLinkUpdate: MutationDefinition<
  typeof indirectLinkUpdateInputSchema,
  { indirectLink: IndirectLinkRow }
> = {
  operation: 'indirectLinkUpdate',
  input: indirectLinkUpdateInputSchema,
  payloadTables: { indirectLink: 'indirectLinks' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const before = await lockIndirectLink(scope, input);
    const decision = checkIndirectLinkTransition({
      link: toIndirectLinkFacts(before),
      to: input.status,
      actorPartnerId: context.partner.id,
    });
    assertAllowed(decision);
    const [link] = await tx
      .update(indirectLinks)
      .set({
        status: decision.changes.status,
        ...(decision.changes.status === 'REVOKED' ? { revokedAt: now } : {}),
        ...nextVersion(indirectLinks, now),
      })
      .where(eq(indirectLinks.id, before.id))
      .returning();
    if (!link) throw new Error('indirectLinkUpdate: the update returned no row');
    return {
      payload: { indirectLink: link },
      audit: { targetType: 'IndirectLink', targetIds: [link.id], before, after: link },
      events: [indirectLinkEvent(eventType(before.status, link.status), link)],
    };
  },
};
