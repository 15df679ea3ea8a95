/**
 * `relationshipRequestRevoke` (domain.md §6): the partner withdraws its own pending request; its
 * invitation stops working (the page then says INVITATION_REVOKED). The domain's
 * `checkRelationshipRequestRevoke` refuses a request that is no longer pending (answered:
 * INVITATION_ALREADY_USED, expired: INVITATION_EXPIRED, revoked: INVALID_TRANSITION). Another
 * partner's request is invisible: NOT_FOUND, like an id that does not exist.
 */
import {
  assertAllowed,
  checkRelationshipRequestRevoke,
  relationshipRequestRevokeInputSchema,
} from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { relationshipRequests } from '../../db/schema/index.js';
import { visibleRelationshipRequestsFilter } from '../../schema/relationships/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toRelationshipRequestFacts } from './invitation.js';
import type { RelationshipRequestRow } from './invitation.js';
import { relationshipRequestEvent } from './relationship-events.js';
import { requestSnapshot } from './request-snapshot.js';

export const relationshipRequestRevoke: MutationDefinition<
  typeof relationshipRequestRevokeInputSchema,
  { relationshipRequest: RelationshipRequestRow }
> = {
  operation: 'relationshipRequestRevoke',
  input: relationshipRequestRevokeInputSchema,
  payloadTables: { relationshipRequest: 'relationshipRequests' },
  async run(input, { tx, context, now }) {
    const before = await lockRow(tx, relationshipRequests, {
      globalId: input.requestId,
      typename: 'RelationshipRequest',
      visible: visibleRelationshipRequestsFilter(context),
      field: ['requestId'],
      expectedVersion: input.expectedVersion,
      noun: 'relationship request',
    });
    const decision = checkRelationshipRequestRevoke({
      request: toRelationshipRequestFacts(before, context.partner),
      actorPartnerId: context.partner.id,
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
    if (!request) throw new Error('relationshipRequestRevoke: the update returned no row');
    return {
      payload: { relationshipRequest: request },
      audit: {
        targetType: 'RelationshipRequest',
        targetIds: [request.id, request.customerId],
        before: requestSnapshot(before),
        after: requestSnapshot(request),
      },
      events: [relationshipRequestEvent('relationshipRequest.revoked', request)],
    };
  },
};
