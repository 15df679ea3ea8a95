/**
 * `indirectLinkInvite` (domain.md §2): an indirect provider invites an indirect reseller, named by
 * its partner number (what resellers hand out; a provider cannot see other partners' ids before
 * they are linked). The domain's `checkIndirectLinkInvite` refuses an unknown number (NOT_FOUND),
 * the wrong kinds of partner (PARTNER_KIND_NOT_ALLOWED), another cloud (CLOUD_MISMATCH) and a link
 * that already exists and is not revoked (INDIRECT_LINK_ALREADY_EXISTS; a revoked link is history,
 * so the provider may invite again). The partial unique index on live links settles two racing
 * invitations the same way.
 */
import {
  assertAllowed,
  checkIndirectLinkInvite,
  indirectLinkInviteInputSchema,
} from '@switchyard/domain';
import { and, asc, eq } from 'drizzle-orm';
import { readAsSystem } from '../../db/partner-switch.js';
import { indirectLinks, partners } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toIndirectLinkFacts, toPartnerFacts } from '../subscriptions/subscription-facts.js';
import { indirectLinkEvent } from './indirect-link-events.js';
import type { IndirectLinkRow } from './indirect-link-events.js';

export const indirectLinkInvite: MutationDefinition<
  typeof indirectLinkInviteInputSchema,
  { indirectLink: IndirectLinkRow }
> = {
  operation: 'indirectLinkInvite',
  input: indirectLinkInviteInputSchema,
  payloadTables: { indirectLink: 'indirectLinks' },
  async run(input, { tx, context, now }) {
    const provider = context.partner;
    // A partner the provider is not linked to yet is invisible to it: the system looks the number up.
    const [reseller] = await readAsSystem(tx, (system) =>
      system.select().from(partners).where(eq(partners.partnerNumber, input.resellerPartnerNumber)),
    );
    const links = reseller
      ? await tx
          .select()
          .from(indirectLinks)
          .where(
            and(
              eq(indirectLinks.providerId, provider.id),
              eq(indirectLinks.resellerId, reseller.id),
            ),
          )
          .orderBy(asc(indirectLinks.id))
          .for('update')
      : [];
    const decision = checkIndirectLinkInvite({
      provider: toPartnerFacts(provider),
      reseller: reseller && toPartnerFacts(reseller),
      links: links.map(toIndirectLinkFacts),
    });
    assertAllowed(decision);
    if (!reseller) throw new Error('indirectLinkInvite: the rule let an unknown reseller through');

    const [link] = await tx
      .insert(indirectLinks)
      .values({
        providerId: provider.id,
        resellerId: reseller.id,
        status: decision.changes.status,
        invitedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!link) throw new Error('indirectLinkInvite: the insert returned no row');
    const message = input.message ?? null;
    return {
      payload: { indirectLink: link },
      audit: {
        targetType: 'IndirectLink',
        targetIds: [link.id, reseller.id],
        before: null,
        after: { link, message },
      },
      events: [indirectLinkEvent('indirectLink.invited', link, { message })],
    };
  },
};
