/** The clock's move on relationship requests: PENDING past expiresAt → EXPIRED, once. */
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { relationshipRequests } from '../../db/schema/index.js';
import { seedRelationshipRequest } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { auditEventsOf, outboxEventsAbout } from '../../test/relationship-factories.js';
import { expireRelationshipRequests } from './expire-relationship-requests.js';

const testDatabase = useTestDatabase();

const DAY_MS = 86_400_000;
/**
 * Each test's `now`, further back than the one before: the requests an earlier test left pending
 * (they expire around its own `now`) are never due at a later test's, so each test counts its own.
 */
let clock = Date.now();
function earlierNow(): Date {
  clock -= 1_000 * DAY_MS;
  return new Date(clock);
}

async function requestExpiringAt(expiresAt: Date, status: 'PENDING' | 'ACCEPTED' = 'PENDING') {
  const createdAt = new Date(expiresAt.getTime() - 90 * DAY_MS);
  return seedRelationshipRequest(testDatabase.database.db, { createdAt, expiresAt, status });
}

describe('expireRelationshipRequests', () => {
  it('expires pending requests past their expiry, with a SYSTEM audit event for the requesting partner and an event', async () => {
    const { db } = testDatabase.database;
    const now = earlierNow();
    const due = await requestExpiringAt(new Date(now.getTime() - 1));
    const notYet = await requestExpiringAt(new Date(now.getTime() + DAY_MS));
    const answered = await requestExpiringAt(new Date(now.getTime() - DAY_MS), 'ACCEPTED');

    expect(await expireRelationshipRequests(db, now)).toBe(1);

    const rows = await db
      .select()
      .from(relationshipRequests)
      .where(inArray(relationshipRequests.id, [due.id, notYet.id, answered.id]));
    const statusOf = (id: string) => rows.find((row) => row.id === id)?.status;
    expect([statusOf(due.id), statusOf(notYet.id), statusOf(answered.id)]).toEqual([
      'EXPIRED',
      'PENDING',
      'ACCEPTED',
    ]);
    const [audit] = await auditEventsOf(db, due.partnerId);
    expect(audit).toMatchObject({
      operation: 'relationshipRequestExpire',
      actorType: 'SYSTEM',
      actorId: null,
      occurredAt: now,
    });
    expect(audit?.targetIds).toEqual([due.id, due.customerId]);
    expect(
      (await outboxEventsAbout(db, due.id)).map((event) => [event.type, event.audiencePartnerIds]),
    ).toEqual([['relationshipRequest.expired', [due.partnerId]]]);
  });

  it('is idempotent: a second run at the same time changes nothing', async () => {
    const { db } = testDatabase.database;
    const now = earlierNow();
    const due = await requestExpiringAt(new Date(now.getTime() - DAY_MS));

    expect(await expireRelationshipRequests(db, now)).toBe(1);
    expect(await expireRelationshipRequests(db, now)).toBe(0);
    expect(await auditEventsOf(db, due.partnerId)).toHaveLength(1);
  });

  it('works through more due requests than one batch, inside a caller’s transaction', async () => {
    const { db } = testDatabase.database;
    const now = earlierNow();
    const due = await Promise.all(
      [1, 2, 3, 4, 5].map((minutes) =>
        requestExpiringAt(new Date(now.getTime() - minutes * 60_000)),
      ),
    );

    const expired = await db.transaction((tx) =>
      expireRelationshipRequests(tx, now, { batchSize: 2 }),
    );

    expect(expired).toBe(5);
    const rows = await db
      .select()
      .from(relationshipRequests)
      .where(
        inArray(
          relationshipRequests.id,
          due.map((request) => request.id),
        ),
      );
    expect(rows.every((row) => row.status === 'EXPIRED')).toBe(true);
  });

  it('expires each request once when two runs race', async () => {
    const { db } = testDatabase.database;
    const now = earlierNow();
    const due = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((minutes) =>
        requestExpiringAt(new Date(now.getTime() - minutes * 60_000)),
      ),
    );

    const counts = await Promise.all([
      expireRelationshipRequests(db, now, { batchSize: 2 }),
      expireRelationshipRequests(db, now, { batchSize: 2 }),
    ]);

    expect(counts[0] + counts[1]).toBe(6);
    for (const request of due) {
      expect(await auditEventsOf(db, request.partnerId, 'relationshipRequestExpire')).toHaveLength(
        1,
      );
      const [row] = await db
        .select()
        .from(relationshipRequests)
        .where(eq(relationshipRequests.id, request.id));
      expect(row?.version).toBe(2);
    }
  });
});
