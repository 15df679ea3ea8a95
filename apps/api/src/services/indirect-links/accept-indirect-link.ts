/**
 * `indirectLinkAccept` (domain.md §2): the invited reseller accepts the provider's invitation
 * (`INVITED → ACTIVE`). The domain's `checkIndirectLinkAccept` refuses the provider (FORBIDDEN: only
 * the reseller accepts) and a link that is not waiting (INVALID_TRANSITION).
 */
import {
  assertAllowed,
  checkIndirectLinkAccept,
  indirectLinkAcceptInputSchema,
} from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { indirectLinks } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toIndirectLinkFacts } from '../subscriptions/subscription-facts.js';
import { indirectLinkEvent } from './indirect-link-events.js';
import type { IndirectLinkRow } from './indirect-link-events.js';
import { lockIndirectLink } from './lock-indirect-link.js';

export const indirectLinkAccept: MutationDefinition<
  typeof indirectLinkAcceptInputSchema,
  { indirectLink: IndirectLinkRow }
> = {
  operation: 'indirectLinkAccept',
  input: indirectLinkAcceptInputSchema,
  payloadTables: { indirectLink: 'indirectLinks' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const before = await lockIndirectLink(scope, input);
    const decision = checkIndirectLinkAccept({
      link: toIndirectLinkFacts(before),
      actorPartnerId: context.partner.id,
    });
    assertAllowed(decision);
    const [link] = await tx
      .update(indirectLinks)
      .set({ status: decision.changes.status, acceptedAt: now, ...nextVersion(indirectLinks, now) })
      .where(eq(indirectLinks.id, before.id))
      .returning();
    if (!link) throw new Error('indirectLinkAccept: the update returned no row');
    return {
      payload: { indirectLink: link },
      audit: { targetType: 'IndirectLink', targetIds: [link.id], before, after: link },
      events: [indirectLinkEvent('indirectLink.accepted', link)],
    };
  },
};
