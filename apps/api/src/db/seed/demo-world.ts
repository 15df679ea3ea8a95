/**
 * Seeds the demo world (domain.md §12) into an empty database, in one transaction, and only into
 * an empty one: `start` calls it on every boot, and production data is never seeded without
 * asking. What the world contains is in ./demo-world-data.ts; its well-known ids are `DEMO`.
 */
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/passwords.js';
import type { AppDatabase } from '../client.js';
import * as schema from '../schema/index.js';
import { DEMO_PASSWORD } from './demo-world-cast.js';
import { buildDemoWorld } from './demo-world-data.js';
import type { DemoWorldRows } from './demo-world-data.js';

export { DEMO, DEMO_PASSWORD, demoRelationshipId, demoServiceId } from './demo-world-cast.js';
export type {
  DemoApiKeyKey,
  DemoCustomerKey,
  DemoIndirectLinkKey,
  DemoOfferKey,
  DemoPartnerKey,
  DemoRelationshipRequestKey,
  DemoSubscriptionKey,
  DemoTransferKey,
  DemoUserKey,
} from './demo-world-cast.js';
export { buildDemoWorld } from './demo-world-data.js';
export type { DemoWorldRows } from './demo-world-data.js';

/**
 * Held for the seeding transaction, so two API processes starting on the same empty database
 * seed it once: the second waits, then finds it no longer empty. Any constant works.
 */
const DEMO_SEED_LOCK_KEY = 7_240_615_002;

/** True when no partner exists: a fresh database that `start` may seed. */
export async function isDatabaseEmpty(db: AppDatabase): Promise<boolean> {
  const rows = await db.select({ id: schema.partners.id }).from(schema.partners).limit(1);
  return rows.length === 0;
}

export interface SeedDemoWorldOptions {
  /** The moment the stories are told from (default: now); dates hang off its UTC day. */
  now?: Date;
}

export type DemoWorldCounts = Record<keyof DemoWorldRows, number>;

export type SeedDemoWorldResult =
  | { isSeeded: true; counts: DemoWorldCounts }
  /** The database already had partners: nothing was written. */
  | { isSeeded: false; counts: null };

/**
 * Writes the demo world if the database is empty, and reports whether it did. A non-empty
 * database is left untouched (not an error: a restarted server, or another process that won the
 * race to seed, both land here).
 */
export async function seedDemoWorld(
  db: AppDatabase,
  options: SeedDemoWorldOptions = {},
): Promise<SeedDemoWorldResult> {
  const rows = buildDemoWorld(options.now ?? new Date());
  // scrypt is slow on purpose; hash before the transaction opens, not while it holds a connection.
  const passwordHashes = await Promise.all(rows.users.map(() => hashPassword(DEMO_PASSWORD)));

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`);
    if (!(await isDatabaseEmpty(tx))) return { isSeeded: false, counts: null };

    // In foreign-key order. Each table is one multi-row INSERT: the world is a few hundred rows.
    await tx.insert(schema.partners).values(rows.partners);
    await tx.insert(schema.indirectLinks).values(rows.indirectLinks);
    await tx
      .insert(schema.users)
      .values(
        rows.users.map((user, index) => ({ ...user, passwordHash: passwordHashes[index] ?? null })),
      );
    await tx.insert(schema.apiKeys).values(rows.apiKeys);
    await tx.insert(schema.offers).values(rows.offers);
    await tx.insert(schema.customers).values(rows.customers);
    await tx.insert(schema.relationshipRequests).values(rows.relationshipRequests);
    await tx.insert(schema.relationships).values(rows.relationships);
    // Migrated subscriptions reference their sources in the same statement; PostgreSQL checks
    // foreign keys at the end of the statement, so the order inside it does not matter.
    await tx.insert(schema.subscriptions).values(rows.subscriptions);
    await tx.insert(schema.subscriptionServices).values(rows.subscriptionServices);
    await tx.insert(schema.transfers).values(rows.transfers);
    await tx.insert(schema.transferLineItems).values(rows.transferLineItems);

    const tables = Object.keys(rows) as (keyof DemoWorldRows)[];
    const counts = Object.fromEntries(
      tables.map((table) => [table, rows[table].length]),
    ) as DemoWorldCounts;
    return { isSeeded: true, counts };
  });
}
