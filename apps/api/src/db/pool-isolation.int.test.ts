/**
 * One pooled connection serves two partners in turn, thousands of times, while some requests fail
 * half-way (a thrown error after a query, a failing statement, a mutation refused by the database,
 * GraphQL errors): whatever a request leaves behind on the connection, the next one sees only its
 * own partner's rows, under the application role, and the connection outside a request acts for
 * nobody. On PGlite (one connection by nature) the same loop runs shorter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './client.js';
import type { AppTransaction, Database } from './client.js';
import { withPartnerTransaction } from './partner-transaction.js';
import { APP_ROLE } from './row-level-security.js';
import { createTenantWorld } from '../test/access-factories.js';
import type { TenantWorld } from '../test/access-factories.js';
import { useTestDatabase } from '../test/database.js';
import { asUser, createExecutor } from '../test/execute-operation.js';
import type { ExecuteOperation } from '../test/execute-operation.js';
import { rawRows } from './raw-rows.js';

const testDatabase = useTestDatabase();

let single: Database;
let execute: ExecuteOperation;
let worlds: [TenantWorld, TenantWorld];

beforeAll(async () => {
  const { database } = testDatabase;
  if (database.kind === 'postgres') {
    const url = (database.pool.options as { connectionString?: string }).connectionString;
    if (!url) throw new Error('the test database has no connection string');
    single = await createDatabase({
      kind: 'postgres',
      url,
      maxConnections: 1,
      applicationName: 'switchyard-pool-test',
    });
  } else {
    single = database;
  }
  execute = createExecutor(single);
  worlds = [await createTenantWorld(database.db), await createTenantWorld(database.db)];
}, 120_000);

afterAll(async () => {
  if (single !== testDatabase.database) await single.close();
});

const rounds = () => (testDatabase.kind === 'postgres' ? 2_000 : 200);

async function sessionState(tx: AppTransaction): Promise<{ partner: string | null; role: string }> {
  const [row] = rawRows<{ partner: string | null; role: string }>(
    await tx.execute(
      sql`select current_setting('app.partner_id', true) as partner, current_user as role`,
    ),
  );
  return row ?? { partner: null, role: '' };
}

async function visibleCustomerIds(tx: AppTransaction): Promise<string[]> {
  return rawRows<{ id: string }>(await tx.execute(sql`select id::text as id from customers`)).map(
    (row) => row.id,
  );
}

/** Fails in one of several ways after the transaction did some work, or not at all. */
async function failingWork(
  tx: AppTransaction,
  round: number,
  own: TenantWorld,
  other: TenantWorld,
): Promise<void> {
  await visibleCustomerIds(tx);
  switch (round % 5) {
    case 0:
      throw new Error('the request failed half-way');
    case 1:
      await tx.execute(sql`select 1 / 0`);
      return;
    case 2:
      // A write another partner's row would need: refused by the database.
      await tx.execute(
        sql`insert into audit_events (partner_id, actor_type, actor_label, operation, target_type, target_ids) values (${other.partnerId}, 'SYSTEM', 'x', 'x', 'X', '{}')`,
      );
      return;
    case 3:
      // Tries to change the session for whoever comes next.
      await tx.execute(sql`select set_config('app.partner_id', ${other.partnerId}, false)`);
      throw new Error('and then failed');
    default:
      void own;
  }
}

describe('one pooled connection, two partners in turn', () => {
  it('never shows one partner the other’s rows, whatever the previous request left behind', async () => {
    const leaks: string[] = [];
    for (let round = 0; round < rounds(); round += 1) {
      const own = worlds[round % 2] as TenantWorld;
      const other = worlds[(round + 1) % 2] as TenantWorld;
      // A request that fails (or not) somewhere in its transaction…
      await withPartnerTransaction(single, own.partnerId, (tx) =>
        failingWork(tx, round, own, other),
      ).catch(() => {});
      // …and the next request on the same connection, for the other partner.
      const seen = await withPartnerTransaction(single, other.partnerId, async (tx) => ({
        state: await sessionState(tx),
        customers: await visibleCustomerIds(tx),
      }));
      if (seen.state.partner !== other.partnerId || seen.state.role !== APP_ROLE)
        leaks.push(`round ${round}: session ${JSON.stringify(seen.state)}`);
      const foreign = seen.customers.filter((id) => own.ids.customers.includes(id));
      if (foreign.length > 0)
        leaks.push(`round ${round}: ${other.partnerId} saw ${foreign.join(', ')}`);
      if (leaks.length > 5) break;
    }
    expect(leaks).toEqual([]);

    // Outside a request the connection acts for nobody, with its own role.
    const [outside] = rawRows<{ partner: string | null; role: string }>(
      await single.db.execute(
        sql`select current_setting('app.partner_id', true) as partner, current_user as role`,
      ),
    );
    expect(outside?.partner ?? '').toBe('');
    expect(outside?.role).not.toBe(APP_ROLE);
  }, 300_000);

  it('keeps GraphQL requests apart too, including ones that end in errors', async () => {
    const leaks: string[] = [];
    const requests = testDatabase.kind === 'postgres' ? 600 : 60;
    for (let round = 0; round < requests; round += 1) {
      const own = worlds[round % 2] as TenantWorld;
      const other = worlds[(round + 1) % 2] as TenantWorld;
      if (round % 3 === 0) {
        // A mutation refused half-way (its savepoint rolls back), and a query with a top-level error.
        await execute(
          'mutation { customerUpdate(input: { customerId: "forged", companyName: "x" }) { userErrors { code } } }',
          {},
          { as: asUser(own.admin) },
        );
        await execute('{ customers(first: 101) { totalCount } }', {}, { as: asUser(own.admin) });
      }
      const result = await execute<{
        customers: { nodes: { id: string }[] };
        auditEvents: { nodes: { id: string }[] };
      }>(
        '{ customers(first: 100) { nodes { id } } auditEvents(first: 100) { nodes { id } } }',
        {},
        { as: asUser(own.admin) },
      );
      const text = JSON.stringify(result);
      const foreign = [...other.ids.customers, ...other.ids.auditEvents].filter(
        (id) =>
          text.includes(Buffer.from(`Customer:${id}`).toString('base64')) ||
          text.includes(Buffer.from(`AuditEvent:${id}`).toString('base64')),
      );
      if (foreign.length > 0)
        leaks.push(`round ${round}: ${own.partnerId} saw ${foreign.join(', ')}`);
      if (result.errors) leaks.push(`round ${round}: ${JSON.stringify(result.errors)}`);
      if (leaks.length > 5) break;
    }
    expect(leaks).toEqual([]);
  }, 300_000);
});
