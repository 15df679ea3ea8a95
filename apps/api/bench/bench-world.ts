/**
 * The benchmark's world: a database of its own (a PostgreSQL database created for the run and
 * dropped at the end, or a PGlite directory in the temp folder), migrated, with the demo world, the
 * large world (src/db/seed/large-world.ts) and a "transfer pool" on top.
 *
 * The transfer pool is what the large world lacks for two scenarios: customers with ten
 * subscriptions each (so a page of 50 customers × 10 subscriptions really returns 500 rows — their
 * names sort first) and many subscriptions that a partner switch can move at once (ACTIVE CSP
 * usage-based, sold by Tailspin, customer related to both Contoso and Tailspin). Pairs move a
 * subscription and the next pair moves it back, so the pool never runs dry.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createDatabase } from '../src/db/client.js';
import type { Database, DatabaseConfig } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import * as schema from '../src/db/schema/index.js';
import { bulkInsert } from '../src/db/seed/bulk-insert.js';
import { DEMO, seedDemoWorld } from '../src/db/seed/demo-world.js';
import { analyzeLargeWorldTables, seedLargeWorld } from '../src/db/seed/large-world.js';
import { DEFAULT_TEST_ADMIN_URL } from '../src/env.js';

export interface WorldSize {
  customers: number;
  subscriptionsPerCustomer: number;
  /** Customers of the transfer pool (10 subscriptions each, 6 of them movable). */
  poolCustomers: number;
}

export interface PoolSubscription {
  id: string;
  customerId: string;
  /** Who sells it now: pairs flip it. */
  seller: 'contoso' | 'tailspin';
}

export interface BenchFixtures {
  /** Customers Contoso has an active relationship with (customer(id) rotates through them). */
  contosoCustomerIds: string[];
  pool: PoolSubscription[];
  keys: { contoso: string; tailspin: string };
  partnerIds: { contoso: string; tailspin: string };
  counts: Record<string, number>;
  seedSeconds: number;
}

export interface BenchDatabase {
  config: DatabaseConfig;
  /** Where it is, for the report (never a password). */
  label: string;
  dispose(): Promise<void>;
}

const POOL_SUBSCRIPTIONS_PER_CUSTOMER = 10;
const POOL_MOVABLE_PER_CUSTOMER = 6;

/** A database of the run's own on the PostgreSQL server of DATABASE_URL (or 127.0.0.1:5432). */
export async function createPostgresBenchDatabase(
  serverUrl: string | undefined,
): Promise<BenchDatabase> {
  const adminUrl = new URL(serverUrl ?? DEFAULT_TEST_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(adminUrl.hostname)) {
    // Loopback only: a benchmark saturates what it talks to.
    throw new Error(
      `The benchmark runs against a loopback PostgreSQL only (got ${adminUrl.hostname}).`,
    );
  }
  adminUrl.pathname = '/postgres';
  const name = `sy_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withClient(adminUrl.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    label: `PostgreSQL ${url.host}/${name}`,
    dispose: () =>
      withClient(adminUrl.toString(), (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

export function createPgliteBenchDatabase(): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'sy-bench-pglite-'));
  return {
    config: { kind: 'pglite', dataDir },
    label: `PGlite ${dataDir}`,
    dispose: () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrates and seeds; closes its connection before returning (the servers open their own). */
export async function seedBenchWorld(
  config: DatabaseConfig,
  size: WorldSize,
  say: (line: string) => void,
): Promise<BenchFixtures> {
  const database = await createDatabase(config);
  try {
    const started = performance.now();
    await migrateDatabase(database);
    await seedDemoWorld(database.db);
    say(`  demo world seeded (${seconds(started)})`);
    const counts: Record<string, number> = {};
    if (size.customers > 0) {
      const large = await seedLargeWorld(database.db, {
        customers: size.customers,
        subscriptionsPerCustomer: size.subscriptionsPerCustomer,
        seed: 1,
      });
      Object.assign(counts, large);
      say(
        `  large world: ${large.customers} customers, ${large.subscriptions} subscriptions, ${large.transfers} transfers (${seconds(started)})`,
      );
    }
    const pool = await seedTransferPool(database, size.poolCustomers);
    counts.poolCustomers = size.poolCustomers;
    counts.poolSubscriptions = size.poolCustomers * POOL_SUBSCRIPTIONS_PER_CUSTOMER;
    await analyzeLargeWorldTables(database.db);
    say(
      `  transfer pool: ${size.poolCustomers} customers, ${pool.length} movable subscriptions; ANALYZE done (${seconds(started)})`,
    );

    const related = await database.db.execute(sql`
      SELECT customer_id FROM relationships
       WHERE partner_id = ${DEMO.partners.contoso.id} AND status = 'ACTIVE'
       ORDER BY customer_id LIMIT 1000`);
    return {
      contosoCustomerIds: rowsOf<{ customer_id: string }>(related).map((row) => row.customer_id),
      pool,
      keys: { contoso: DEMO.apiKeys.contoso.secret, tailspin: DEMO.apiKeys.tailspin.secret },
      partnerIds: { contoso: DEMO.partners.contoso.id, tailspin: DEMO.partners.tailspin.id },
      counts,
      seedSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
  }
}

/** node-postgres answers `{ rows }`, PGlite too; Drizzle passes either through. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function seedTransferPool(
  database: Database,
  customers: number,
): Promise<PoolSubscription[]> {
  const today = new Date(
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()),
  );
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
  const { contoso, tailspin } = DEMO.partners;
  const licenseOffer = DEMO.offers.m365E3;
  const rows = {
    customers: [] as (typeof schema.customers.$inferInsert)[],
    relationships: [] as (typeof schema.relationships.$inferInsert)[],
    subscriptions: [] as (typeof schema.subscriptions.$inferInsert)[],
  };
  const pool: PoolSubscription[] = [];
  const otherChannels = ['DIRECT', 'EA', 'OPEN', 'ADVISOR'] as const;
  for (let index = 0; index < customers; index += 1) {
    const customerId = randomUUID();
    const createdAt = day(-400);
    const number = String(index).padStart(5, '0');
    rows.customers.push({
      id: customerId,
      tenantId: randomUUID(),
      // Sorts before every large-world name, so the first page by company name is the pool's.
      companyName: `Aardvark Bench ${number} Inc.`,
      primaryDomain: `aardvark-bench-${number}.onmicrosoft.com`,
      country: 'US',
      cloud: 'GLOBAL',
      isPartnerTenant: false,
      createdByPartnerId: null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const partner of [contoso, tailspin]) {
      rows.relationships.push({
        id: randomUUID(),
        partnerId: partner.id,
        customerId,
        type: 'RESELLER',
        indirectProviderId: null,
        status: 'ACTIVE',
        hasDelegatedAdmin: true,
        requestId: null,
        startedAt: createdAt,
        terminatedAt: null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    for (let position = 0; position < POOL_SUBSCRIPTIONS_PER_CUSTOMER; position += 1) {
      const id = randomUUID();
      const isMovable = position < POOL_MOVABLE_PER_CUSTOMER;
      const termStart = day(-((index + position) % 20));
      const common = {
        id,
        customerId,
        status: 'ACTIVE' as const,
        termStartDate: termStart,
        createdAt: day(-300 + position),
        updatedAt: day(-300 + position),
        cancelledAt: null,
        migratedFromId: null,
      };
      if (isMovable) {
        rows.subscriptions.push({
          ...common,
          offerId: DEMO.offers.azurePlan.id,
          channel: 'CSP',
          billingModel: 'USAGE_BASED',
          quantity: null,
          term: 'P1M',
          termEndDate: new Date(termStart.getTime() + 30 * 86_400_000),
          billingCycle: 'MONTHLY',
          isAutoRenewEnabled: true,
          cancellationAllowedUntil: null,
          sellerPartnerId: tailspin.id,
          billingPartnerId: tailspin.id,
          managingPartnerId: tailspin.id,
          externalReference: null,
        });
        pool.push({ id, customerId, seller: 'tailspin' });
      } else {
        rows.subscriptions.push({
          ...common,
          offerId: licenseOffer.id,
          channel: otherChannels[position % otherChannels.length]!,
          billingModel: 'LICENSE_BASED',
          quantity: 5 + position,
          term: 'P1Y',
          termEndDate: new Date(termStart.getTime() + 365 * 86_400_000),
          billingCycle: 'ANNUAL',
          isAutoRenewEnabled: true,
          cancellationAllowedUntil: null,
          sellerPartnerId: null,
          billingPartnerId: null,
          managingPartnerId: null,
          externalReference: `BENCH-${number}-${position}`,
        });
      }
    }
  }
  await database.db.transaction(async (tx) => {
    await bulkInsert(tx, schema.customers, rows.customers);
    await bulkInsert(tx, schema.relationships, rows.relationships);
    await bulkInsert(tx, schema.subscriptions, rows.subscriptions);
  });
  return pool;
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
