/** `relationshipTerminate` through GraphQL: refused while the partner sells live subscriptions. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { relationships, subscriptions } from '../../db/schema/index.js';
import { seedCustomer, seedRelationship, seedSubscription } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, outboxEventsAbout, partnerWithUser } from '../../test/relationship-factories.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

interface TerminateData {
  relationshipTerminate: {
    relationship: { id: string; status: string; version: number } | null;
    userErrors: { code: string; message: string; field: string[] | null }[];
  };
}

const TERMINATE = `mutation ($input: RelationshipTerminateInput!) {
  relationshipTerminate(input: $input) {
    relationship { id status version }
    userErrors { code message field }
  }
}`;

async function contosoWithCustomer(role: 'GLOBAL_ADMIN' | 'ADMIN_AGENT' = 'GLOBAL_ADMIN') {
  const { db } = testDatabase.database;
  const contoso = await partnerWithUser(db, { role });
  const customer = await seedCustomer(db);
  const relationship = await seedRelationship(db, { partnerId: contoso.partner.id, customerId: customer.id });
  return { ...contoso, customer, relationship, relationshipId: encodeGlobalId('Relationship', relationship.id) };
}

describe('relationshipTerminate', () => {
  it('ends a relationship without live subscriptions, with one audit event and a relationship.terminated event', async () => {
    const { db } = testDatabase.database;
    const { partner, user, customer, relationship, relationshipId } = await contosoWithCustomer();
    // Subscriptions it no longer sells do not hold the relationship.
    await seedSubscription(db, { customerId: customer.id, sellerPartnerId: partner.id, status: 'CANCELLED' });
    await seedSubscription(db, { customerId: customer.id, sellerPartnerId: partner.id, status: 'EXPIRED' });

    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId, expectedVersion: 1 } }, { as: asUser(user) });

    expect(result.data?.relationshipTerminate).toEqual({ relationship: { id: relationshipId, status: 'TERMINATED', version: 2 }, userErrors: [] });
    const [row] = await db.select().from(relationships).where(eq(relationships.id, relationship.id));
    expect(row?.terminatedAt).toBeInstanceOf(Date);
    expect((await auditEventsOf(db, partner.id)).map((event) => event.operation)).toEqual(['relationshipTerminate']);
    expect((await outboxEventsAbout(db, relationship.id)).map((event) => [event.type, event.audiencePartnerIds])).toEqual([
      ['relationship.terminated', [partner.id]],
    ]);
  });

  it.each(['ACTIVE', 'SUSPENDED'] as const)(
    'is refused with RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS while the partner sells the customer a %s subscription',
    async (status) => {
      const { db } = testDatabase.database;
      const { partner, user, customer, relationship, relationshipId } = await contosoWithCustomer();
      await seedSubscription(db, { customerId: customer.id, sellerPartnerId: partner.id, status });

      const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId } }, { as: asUser(user) });

      expect(result.data?.relationshipTerminate).toMatchObject({ relationship: null, userErrors: [{ code: 'RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS' }] });
      const [row] = await db.select().from(relationships).where(eq(relationships.id, relationship.id));
      expect(row?.status).toBe('ACTIVE');
      expect(await auditEventsOf(db, partner.id)).toEqual([]);
    },
  );

  it('is not held by another partner’s subscriptions, and releases the management of other channels’ subscriptions it managed', async () => {
    const { db } = testDatabase.database;
    const { partner, user, customer, relationshipId } = await contosoWithCustomer();
    await seedSubscription(db, { customerId: customer.id }); // sold by another partner
    const managed = await seedSubscription(db, { customerId: customer.id, channel: 'EA', billingModel: 'USAGE_BASED', managingPartnerId: partner.id });

    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId } }, { as: asUser(user) });

    expect(result.data?.relationshipTerminate.userErrors).toEqual([]);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, managed.id));
    expect(row).toMatchObject({ managingPartnerId: null, version: managed.version + 1 });
    expect((await outboxEventsAbout(db, managed.id)).map((event) => event.type)).toEqual(['subscription.updated']);
    expect(await auditEventsOf(db, partner.id)).toHaveLength(1);
  });

  it('refuses a stale expectedVersion with STALE_VERSION', async () => {
    const { user, relationshipId } = await contosoWithCustomer();
    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId, expectedVersion: 5 } }, { as: asUser(user) });
    expect(result.data?.relationshipTerminate.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);
  });

  it('answers NOT_FOUND for another partner’s relationship', async () => {
    const { db } = testDatabase.database;
    const { user } = await contosoWithCustomer();
    const theirs = await seedRelationship(db);
    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId: encodeGlobalId('Relationship', theirs.id) } }, { as: asUser(user) });
    expect(result.data?.relationshipTerminate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'No relationship with this id.', field: ['input', 'relationshipId'] }]);
  });

  it('refuses a relationship that already ended with INVALID_TRANSITION', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const ended = await seedRelationship(db, { partnerId: contoso.partner.id, status: 'TERMINATED' });
    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId: encodeGlobalId('Relationship', ended.id) } }, { as: asUser(contoso.user) });
    expect(result.data?.relationshipTerminate.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);
  });

  it('is FORBIDDEN for an admin agent: only a global admin terminates relationships', async () => {
    const { db } = testDatabase.database;
    const { partner, user, relationshipId } = await contosoWithCustomer('ADMIN_AGENT');
    const result = await execute<TerminateData>(TERMINATE, { input: { relationshipId } }, { as: asUser(user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await auditEventsOf(db, partner.id)).toEqual([]);
  });
});
