/**
 * `relationshipRequestDecline` (domain.md §6): the customer's administrator declines the request
 * behind an invitation token, optionally saying why. Token-authorised like acceptance (see
 * `answerInvitation`); the same refusals (`checkRelationshipRequestDecline`). The reason is kept
 * in the audit log and the partner's `relationshipRequest.declined` event.
 */
import {
  assertAllowed,
  checkRelationshipRequestDecline,
  relationshipRequestDeclineInputSchema,
} from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { relationshipRequests } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { toRelationshipRequestFacts } from './invitation.js';
import type { RelationshipRequestRow } from './invitation.js';
import { customerAdministrator, lockInvitation } from './lock-invitation.js';
import { relationshipRequestEvent } from './relationship-events.js';
import { requestSnapshot } from './request-snapshot.js';

export const relationshipRequestDecline: MutationDefinition<
  typeof relationshipRequestDeclineInputSchema,
  { relationshipRequest: RelationshipRequestRow }
> = {
  operation: 'relationshipRequestDecline',
  input: relationshipRequestDeclineInputSchema,
  payloadTables: { relationshipRequest: 'relationshipRequests' },
  async run(input, { tx, context, now }) {
    const { request: before, customer } = await lockInvitation(tx, input.token, context.partner.id);
    const decision = checkRelationshipRequestDecline({
      request: toRelationshipRequestFacts(before, context.partner),
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
    if (!request) throw new Error('relationshipRequestDecline: the update returned no row');
    const reason = input.reason ?? null;
    return {
      payload: { relationshipRequest: request },
      audit: {
        actor: customerAdministrator(customer),
        targetType: 'RelationshipRequest',
        targetIds: [request.id, customer.id],
        before: requestSnapshot(before),
        after: { request: requestSnapshot(request), reason },
      },
      events: [relationshipRequestEvent('relationshipRequest.declined', request, { reason })],
    };
  },
};
