/**
 * Row-level security, spoken to in SQL (the GraphQL-level proof is src/schema/access/cross-tenant-probe.int.test.ts):
 * every table is covered, the application role cannot bypass it, each partner sees exactly its
 * own rows in every table, and writes outside its own rows are refused by the database itself.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { asAppRole, createTenantWorld } from '../test/access-factories.js';
import type { TenantWorld } from '../test/access-factories.js';
import { useTestDatabase } from '../test/database.js';
import { seedCustomer, seedRelationship, seedSubscription } from './seed/factories.js';
import type { AppTransaction } from './client.js';
import {
  APP_ROLE,
  loadRoleFacts,
  roleProblems,
  SET_APP_ROLE_SQL,
  SYSTEM_ONLY_TABLES,
} from './row-level-security.js';
import * as schema from './schema/index.js';
import { rawRows } from './raw-rows.js';

const testDatabase = useTestDatabase();

/** The SQLSTATE behind a driver or Drizzle error. */
function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

async function refusal(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
  } catch (error) {
    return sqlStateOf(error);
  }
  return undefined;
}

const INSUFFICIENT_PRIVILEGE = '42501';

async function rows<T>(tx: AppTransaction, query: ReturnType<typeof sql>): Promise<T[]> {
  return rawRows<T>(await tx.execute(query));
}

/** Every id the transaction can read from each tenant table. */
async function visibleIds(tx: AppTransaction): Promise<Record<keyof TenantWorld['ids'], string[]>> {
  const ids = async (table: string, column = 'id') =>
    (await rows<{ id: string }>(tx, sql.raw(`SELECT ${column}::text AS id FROM ${table}`))).map(
      (row) => row.id,
    );
  return {
    partners: await ids('partners'),
    indirectLinks: await ids('indirect_links'),
    customers: await ids('customers'),
    relationshipRequests: await ids('relationship_requests'),
    relationships: await ids('relationships'),
    subscriptions: await ids('subscriptions'),
    subscriptionServices: await ids('subscription_services'),
    transfers: await ids('transfers'),
    transferLineItems: await ids('transfer_line_items'),
    users: await ids('users'),
    sessions: await ids('sessions'),
    apiKeys: await ids('api_keys'),
    auditEvents: await ids('audit_events'),
    idempotencyKeys: await ids('idempotency_records', 'key'),
    outboxEvents: await ids('outbox_events'),
    webhookSubscriptions: await ids('webhook_subscriptions'),
    webhookDeliveries: await ids('webhook_deliveries'),
  };
}

describe('the roles', () => {
  it('let partner transactions bypass nothing, while the root connection bypasses row-level security', async () => {
    const facts = await loadRoleFacts(testDatabase.database.db);
    expect(facts.appRole).toEqual({ isSuperuser: false, canBypassRls: false, ownedTables: 0 });
    expect(roleProblems(facts)).toEqual([]);
  });

  it('switch a partner transaction to the application role', async () => {
    const partner = randomUUID();
    const [row] = await asAppRole(testDatabase.database, partner, (tx) =>
      rows<{ role: string; partner: string }>(
        tx,
        sql`SELECT current_user AS role, current_setting('app.partner_id') AS partner`,
      ),
    );
    expect(row).toEqual({ role: APP_ROLE, partner });
  });
});

describe('coverage', () => {
  it('enables and forces row-level security on every table, with policies wherever the application has privileges', async () => {
    const tables = await rows<{
      name: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
      privileges: string[];
    }>(
      testDatabase.database.db as unknown as AppTransaction,
      sql`SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                 (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND ${APP_ROLE} = ANY (p.roles)) AS policies,
                 ARRAY(SELECT privilege_type::text FROM information_schema.role_table_grants g
                        WHERE g.table_schema = 'public' AND g.table_name = c.relname AND g.grantee = ${APP_ROLE}
                        ORDER BY 1) AS privileges
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
           ORDER BY c.relname`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      expect({ table: table.name, enabled: table.enabled, forced: table.forced }).toEqual({
        table: table.name,
        enabled: true,
        forced: true,
      });
      if ((SYSTEM_ONLY_TABLES as readonly string[]).includes(table.name)) {
        expect({ table: table.name, privileges: table.privileges }).toEqual({
          table: table.name,
          privileges: [],
        });
      } else {
        expect({ table: table.name, hasPolicies: table.policies > 0 }).toEqual({
          table: table.name,
          hasPolicies: true,
        });
      }
    }
  });

  it('grants the application only SELECT and INSERT on the audit log', async () => {
    const [row] = await rows<{ privileges: string[] }>(
      testDatabase.database.db as unknown as AppTransaction,
      sql`SELECT ARRAY(SELECT privilege_type::text FROM information_schema.role_table_grants
                        WHERE table_schema = 'public' AND table_name = 'audit_events' AND grantee = ${APP_ROLE} ORDER BY 1) AS privileges`,
    );
    expect(row?.privileges).toEqual(['INSERT', 'SELECT']);
  });
});

describe('what a partner sees', () => {
  let a: TenantWorld;
  let b: TenantWorld;
  beforeAll(async () => {
    a = await createTenantWorld(testDatabase.database.db);
    b = await createTenantWorld(testDatabase.database.db);
  });

  it('is every row of its own world and none of another partner’s, in every table', async () => {
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const visible = await asAppRole(testDatabase.database, self.partnerId, visibleIds);
      for (const table of Object.keys(self.ids) as (keyof TenantWorld['ids'])[]) {
        expect({
          table,
          missing: self.ids[table].filter((id) => !visible[table].includes(id)),
        }).toEqual({ table, missing: [] });
        expect({
          table,
          leaked: other.ids[table].filter((id) => visible[table].includes(id)),
        }).toEqual({ table, leaked: [] });
      }
    }
  });

  it('is nothing at all when the transaction acts for no known partner', async () => {
    const visible = await asAppRole(testDatabase.database, randomUUID(), visibleIds);
    expect(Object.values(visible).flat()).toEqual([]);
    const unset = await testDatabase.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(SET_APP_ROLE_SQL));
      return visibleIds(tx);
    });
    expect(Object.values(unset).flat()).toEqual([]);
  });

  it('includes the whole public catalog of offers', async () => {
    const [offer] = await testDatabase.database.db
      .insert(schema.offers)
      .values({
        name: 'Catalog offer',
        sku: `RLS-${randomUUID()}`,
        billingModel: 'USAGE_BASED',
        terms: ['P1M'],
        billingCycles: ['MONTHLY'],
        clouds: ['GLOBAL'],
      })
      .returning();
    const seen = await asAppRole(testDatabase.database, a.partnerId, (tx) =>
      tx
        .select({ id: schema.offers.id })
        .from(schema.offers)
        .where(eq(schema.offers.id, offer?.id ?? '')),
    );
    expect(seen).toHaveLength(1);
  });

  it('includes subscriptions only of customers with an ACTIVE relationship in its own cloud', async () => {
    const { db } = testDatabase.database;
    const terminated = await seedCustomer(db, { cloud: 'GLOBAL' });
    await seedRelationship(db, {
      partnerId: a.partnerId,
      customerId: terminated.id,
      status: 'TERMINATED',
    });
    const afterTermination = await seedSubscription(db, {
      customerId: terminated.id,
      channel: 'EA',
      billingModel: 'USAGE_BASED',
    });
    const otherCloud = await seedCustomer(db, { cloud: 'US_GOVERNMENT' });
    await seedRelationship(db, { partnerId: a.partnerId, customerId: otherCloud.id });
    const acrossClouds = await seedSubscription(db, {
      customerId: otherCloud.id,
      channel: 'EA',
      billingModel: 'USAGE_BASED',
    });

    const visible = await asAppRole(testDatabase.database, a.partnerId, visibleIds);
    expect(visible.customers).toContain(terminated.id);
    expect(visible.subscriptions).not.toContain(afterTermination.id);
    expect(visible.subscriptionServices).not.toContain(afterTermination.services[0]?.id);
    expect(visible.subscriptions).not.toContain(acrossClouds.id);
  });
});

describe('the audience functions (who hears about a change)', () => {
  let a: TenantWorld;
  let b: TenantWorld;
  beforeAll(async () => {
    a = await createTenantWorld(testDatabase.database.db);
    b = await createTenantWorld(testDatabase.database.db);
  });

  const audiences = (partnerId: string, customerId: string) =>
    asAppRole(testDatabase.database, partnerId, async (tx) => ({
      subscription: (await rows<{ id: string }>(tx, sql`SELECT id FROM public.app_subscription_audience(${customerId}::uuid) AS id`)).map((row) => row.id),
      customer: (await rows<{ id: string }>(tx, sql`SELECT id FROM public.app_customer_audience(${customerId}::uuid) AS id`)).map((row) => row.id),
    }));

  it('name the partners working with a customer the caller sees', async () => {
    const customerId = a.ids.customers[0] ?? '';
    const { subscription, customer } = await audiences(a.partnerId, customerId);
    expect(subscription).toContain(a.partnerId);
    expect(customer).toContain(a.partnerId);
    expect([...subscription, ...customer]).not.toContain(b.partnerId);
  });

  it('tell a partner nothing about a customer it does not see', async () => {
    expect(await audiences(b.partnerId, a.ids.customers[0] ?? '')).toEqual({ subscription: [], customer: [] });
  });
});

describe('what a partner may write', () => {
  let a: TenantWorld;
  let b: TenantWorld;
  beforeAll(async () => {
    a = await createTenantWorld(testDatabase.database.db);
    b = await createTenantWorld(testDatabase.database.db);
  });
  const as = <T>(world: () => TenantWorld, fn: (tx: AppTransaction) => Promise<T>) =>
    asAppRole(testDatabase.database, world().partnerId, fn);

  it('changes nothing of another partner: updates match no row', async () => {
    const [bCustomer] = b.ids.customers;
    const [bSubscription] = b.ids.subscriptions;
    const [bTransfer] = b.ids.transfers;
    const [bUser] = b.ids.users;
    const [bKey] = b.ids.apiKeys;
    const updated = await as(
      () => a,
      async (tx) => [
        ...(await tx
          .update(schema.customers)
          .set({ companyName: 'Hijacked' })
          .where(eq(schema.customers.id, bCustomer ?? ''))
          .returning()),
        ...(await tx
          .update(schema.subscriptions)
          .set({ quantity: 999 })
          .where(eq(schema.subscriptions.id, bSubscription ?? ''))
          .returning()),
        ...(await tx
          .update(schema.transfers)
          .set({ status: 'CANCELLED' })
          .where(eq(schema.transfers.id, bTransfer ?? ''))
          .returning()),
        ...(await tx
          .update(schema.users)
          .set({ role: 'GLOBAL_ADMIN' })
          .where(eq(schema.users.id, bUser ?? ''))
          .returning()),
        ...(await tx
          .update(schema.apiKeys)
          .set({ revokedAt: new Date() })
          .where(eq(schema.apiKeys.id, bKey ?? ''))
          .returning()),
        ...(await tx
          .delete(schema.sessions)
          .where(eq(schema.sessions.userId, b.admin.id))
          .returning()),
      ],
    );
    expect(updated).toEqual([]);
  });

  it('is refused by the database when a new row would belong to another partner', async () => {
    const [bCustomer] = b.ids.customers;
    const attempts: Record<string, (tx: AppTransaction) => Promise<unknown>> = {
      auditEvent: (tx) =>
        tx.insert(schema.auditEvents).values({
          partnerId: b.partnerId,
          actorType: 'SYSTEM',
          actorLabel: 'forged',
          operation: 'x',
          targetType: 'X',
          targetIds: [],
        }),
      customer: (tx) =>
        tx.insert(schema.customers).values({
          companyName: 'Forged',
          primaryDomain: `forged-${randomUUID()}.example`,
          country: 'US',
          cloud: 'GLOBAL',
          createdByPartnerId: b.partnerId,
        }),
      relationship: (tx) =>
        tx
          .insert(schema.relationships)
          .values({ partnerId: b.partnerId, customerId: bCustomer ?? '' }),
      user: (tx) =>
        tx.insert(schema.users).values({
          partnerId: b.partnerId,
          email: `forged-${randomUUID()}@example.test`,
          name: 'Forged',
          role: 'GLOBAL_ADMIN',
        }),
      apiKey: (tx) =>
        tx.insert(schema.apiKeys).values({
          partnerId: b.partnerId,
          name: 'Forged',
          role: 'GLOBAL_ADMIN',
          displayPrefix: 'sy_live_xxxx',
          secretHash: randomUUID(),
        }),
      idempotencyRecord: (tx) =>
        tx.insert(schema.idempotencyRecords).values({
          partnerId: b.partnerId,
          key: randomUUID(),
          operation: 'x',
          requestHash: 'x',
          expiresAt: new Date(),
        }),
      outboxEvent: (tx) =>
        tx.insert(schema.outboxEvents).values({
          type: 'x.forged',
          aggregateType: 'X',
          aggregateId: randomUUID(),
          audiencePartnerIds: [b.partnerId],
          payload: {},
        }),
      moveOwnUserToAnotherPartner: (tx) =>
        tx
          .update(schema.users)
          .set({ partnerId: b.partnerId })
          .where(eq(schema.users.id, a.admin.id)),
    };
    const codes: Record<string, string | undefined> = {};
    for (const [name, attempt] of Object.entries(attempts))
      codes[name] = await refusal(as(() => a, attempt));
    expect(codes).toEqual(
      Object.fromEntries(Object.keys(attempts).map((name) => [name, INSUFFICIENT_PRIVILEGE])),
    );
  });

  it('allows the same writes for its own partner', async () => {
    const [aCustomer] = a.ids.customers;
    await as(
      () => a,
      async (tx) => {
        await tx.insert(schema.auditEvents).values({
          partnerId: a.partnerId,
          actorType: 'SYSTEM',
          actorLabel: 'test',
          operation: 'x',
          targetType: 'X',
          targetIds: [],
        });
        await tx
          .insert(schema.customers)
          .values({
            companyName: 'Own',
            primaryDomain: `own-${randomUUID()}.example`,
            country: 'US',
            cloud: 'GLOBAL',
            createdByPartnerId: a.partnerId,
          })
          .returning();
        await tx
          .update(schema.customers)
          .set({ companyName: 'Renamed' })
          .where(eq(schema.customers.id, aCustomer ?? ''));
        await tx.insert(schema.outboxEvents).values({
          type: 'x.own',
          aggregateType: 'X',
          aggregateId: randomUUID(),
          audiencePartnerIds: [a.partnerId, b.partnerId],
          payload: {},
        });
      },
    );
  });

  it('cannot change or delete audit events, not even its own', async () => {
    const [own] = a.ids.auditEvents;
    expect(
      await refusal(
        as(
          () => a,
          (tx) =>
            tx
              .update(schema.auditEvents)
              .set({ operation: 'rewritten' })
              .where(eq(schema.auditEvents.id, own ?? '')),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await refusal(
        as(
          () => a,
          (tx) => tx.delete(schema.auditEvents).where(eq(schema.auditEvents.id, own ?? '')),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('cannot touch the system-only tables', async () => {
    expect(
      await refusal(
        as(
          () => a,
          (tx) => tx.select().from(schema.signInAttempts),
        ),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
  });
});
