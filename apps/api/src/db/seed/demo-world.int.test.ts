/** Seeding the demo world (domain.md §12) into PGlite and PostgreSQL. */
import {
  BILLING_CYCLES,
  BILLING_MODELS,
  CANCEL_SOURCE,
  CHANNELS,
  CLOUDS,
  INDIRECT_LINK_STATUSES,
  PARTNER_KINDS,
  RELATIONSHIP_REQUEST_STATUSES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
  ROLES,
  SERVICE_STATUSES,
  SUBSCRIPTION_STATUSES,
  TERMS,
  TRANSFER_EFFECTIVE,
  TRANSFER_KINDS,
  TRANSFER_LINE_ITEM_STATUSES,
  TRANSFER_STATUSES,
} from '@switchyard/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/passwords.js';
import { hashSecret } from '../../auth/secrets.js';
import { createTestDatabase } from '../../test/database.js';
import type { TestDatabase } from '../../test/database.js';
import type { AppDatabase } from '../client.js';
import * as schema from '../schema/index.js';
import { DEMO, isDatabaseEmpty, seedDemoWorld } from './demo-world.js';
import { seedPartner } from './factories.js';
import { findWorldInconsistencies, resultRows } from './world-consistency.js';

const NOW = new Date('2026-05-17T10:00:00Z');

async function rowsOf(
  db: AppDatabase,
  text: ReturnType<typeof sql>,
): Promise<Record<string, unknown>[]> {
  return resultRows(await db.execute(text));
}

describe('the demo world', () => {
  let seeded: TestDatabase | undefined;
  let db: AppDatabase;

  beforeAll(async () => {
    seeded = await createTestDatabase();
    ({ db } = seeded.database);
    expect(await isDatabaseEmpty(db)).toBe(true);
    const result = await seedDemoWorld(db, { now: NOW });
    expect(result.isSeeded).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await seeded?.dispose();
  });

  it('is no longer empty', async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it.each([
    ['partners', 'cloud', CLOUDS],
    ['customers', 'cloud', CLOUDS],
    ['partners', 'kind', PARTNER_KINDS],
    ['indirect_links', 'status', INDIRECT_LINK_STATUSES],
    ['users', 'role', ROLES],
    ['subscriptions', 'channel', CHANNELS],
    ['subscriptions', 'status', SUBSCRIPTION_STATUSES],
    ['subscriptions', 'billing_model', BILLING_MODELS],
    ['subscriptions', 'term', TERMS],
    ['subscriptions', 'billing_cycle', BILLING_CYCLES],
    ['subscription_services', 'status', SERVICE_STATUSES],
    ['relationship_requests', 'status', RELATIONSHIP_REQUEST_STATUSES],
    ['relationships', 'type', RELATIONSHIP_TYPES],
    ['relationships', 'status', RELATIONSHIP_STATUSES],
    ['transfers', 'kind', TRANSFER_KINDS],
    ['transfers', 'status', TRANSFER_STATUSES],
    ['transfers', 'effective', TRANSFER_EFFECTIVE],
    ['transfers', 'cancel_source', CANCEL_SOURCE],
    ['transfer_line_items', 'status', TRANSFER_LINE_ITEM_STATUSES],
  ] as const)('covers every value of %s.%s', async (table, column, values) => {
    const rows = await rowsOf(
      db,
      sql`SELECT DISTINCT ${sql.identifier(column)}::text AS value FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IS NOT NULL`,
    );
    expect(rows.map((row) => row.value).sort()).toEqual([...values].sort());
  });

  it('has subscriptions in every cloud, and transfers of every kind in every status between them', async () => {
    const clouds = await rowsOf(
      db,
      sql`SELECT DISTINCT c.cloud::text AS value FROM subscriptions s JOIN customers c ON c.id = s.customer_id`,
    );
    expect(clouds.map((row) => row.value).sort()).toEqual([...CLOUDS].sort());
  });

  it('obeys the rules the constraints do not enforce', async () => {
    expect(await findWorldInconsistencies(db, NOW)).toEqual([]);
  });

  it('lets every demo user sign in with demo-password, in the role §12 gives it', async () => {
    for (const known of Object.values(DEMO.users)) {
      const [user] = await db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, known.email));
      expect(user).toMatchObject({
        id: known.id,
        role: known.role,
        partnerId: known.partnerId,
        disabledAt: null,
      });
      expect(await verifyPassword('demo-password', user?.passwordHash ?? '')).toBe(true);
    }
  });

  it('stores the demo API keys hashed, with their display prefix', async () => {
    for (const secret of [
      'sy_demo_contoso_0001',
      'sy_demo_tailspin_0001',
      'sy_demo_fabrikam_0001',
      'sy_demo_northwind_0001',
    ]) {
      const [key] = await db
        .select()
        .from(schema.apiKeys)
        .where(eq(schema.apiKeys.secretHash, hashSecret(secret)));
      expect(key).toMatchObject({
        role: 'GLOBAL_ADMIN',
        displayPrefix: secret.slice(0, 12),
        revokedAt: null,
      });
    }
    const [northwindKey] = await db
      .select()
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.secretHash, hashSecret('sy_demo_northwind_0001')));
    expect(northwindKey?.partnerId).toBe(DEMO.partners.northwind.id);
  });

  it("tells Adatum's story: EA Azure with named services, Microsoft 365 bought direct, an active relationship with Contoso", async () => {
    const subscriptions = await db
      .select()
      .from(schema.subscriptions)
      .where(eq(schema.subscriptions.customerId, DEMO.customers.adatum.id));
    expect(subscriptions.map((row) => [row.channel, row.billingModel, row.status]).sort()).toEqual([
      ['DIRECT', 'LICENSE_BASED', 'ACTIVE'],
      ['EA', 'USAGE_BASED', 'ACTIVE'],
    ]);
    const services = await db
      .select({ name: schema.subscriptionServices.name })
      .from(schema.subscriptionServices)
      .where(eq(schema.subscriptionServices.subscriptionId, DEMO.subscriptions.adatumEaAzure));
    expect(services.map((service) => service.name)).toEqual(
      expect.arrayContaining(['Virtual Machines', 'Storage', 'SQL Database', 'App Service']),
    );
    const relationships = await db
      .select()
      .from(schema.relationships)
      .where(
        and(
          eq(schema.relationships.customerId, DEMO.customers.adatum.id),
          eq(schema.relationships.status, 'ACTIVE'),
        ),
      );
    expect(relationships.map((relationship) => relationship.partnerId)).toEqual([
      DEMO.partners.contoso.id,
    ]);
  });

  it("tells Lucerne's story: a pending request from Contoso whose invitation token is known", async () => {
    const [request] = await db
      .select()
      .from(schema.relationshipRequests)
      .where(
        eq(
          schema.relationshipRequests.tokenHash,
          hashSecret(DEMO.relationshipRequests.lucernePending.token),
        ),
      );
    expect(request).toMatchObject({
      status: 'PENDING',
      partnerId: DEMO.partners.contoso.id,
      customerId: DEMO.customers.lucerne.id,
    });
    expect(request?.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('has Azure CSP from Tailspin at a customer Contoso also serves, and a partner tenant', async () => {
    const [azure] = await db
      .select()
      .from(schema.subscriptions)
      .where(eq(schema.subscriptions.id, DEMO.subscriptions.wingtipCspAzure));
    expect(azure).toMatchObject({
      channel: 'CSP',
      billingModel: 'USAGE_BASED',
      sellerPartnerId: DEMO.partners.tailspin.id,
      status: 'ACTIVE',
    });
    const partners = await db
      .select({ partnerId: schema.relationships.partnerId })
      .from(schema.relationships)
      .where(
        and(
          eq(schema.relationships.customerId, DEMO.customers.wingtip.id),
          eq(schema.relationships.status, 'ACTIVE'),
        ),
      );
    expect(partners.map((row) => row.partnerId).sort()).toEqual(
      [DEMO.partners.contoso.id, DEMO.partners.tailspin.id].sort(),
    );
    const [trey] = await db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, DEMO.customers.treyResearch.id));
    expect(trey?.isPartnerTenant).toBe(true);
  });

  it('sells through Fabrikam for Northwind: indirect relationships, Fabrikam bills', async () => {
    const relationships = await db
      .select()
      .from(schema.relationships)
      .where(eq(schema.relationships.customerId, DEMO.customers.relecloud.id));
    expect(
      relationships.map((row) => [row.partnerId, row.type, row.indirectProviderId]).sort(),
    ).toEqual(
      [
        [DEMO.partners.northwind.id, 'INDIRECT_RESELLER', DEMO.partners.fabrikam.id],
        [DEMO.partners.fabrikam.id, 'INDIRECT_PROVIDER', null],
      ].sort(),
    );
    const subscriptions = await db
      .select()
      .from(schema.subscriptions)
      .where(eq(schema.subscriptions.customerId, DEMO.customers.relecloud.id));
    for (const subscription of subscriptions) {
      expect(subscription).toMatchObject({
        sellerPartnerId: DEMO.partners.northwind.id,
        billingPartnerId: DEMO.partners.fabrikam.id,
      });
    }
  });

  it('writes no outbox events and no audit events', async () => {
    expect(await db.select().from(schema.outboxEvents)).toEqual([]);
    expect(await db.select().from(schema.auditEvents)).toEqual([]);
  });

  it('leaves a database that is not empty untouched', async () => {
    const before = await db.select({ id: schema.customers.id }).from(schema.customers);
    expect(await seedDemoWorld(db, { now: NOW })).toEqual({ isSeeded: false, counts: null });
    expect(await db.select({ id: schema.customers.id }).from(schema.customers)).toHaveLength(
      before.length,
    );
  });
});

describe('seedDemoWorld', () => {
  it('writes the same rows into two databases for the same day', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      await seedDemoWorld(first.database.db, { now: NOW });
      await seedDemoWorld(second.database.db, { now: new Date(NOW.getTime() + 3_600_000) });
      const dump = async (db: AppDatabase) => ({
        partners: await db.select().from(schema.partners).orderBy(asc(schema.partners.id)),
        indirectLinks: await db
          .select()
          .from(schema.indirectLinks)
          .orderBy(asc(schema.indirectLinks.id)),
        // Password hashes are salted: the same password hashes differently every time.
        users: (await db.select().from(schema.users).orderBy(asc(schema.users.id))).map(
          ({ passwordHash: _, ...user }) => user,
        ),
        apiKeys: await db.select().from(schema.apiKeys).orderBy(asc(schema.apiKeys.id)),
        offers: await db.select().from(schema.offers).orderBy(asc(schema.offers.id)),
        customers: await db.select().from(schema.customers).orderBy(asc(schema.customers.id)),
        relationshipRequests: await db
          .select()
          .from(schema.relationshipRequests)
          .orderBy(asc(schema.relationshipRequests.id)),
        relationships: await db
          .select()
          .from(schema.relationships)
          .orderBy(asc(schema.relationships.id)),
        subscriptions: await db
          .select()
          .from(schema.subscriptions)
          .orderBy(asc(schema.subscriptions.id)),
        subscriptionServices: await db
          .select()
          .from(schema.subscriptionServices)
          .orderBy(asc(schema.subscriptionServices.id)),
        transfers: await db.select().from(schema.transfers).orderBy(asc(schema.transfers.id)),
        transferLineItems: await db
          .select()
          .from(schema.transferLineItems)
          .orderBy(asc(schema.transferLineItems.id)),
      });
      const firstRows = await dump(first.database.db);
      expect(firstRows.subscriptions.length).toBeGreaterThan(0);
      expect(await dump(second.database.db)).toEqual(firstRows);
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });

  it('does not seed a database that already has a partner', async () => {
    const target = await createTestDatabase();
    try {
      const partner = await seedPartner(target.database.db);
      expect(await isDatabaseEmpty(target.database.db)).toBe(false);
      expect((await seedDemoWorld(target.database.db)).isSeeded).toBe(false);
      expect(await target.database.db.select().from(schema.partners)).toEqual([partner]);
    } finally {
      await target.dispose();
    }
  });

  it('seeds once when two processes start on the same empty database at the same time', async () => {
    const target = await createTestDatabase();
    try {
      const results = await Promise.all([
        seedDemoWorld(target.database.db),
        seedDemoWorld(target.database.db),
      ]);
      expect(results.map((result) => result.isSeeded).sort()).toEqual([false, true]);
      expect(await target.database.db.select().from(schema.partners)).toHaveLength(
        Object.keys(DEMO.partners).length,
      );
    } finally {
      await target.dispose();
    }
  });
});
