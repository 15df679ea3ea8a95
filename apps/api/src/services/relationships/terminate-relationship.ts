/**
 * `relationshipTerminate` (domain.md §6): the partner ends its relationship with a customer. The
 * domain's `checkRelationshipTerminate` refuses while the partner still sells live subscriptions to
 * the customer — as seller or, for an indirect provider, as billing partner
 * (RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS) — and names the subscriptions from other channels the
 * partner managed, which nobody manages afterwards (managing partner cleared, `subscription.updated`).
 *
 * Races: the relationship row is locked `FOR UPDATE` before the subscriptions are read; a sale holds
 * the same row `FOR SHARE` (services/subscriptions/load-subscription.ts), so a sale and a
 * termination take turns and the check sees every committed sale.
 */
import {
  assertAllowed,
  checkRelationshipTerminate,
  relationshipTerminateInputSchema,
} from '@switchyard/domain';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { customers, offers, relationships, subscriptions } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import { visibleRelationshipsFilter } from '../../schema/relationships/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { isInOpenTransferSql } from '../subscriptions/load-subscription.js';
import { subscriptionAudience, subscriptionEvent } from '../subscriptions/subscription-events.js';
import { toRelationshipFacts, toSubscriptionFacts } from '../subscriptions/subscription-facts.js';
import { relationshipEvent } from './relationship-events.js';
import type { RelationshipRow } from './relationship-events.js';

export const relationshipTerminate: MutationDefinition<
  typeof relationshipTerminateInputSchema,
  { relationship: RelationshipRow }
> = {
  operation: 'relationshipTerminate',
  input: relationshipTerminateInputSchema,
  payloadTables: { relationship: 'relationships' },
  async run(input, { tx, context, now }) {
    const before = await lockRow(tx, relationships, {
      globalId: input.relationshipId,
      typename: 'Relationship',
      visible: visibleRelationshipsFilter(context),
      field: ['relationshipId'],
      expectedVersion: input.expectedVersion,
      noun: 'relationship',
    });
    const live = await tx
      .select({
        subscription: subscriptions,
        cloud: customers.cloud,
        offerName: offers.name,
        isInOpenTransfer: isInOpenTransferSql(subscriptions.id),
      })
      .from(subscriptions)
      .innerJoin(customers, eq(customers.id, subscriptions.customerId))
      .innerJoin(offers, eq(offers.id, subscriptions.offerId))
      .where(
        and(
          eq(subscriptions.customerId, before.customerId),
          notInArray(subscriptions.status, ['CANCELLED', 'EXPIRED']),
        ),
      );
    const decision = checkRelationshipTerminate({
      relationship: toRelationshipFacts(before),
      subscriptions: live.map(({ subscription, ...surroundings }) =>
        toSubscriptionFacts(subscription, surroundings),
      ),
      actorPartnerId: context.partner.id,
    });
    assertAllowed(decision);

    // Released first: once the relationship has ended, the partner no longer sees the customer's
    // subscriptions (row-level security), so it could not change them afterwards.
    const released =
      decision.releasesManagementOf.length === 0
        ? []
        : await tx
            .update(subscriptions)
            .set({
              managingPartnerId: null,
              version: sql`${subscriptions.version} + 1`,
              updatedAt: now,
            })
            .where(
              and(
                inArray(subscriptions.id, decision.releasesManagementOf),
                eq(subscriptions.managingPartnerId, before.partnerId),
              ),
            )
            .returning();
    // The partner that gave up management hears of it too, though it will no longer see them.
    const audience =
      released.length === 0
        ? []
        : [
            ...new Set([
              before.partnerId,
              ...(await subscriptionAudience(tx, before.customerId)),
            ]),
          ];
    const [relationship] = await tx
      .update(relationships)
      .set({
        status: decision.changes.status,
        terminatedAt: now,
        ...nextVersion(relationships, now),
      })
      .where(eq(relationships.id, before.id))
      .returning();
    if (!relationship) throw new Error('relationshipTerminate: the update returned no row');

    return {
      payload: { relationship },
      audit: {
        targetType: 'Relationship',
        targetIds: [
          relationship.id,
          relationship.customerId,
          ...released.map((subscription) => subscription.id),
        ],
        before,
        after: {
          relationship,
          releasedManagementOf: released.map((subscription) => subscription.id),
        },
      },
      events: [
        relationshipEvent('relationship.terminated', relationship, context.partner.id),
        ...released.map((subscription) =>
          subscriptionEvent('subscription.updated', subscription, audience, {
            managingPartnerId: null,
            previousManagingPartnerId: encodeGlobalId('Partner', relationship.partnerId),
          }),
        ),
      ],
    };
  },
};
