/** Writing a large world into PGlite and PostgreSQL: counts, consistency, refusals. */
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.js';
import type { TestDatabase } from '../../test/database.js';
import type { AppDatabase } from '../client.js';
import * as schema from '../schema/index.js';
import { bulkInsert } from './bulk-insert.js';
import { DEMO, seedDemoWorld } from './demo-world.js';
import { seedPartner, seedSubscription } from './factories.js';
import { analyzeLargeWorldTables, LargeWorldError, seedLargeWorld } from './large-world.js';
import { findWorldInconsistencies } from './world-consistency.js';

const NOW = new Date();

async function countRows(db: AppDatabase) {
  const tally = async (table: PgTable) =>
    (await db.select({ rows: count() }).from(table))[0]?.rows ?? 0;
  return {
    customers: await tally(schema.customers),
    relationships: await tally(schema.relationships),
    subscriptions: await tally(schema.subscriptions),
    subscriptionServices: await tally(schema.subscriptionServices),
    transfers: await tally(schema.transfers),
    transferLineItems: await tally(schema.transferLineItems),
  };
}

describe('seedLargeWorld', () => {
  let target: TestDatabase | undefined;
  let db: AppDatabase;
  beforeAll(async () => {
    target = await createTestDatabase();
    ({ db } = target.database);
    await seedDemoWorld(db, { now: NOW });
  }, 60_000);
  afterAll(async () => {
    await target?.dispose();
  });

  it('refuses a database without the demo world, writing nothing', async () => {
    const empty = await createTestDatabase();
    try {
      await expect(seedLargeWorld(empty.database.db, { customers: 10 })).rejects.toBeInstanceOf(
        LargeWorldError,
      );
      expect(await empty.database.db.select().from(schema.customers)).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });

  it('adds N customers, N × M subscriptions and N/10 transfers on top of the demo world', async () => {
    const before = await countRows(db);
    const written = await seedLargeWorld(db, {
      customers: 250,
      subscriptionsPerCustomer: 4,
      seed: 11,
      now: NOW,
      chunkSize: 100,
    });
    expect(written).toMatchObject({
      customers: 250,
      subscriptions: 1_000,
      transfers: 25,
      transferLineItems: 25,
    });
    const after = await countRows(db);
    for (const table of Object.keys(written) as (keyof typeof written)[]) {
      expect(after[table] - before[table]).toBe(written[table]);
    }
    expect(await findWorldInconsistencies(db, NOW)).toEqual([]);
    await analyzeLargeWorldTables(db);
  });

  it('refuses a seed that is already loaded, and adds another one', async () => {
    await expect(seedLargeWorld(db, { customers: 5, seed: 11, now: NOW })).rejects.toThrow(
      /seed 11 is already/,
    );
    const written = await seedLargeWorld(db, { customers: 5, seed: 12, now: NOW });
    expect(written.customers).toBe(5);
  });

  it('gives Contoso a relationship with most of the new customers', async () => {
    const [contoso] = await db
      .select({ rows: count() })
      .from(schema.relationships)
      .where(eq(schema.relationships.partnerId, DEMO.partners.contoso.id));
    expect(contoso?.rows ?? 0).toBeGreaterThan(150);
  });
});

describe('bulkInsert', () => {
  let target: TestDatabase | undefined;
  let db: AppDatabase;
  beforeAll(async () => {
    target = await createTestDatabase();
    ({ db } = target.database);
  }, 60_000);
  afterAll(async () => {
    await target?.dispose();
  });

  it('round-trips dates, arrays, JSON and nulls, and leaves left-out columns to their defaults', async () => {
    const subscription = await seedSubscription(db, { channel: 'EA', billingModel: 'USAGE_BASED' });
    const partner = await seedPartner(db);
    const effectiveAt = new Date('2026-03-04T05:06:07.089Z');
    const id = '0b4cf4a0-3e0f-4c5c-8a39-0d3a9f0b1a11';
    await bulkInsert(db, schema.transfers, [
      {
        id,
        kind: 'USAGE_MIGRATION',
        customerId: subscription.customerId,
        sourcePartnerId: null,
        targetPartnerId: partner.id,
        sourceChannel: 'EA',
        status: 'COMPLETED',
        effectiveAt,
        cancelSource: 'ENTIRE',
        newSubscriptionDetails: { term: 'P1M', nested: { names: ['a', "it's"] } },
        createdByActorType: 'SYSTEM',
      },
    ]);
    await bulkInsert(db, schema.transferLineItems, [
      {
        transferId: id,
        subscriptionId: subscription.id,
        serviceIds: subscription.services.map((service) => service.id),
        status: 'COMPLETED',
      },
    ]);
    const [transfer] = await db.select().from(schema.transfers).where(eq(schema.transfers.id, id));
    expect(transfer).toMatchObject({
      effectiveAt,
      newSubscriptionDetails: { term: 'P1M', nested: { names: ['a', "it's"] } },
      effective: 'IMMEDIATELY',
      version: 1,
      expiresAt: null,
    });
    const [item] = await db
      .select()
      .from(schema.transferLineItems)
      .where(eq(schema.transferLineItems.transferId, id));
    expect(item?.serviceIds).toEqual(subscription.services.map((service) => service.id));
    expect(item?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes in batches', async () => {
    const rows = Array.from({ length: 25 }, (_, index) => ({
      companyName: 'Batch',
      primaryDomain: `batch-${index}.example`,
      country: 'US',
      cloud: 'GLOBAL' as const,
    }));
    await bulkInsert(db, schema.customers, rows, 10);
    const [written] = await db
      .select({ rows: count() })
      .from(schema.customers)
      .where(eq(schema.customers.companyName, 'Batch'));
    expect(written?.rows).toBe(25);
  });
});
