/**
 * The clock's move on relationship requests (domain.md §6): a `PENDING` request whose `expiresAt`
 * (90 days after it was sent) has passed becomes `EXPIRED`; its invitation then answers
 * INVITATION_EXPIRED. Called by the background job (`applyDueTransitions(now)`).
 *
 * Idempotent and safe from several processes at once: each batch claims its rows with
 * `FOR UPDATE SKIP LOCKED`, and the update is conditional on the status still being `PENDING`, so a
 * request is expired once — by one job, or never if an answer got to it first. Each expiry writes a
 * SYSTEM audit event for the requesting partner and a `relationshipRequest.expired` outbox event.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client.js';
import { relationshipRequests } from '../../db/schema/index.js';
import type { AuditActor } from '../mutation/audit.js';
import { writeAuditEvent, writeOutboxEvents } from '../mutation/audit.js';
import { nextVersion } from '../mutation/lock-row.js';
import { relationshipRequestEvent } from './relationship-events.js';
import { requestSnapshot } from './request-snapshot.js';

export const RELATIONSHIP_REQUEST_EXPIRY_ACTOR: AuditActor = {
  type: 'system',
  id: null,
  label: 'Relationship request expiry job',
};

const DEFAULT_BATCH_SIZE = 200;

/**
 * Expires every request due at `now` and returns how many it expired. `db` may be the root
 * database (each batch is its own transaction) or a transaction (each batch is a savepoint of it).
 */
export async function expireRelationshipRequests(
  db: AppDatabase,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let expiredCount = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(relationshipRequests)
        .where(
          and(eq(relationshipRequests.status, 'PENDING'), lte(relationshipRequests.expiresAt, now)),
        )
        .orderBy(asc(relationshipRequests.expiresAt), asc(relationshipRequests.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const expired = await tx
        .update(relationshipRequests)
        .set({ status: 'EXPIRED', ...nextVersion(relationshipRequests, now) })
        .where(
          and(
            inArray(
              relationshipRequests.id,
              due.map((request) => request.id),
            ),
            eq(relationshipRequests.status, 'PENDING'),
          ),
        )
        .returning();
      const before = new Map(due.map((request) => [request.id, request]));
      for (const request of expired) {
        const previous = before.get(request.id);
        await writeAuditEvent(tx, {
          partnerId: request.partnerId,
          actor: RELATIONSHIP_REQUEST_EXPIRY_ACTOR,
          operation: 'relationshipRequestExpire',
          targetType: 'RelationshipRequest',
          targetIds: [request.id, request.customerId],
          before: previous ? requestSnapshot(previous) : null,
          after: requestSnapshot(request),
          requestId: null,
          idempotencyKey: null,
          occurredAt: now,
        });
      }
      await writeOutboxEvents(
        tx,
        expired.map((request) => relationshipRequestEvent('relationshipRequest.expired', request)),
        now,
      );
      expiredCount += expired.length;
      return due.length;
    });
    // A short batch means nothing due is left that another process is not already expiring.
    if (claimed < batchSize) return expiredCount;
  }
}
