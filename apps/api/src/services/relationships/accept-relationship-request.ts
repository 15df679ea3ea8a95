/**
 * `relationshipRequestAccept` (domain.md §6): the customer's administrator accepts the request
 * behind an invitation token. Token-authorised: it runs acting for the requesting partner (see
 * `answerInvitation`), and the audit log names the customer's administrator. The domain's
 * `checkRelationshipRequestAccept` refuses an expired (INVITATION_EXPIRED, 90 days), answered
 * (INVITATION_ALREADY_USED) or revoked (INVITATION_REVOKED) invitation, and plans the relationships:
 * the requester's `ACTIVE` one (`RESELLER`, or `INDIRECT_RESELLER` naming its provider) and, for an
 * indirect reseller, the provider's own `INDIRECT_PROVIDER` one — each unless it already exists.
 */
import {
  assertAllowed,
  checkRelationshipRequestAccept,
  relationshipRequestAcceptInputSchema,
} from '@switchyard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { relationshipRequests, relationships } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toRelationshipFacts } from '../subscriptions/subscription-facts.js';
import { toRelationshipRequestFacts } from './invitation.js';
import type { RelationshipRequestRow } from './invitation.js';
import { customerAdministrator, lockInvitation } from './lock-invitation.js';
import { relationshipEvent, relationshipRequestEvent } from './relationship-events.js';
import { requestSnapshot } from './request-snapshot.js';
import { startRelationships } from './start-relationships.js';

export const relationshipRequestAccept: MutationDefinition<
  typeof relationshipRequestAcceptInputSchema,
  { relationshipRequest: RelationshipRequestRow }
> = {
  operation: 'relationshipRequestAccept',
  input: relationshipRequestAcceptInputSchema,
  payloadTables: { relationshipRequest: 'relationshipRequests' },
  async run(input, { tx, context, now }) {
    const { request: before, customer } = await lockInvitation(tx, input.token, context.partner.id);
    const partnerIds = before.indirectProviderId
      ? [before.partnerId, before.indirectProviderId]
      : [before.partnerId];
    const existing = await tx
      .select()
      .from(relationships)
      .where(
        and(
          eq(relationships.customerId, customer.id),
          eq(relationships.status, 'ACTIVE'),
          inArray(relationships.partnerId, partnerIds),
        ),
      );
    const decision = checkRelationshipRequestAccept({
      request: toRelationshipRequestFacts(before, context.partner),
      relationships: existing.map(toRelationshipFacts),
      now,
    });
    assertAllowed(decision);

    const [request] = await tx
      .update(relationshipRequests)
      .set({
        status: decision.changes.status,
        respondedAt: now,
        ...nextVersion(relationshipRequests, now),
      })
      .where(eq(relationshipRequests.id, before.id))
      .returning();
    if (!request) throw new Error('relationshipRequestAccept: the update returned no row');
    const started = await startRelationships(tx, decision.relationshipsToCreate, {
      now,
      actingPartnerId: context.partner.id,
      requestId: request.id,
      ...(request.isDelegatedAdminRequested ? { delegatedAdminPartnerId: request.partnerId } : {}),
    });

    return {
      payload: { relationshipRequest: request },
      audit: {
        actor: customerAdministrator(customer),
        targetType: 'RelationshipRequest',
        targetIds: [request.id, customer.id, ...started.map((relationship) => relationship.id)],
        before: requestSnapshot(before),
        after: { request: requestSnapshot(request), relationships: started },
      },
      events: [
        relationshipRequestEvent('relationshipRequest.accepted', request),
        ...started.map((relationship) =>
          relationshipEvent('relationship.created', relationship, context.partner.id),
        ),
      ],
    };
  },
};
