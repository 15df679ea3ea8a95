/**
 * Crashes, on PostgreSQL: a transfer request whose database connection dies mid-transaction
 * (`pg_terminate_backend` from a second connection) leaves the whole transfer or nothing — never a
 * transfer without its line items, a new subscription without its services, an audit event
 * without its change — and a retry with the same Idempotency-Key converges to one outcome.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import {
  auditEventsNaming,
  externalWorld,
  globalId,
  partnerSwitchWorld,
  runTransferMutation,
  storedSubscription,
  storedTransfer,
} from '../../test/transfer-factories.js';
import type { ExternalWorld } from '../../test/transfer-factories.js';
import { brokenTransferInvariants } from '../../test/transfer-invariants.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

/** A second connection to the test database, outside the application's pool. */
async function withSecondConnection<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const database = testDatabase.database;
  if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
  const client = new pg.Client({ connectionString: String(database.pool.options.connectionString) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Waits until some backend of the application waits for a lock, and returns its pid. */
async function backendWaitingForLock(client: pg.Client): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         and application_name = 'switchyard-test' and wait_event_type = 'Lock'`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('No request ever waited for the lock');
}

function migrationInput(world: ExternalWorld) {
  return {
    kind: 'USAGE_MIGRATION',
    customerId: globalId.customer(world.customer.id),
    subscriptionIds: [globalId.subscription(world.subscription.id)],
    serviceIds: world.subscription.services.slice(0, 2).map((service) => globalId.service(service.id)),
    cancelSource: 'ENTIRE',
    newSubscription: { offerId: globalId.offer(world.azureOffer.id), term: 'P1M', billingCycle: 'MONTHLY' },
  };
}

/** Nothing of a migration of `world` was written. */
async function expectNothingWritten(world: ExternalWorld) {
  expect(await db().query.transfers.findMany({ where: { customerId: world.customer.id } })).toEqual([]);
  expect(await db().query.subscriptions.findMany({ where: { migratedFromId: world.subscription.id } })).toEqual([]);
  const source = await storedSubscription(db(), world.subscription.id);
  expect(source.status).toBe('ACTIVE');
  expect(source.services.every((service) => service.status === 'ACTIVE')).toBe(true);
  expect(await auditEventsNaming(db(), world.subscription.id)).toEqual([]);
}

/** The whole migration of `world` was written, once. */
async function expectWholeMigration(world: ExternalWorld) {
  const transfers = await db().query.transfers.findMany({ where: { customerId: world.customer.id }, with: { lineItems: true } });
  expect(transfers).toHaveLength(1);
  expect(transfers[0]).toMatchObject({ status: 'COMPLETED', lineItems: [{ status: 'COMPLETED' }] });
  const created = await db().query.subscriptions.findMany({ where: { migratedFromId: world.subscription.id }, with: { services: true } });
  expect(created).toHaveLength(1);
  expect(created[0]!.services).toHaveLength(2);
  const source = await storedSubscription(db(), world.subscription.id);
  expect(source.status).toBe('CANCELLED');
  expect(source.services.map((service) => service.status).sort()).toEqual(['CANCELLED', 'MIGRATED', 'MIGRATED']);
  expect(await auditEventsNaming(db(), transfers[0]!.id)).toHaveLength(1);
}

describe.runIf(testDatabase.kind === 'postgres')('a transfer whose connection dies mid-transaction', () => {
  it('leaves nothing when killed after writing half a migration, and a retry with the same key completes it once', async () => {
    const world = await externalWorld(db());
    const key = `crash-${world.customer.id}`;
    const movingService = world.subscription.services[0]!;

    await withSecondConnection(async (blocker) => {
      // Hold a service the migration will update: the request writes the transfer, the new
      // subscription and its services, then waits here — and is killed while it waits.
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM subscription_services WHERE id = $1 FOR UPDATE', [movingService.id]);
      const request = runTransferMutation(execute, 'transferCreate', migrationInput(world), { as: asUser(world.target.user), idempotencyKey: key }).then(
        (payload) => ({ payload }),
        (error: unknown) => ({ error }),
      );
      const pid = await backendWaitingForLock(blocker);
      await withSecondConnection((killer) => killer.query('SELECT pg_terminate_backend($1)', [pid]));
      const outcome = await request;
      expect('error' in outcome).toBe(true);
      await blocker.query('ROLLBACK');
    });

    await expectNothingWritten(world);

    const retried = await runTransferMutation(execute, 'transferCreate', migrationInput(world), { as: asUser(world.target.user), idempotencyKey: key });
    expect(retried.userErrors).toEqual([]);
    await expectWholeMigration(world);
    const replayed = await runTransferMutation(execute, 'transferCreate', migrationInput(world), { as: asUser(world.target.user), idempotencyKey: key });
    expect(replayed).toEqual(retried);
    await expectWholeMigration(world);
  });

  it('leaves a transfer PENDING when an acceptance is killed holding its lock, and the retried acceptance completes it', async () => {
    const world = await partnerSwitchWorld(db());
    const created = await runTransferMutation(
      execute,
      'transferCreate',
      { kind: 'PARTNER_SWITCH', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscriptions[0]!.id)] },
      { as: asUser(world.target.user) },
    );
    const transferId = created.transfer!.id;
    const key = `crash-accept-${world.customer.id}`;

    await withSecondConnection(async (blocker) => {
      // The acceptance locks the transfer, then waits for the subscription held here.
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM subscriptions WHERE id = $1 FOR UPDATE', [world.subscriptions[0]!.id]);
      const request = runTransferMutation(execute, 'transferAccept', { transferId }, { as: asUser(world.source.user), idempotencyKey: key }).then(
        (payload) => ({ payload }),
        (error: unknown) => ({ error }),
      );
      const pid = await backendWaitingForLock(blocker);
      await withSecondConnection((killer) => killer.query('SELECT pg_terminate_backend($1)', [pid]));
      expect('error' in (await request)).toBe(true);
      await blocker.query('ROLLBACK');
    });

    const pending = await db().query.transfers.findFirst({ where: { customerId: world.customer.id }, with: { lineItems: true } });
    expect(pending).toMatchObject({ status: 'PENDING', version: 1, lineItems: [{ status: 'PENDING' }] });
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.source.partner.id);

    const retried = await runTransferMutation(execute, 'transferAccept', { transferId }, { as: asUser(world.source.user), idempotencyKey: key });
    expect(retried.userErrors).toEqual([]);
    expect((await storedTransfer(db(), pending!.id)).status).toBe('COMPLETED');
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.target.partner.id);
  });

  it('is whole or nothing whenever it is killed, and retries converge to one migration', async () => {
    // From before the request reaches the database to after it committed.
    const delaysMs = [0, 5, 15, 30, 50, 80, 120, 180, 260, 400];
    for (const delayMs of delaysMs) {
      const world = await externalWorld(db());
      const key = `crash-random-${world.customer.id}`;
      const send = () => runTransferMutation(execute, 'transferCreate', migrationInput(world), { as: asUser(world.target.user), idempotencyKey: key });

      const request = send().then(
        (payload) => ({ payload }),
        (error: unknown) => ({ error }),
      );
      // Kill the request's backend at some point of its life (or after it finished).
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await withSecondConnection((killer) =>
        killer.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
             and application_name = 'switchyard-test' and state in ('active', 'idle in transaction')`,
        ),
      );
      const outcome = await request;

      const transfers = await db().query.transfers.findMany({ where: { customerId: world.customer.id } });
      if (transfers.length === 0) await expectNothingWritten(world);
      else await expectWholeMigration(world);
      if ('payload' in outcome) expect(outcome.payload.userErrors).toEqual([]);

      // Retry until it answers (a retry can itself land on a connection the kill left broken).
      let retried;
      for (let attempt = 0; attempt < 3 && !retried; attempt += 1) retried = await send().catch(() => undefined);
      expect(retried?.userErrors).toEqual([]);
      await expectWholeMigration(world);
    }
    expect(await brokenTransferInvariants(db())).toEqual([]);
  });
});
