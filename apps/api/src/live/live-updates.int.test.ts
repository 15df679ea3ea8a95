/**
 * Live updates end to end: two API instances on one database, graphql-ws clients on one, changes
 * made through the other. What a subscriber receives travels the real path — outbox insert and
 * NOTIFY on commit, LISTEN on every instance, in-process fan-out, a re-read as the subscriber.
 */
import { describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '../db/raw-rows.js';
import { apiKeys } from '../db/schema/index.js';
import { seedCustomer } from '../db/seed/factories.js';
import { writeOutboxEvents } from '../services/mutation/audit.js';
import { useTestDatabase } from '../test/database.js';
import { createApiKey, createPartnerWithAdmin, createSession } from '../test/factories.js';
import { bearer, startTestServer, useTestServer } from '../test/http.js';
import { connectRaw, liveClient } from '../test/live-client.js';
import { createPartnerWithCustomer, createSoldSubscription, subscriptionGlobalId } from '../test/subscription-factories.js';
import { globalId, partnerSwitchWorld } from '../test/transfer-factories.js';
import { createLogger } from '../logger.js';
import type { LiveEvent } from './live-notification.js';
import { listenForLiveEvents } from './notification-listener.js';

const testDatabase = useTestDatabase();
const instanceA = useTestServer(testDatabase);
const instanceB = useTestServer(testDatabase);
const db = () => testDatabase.database.db;

const TRANSFER_UPDATED = 'subscription ($id: ID) { transferUpdated(id: $id) { id status kind sourcePartner { id } } }';
const SUBSCRIPTION_UPDATED =
  'subscription ($id: ID, $customerId: ID) { subscriptionUpdated(id: $id, customerId: $customerId) { id status } }';
const TRANSFER_CREATE = 'mutation ($input: TransferCreateInput!) { transferCreate(input: $input) { transfer { id } userErrors { code } } }';
const SUBSCRIPTION_SUSPEND =
  'mutation ($input: SubscriptionSuspendInput!) { subscriptionSuspend(input: $input) { subscription { id } userErrors { code } } }';

/** How long a test waits to be sure something did NOT arrive, after something later did. */
const QUIET_MS = 300;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

/** A partner switch world whose partners hold API keys. */
async function transferWorld() {
  const world = await partnerSwitchWorld(db());
  const sourceKey = await createApiKey(db(), { partnerId: world.source.partner.id });
  const targetKey = await createApiKey(db(), { partnerId: world.target.partner.id });
  const input = {
    kind: 'PARTNER_SWITCH',
    customerId: globalId.customer(world.customer.id),
    subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
  };
  return { world, sourceKey, targetKey, input };
}

async function suspend(server: typeof instanceA, apiKey: string, subscription: { id: string }) {
  const response = await server.graphql(SUBSCRIPTION_SUSPEND, {
    variables: { input: { subscriptionId: subscriptionGlobalId(subscription) } },
    headers: bearer(apiKey),
  });
  expect(response.body).toMatchObject({ data: { subscriptionSuspend: { userErrors: [] } } });
}

describe('transferUpdated across instances', () => {
  it('tells a party subscribed on instance B about a transfer created through instance A, and tells another partner nothing', async () => {
    const { world, sourceKey, targetKey, input } = await transferWorld();
    const outsider = await createPartnerWithAdmin(db(), { cloud: world.customer.cloud });
    const sourceUpdates = liveClient(instanceB.url, { apiKey: sourceKey.secret }).subscribe(TRANSFER_UPDATED);
    const outsiderUpdates = liveClient(instanceB.url, { apiKey: outsider.apiKey.secret }).subscribe(TRANSFER_UPDATED);
    await instanceB.untilSubscribed(world.source.partner.id);
    await instanceB.untilSubscribed(outsider.partner.id);

    const created = await instanceA.graphql(TRANSFER_CREATE, { variables: { input }, headers: bearer(targetKey.secret) });
    const transferId = (created.body.data as { transferCreate: { transfer: { id: string } } }).transferCreate.transfer.id;

    expect(await sourceUpdates.next()).toEqual({
      data: { transferUpdated: { id: transferId, status: 'PENDING', kind: 'PARTNER_SWITCH', sourcePartner: { id: globalId.partner(world.source.partner.id) } } },
    });
    await quiet();
    expect(outsiderUpdates.pending).toEqual([]);
  });

  it('sends nothing for a refused mutation, then the next accepted change', async () => {
    const { world, sourceKey, targetKey, input } = await transferWorld();
    const updates = liveClient(instanceB.url, { apiKey: sourceKey.secret }).subscribe(TRANSFER_UPDATED);
    await instanceB.untilSubscribed(world.source.partner.id);

    // The source may not ask for its own subscriptions: refused, rolled back, nothing notified.
    const refused = await instanceA.graphql(TRANSFER_CREATE, { variables: { input }, headers: bearer(sourceKey.secret) });
    expect((refused.body.data as { transferCreate: { userErrors: unknown[] } }).transferCreate.userErrors).not.toEqual([]);
    const created = await instanceA.graphql(TRANSFER_CREATE, { variables: { input }, headers: bearer(targetKey.secret) });
    const transferId = (created.body.data as { transferCreate: { transfer: { id: string } } }).transferCreate.transfer.id;

    expect(await updates.next()).toMatchObject({ data: { transferUpdated: { id: transferId } } });
    await quiet();
    expect(updates.pending).toEqual([]);
  });

  it('follows one transfer only when given its id', async () => {
    const first = await transferWorld();
    const second = await transferWorld();
    const create = async ({ input, targetKey }: Awaited<ReturnType<typeof transferWorld>>) => {
      const response = await instanceA.graphql(TRANSFER_CREATE, { variables: { input }, headers: bearer(targetKey.secret) });
      return (response.body.data as { transferCreate: { transfer: { id: string } } }).transferCreate.transfer.id;
    };
    const firstId = await create(first);
    const updates = liveClient(instanceB.url, { apiKey: first.sourceKey.secret }).subscribe(TRANSFER_UPDATED, { id: firstId });
    await instanceB.untilSubscribed(first.world.source.partner.id);

    await create(second);
    const cancelled = await instanceA.graphql(
      'mutation ($input: TransferCancelInput!) { transferCancel(input: $input) { transfer { status } userErrors { code } } }',
      { variables: { input: { transferId: firstId } }, headers: bearer(first.targetKey.secret) },
    );
    expect(cancelled.body).toMatchObject({ data: { transferCancel: { transfer: { status: 'CANCELLED' }, userErrors: [] } } });

    expect(await updates.next()).toMatchObject({ data: { transferUpdated: { id: firstId, status: 'CANCELLED' } } });
    await quiet();
    expect(updates.pending).toEqual([]);
  });
});

describe('subscriptionUpdated', () => {
  it('filters by id and by customer, and only among subscriptions the partner may see', async () => {
    const { partner, apiKey, customer } = await createPartnerWithCustomer(db());
    const followed = await createSoldSubscription(db(), { sellerPartnerId: partner.id, customerId: customer.id });
    const sibling = await createSoldSubscription(db(), { sellerPartnerId: partner.id, customerId: customer.id });
    const otherCustomer = await seedCustomer(db(), { cloud: partner.cloud });
    const stranger = await createPartnerWithCustomer(db(), { partner: { cloud: partner.cloud } });
    const strangersSubscription = await createSoldSubscription(db(), { sellerPartnerId: stranger.partner.id, customerId: stranger.customer.id });

    const live = liveClient(instanceB.url, { apiKey: apiKey.secret });
    const byId = live.subscribe(SUBSCRIPTION_UPDATED, { id: subscriptionGlobalId(followed) });
    const byCustomer = live.subscribe(SUBSCRIPTION_UPDATED, { customerId: globalId.customer(customer.id) });
    const byOtherCustomer = live.subscribe(SUBSCRIPTION_UPDATED, { customerId: globalId.customer(otherCustomer.id) });
    const all = live.subscribe(SUBSCRIPTION_UPDATED);
    await instanceB.untilSubscribed(partner.id, 4);

    await suspend(instanceA, stranger.apiKey.secret, strangersSubscription);
    await suspend(instanceA, apiKey.secret, sibling);
    await suspend(instanceA, apiKey.secret, followed);

    const suspendedAs = (subscription: { id: string }) => ({ data: { subscriptionUpdated: { id: subscriptionGlobalId(subscription), status: 'SUSPENDED' } } });
    expect(await byId.next()).toEqual(suspendedAs(followed));
    expect([await byCustomer.next(), await byCustomer.next()]).toEqual([suspendedAs(sibling), suspendedAs(followed)]);
    expect([await all.next(), await all.next()]).toEqual([suspendedAs(sibling), suspendedAs(followed)]);
    await quiet();
    expect([byId.pending, byCustomer.pending, byOtherCustomer.pending, all.pending]).toEqual([[], [], [], []]);
  });
});

describe('connecting', () => {
  it('refuses a connection without credentials (4401), with a wrong key (4401) and a cookie from another site (4403)', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const session = await createSession(db(), { userId: admin.id });

    expect(await connectRaw(instanceA.url)).toEqual({
      acknowledged: false,
      code: 4401,
      reason: 'Sign in, or send connectionParams.authorization: "Bearer <API key>".',
    });
    expect(await connectRaw(instanceA.url, { payload: { authorization: 'Bearer sy_live_not_a_key' } })).toEqual({
      acknowledged: false,
      code: 4401,
      reason: 'The API key is invalid or has been revoked.',
    });
    expect(await connectRaw(instanceA.url, { headers: { cookie: `sy_session=${session.token}`, origin: 'https://evil.example' } })).toMatchObject({
      acknowledged: false,
      code: 4403,
    });
  });

  it('accepts the session cookie from its own origin', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const session = await createSession(db(), { userId: admin.id });
    expect(await connectRaw(instanceA.url, { headers: { cookie: `sy_session=${session.token}`, origin: instanceA.url } })).toEqual({ acknowledged: true });
  });

  it('closes the socket (4401) at the next event once its API key is revoked', async () => {
    const { partner, apiKey, customer } = await createPartnerWithCustomer(db());
    const subscription = await createSoldSubscription(db(), { sellerPartnerId: partner.id, customerId: customer.id });
    const updates = liveClient(instanceB.url, { apiKey: apiKey.secret }).subscribe(SUBSCRIPTION_UPDATED);
    await instanceB.untilSubscribed(partner.id);

    await db().update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, apiKey.id));
    const otherKey = await createApiKey(db(), { partnerId: partner.id });
    await suspend(instanceA, otherKey.secret, subscription);

    expect(await updates.next()).toEqual({ errors: [{ message: 'The API key is invalid or has been revoked.', code: 4401 }] });
  });

  it('answers a subscription sent over HTTP with where to send it', async () => {
    const { apiKey } = await createPartnerWithAdmin(db());
    const response = await instanceA.graphql('subscription { transferUpdated { id } }', { headers: bearer(apiKey.secret) });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('WebSocket') as string, extensions: { code: 'BAD_REQUEST' } });
  });

  it('runs subscriptions only, within the limits of an HTTP request', async () => {
    const { apiKey } = await createPartnerWithAdmin(db());
    const live = liveClient(instanceA.url, { apiKey: apiKey.secret });

    expect(await live.subscribe('{ viewer { role } }').next()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const tooDeep = `subscription { transferUpdated { ${'customer { transfers(first: 1) { nodes { '.repeat(6)}id${' } } }'.repeat(6)} } }`;
    expect(await live.subscribe(tooDeep).next()).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  });
});

describe('stopping the server', () => {
  it('closes its sockets (1001 "Going away") and its LISTEN connection', async () => {
    const { partner, apiKey } = await createPartnerWithAdmin(db());
    const server = await startTestServer(testDatabase.database);
    const updates = liveClient(server.url, { apiKey: apiKey.secret }).subscribe(TRANSFER_UPDATED);
    await server.untilSubscribed(partner.id);
    const listeners = async () => rawRows<{ pid: number }>(
      await db().execute(sql`select pid from pg_stat_activity where application_name = 'switchyard-live' and datname = current_database()`),
    );
    const before = testDatabase.kind === 'postgres' ? (await listeners()).length : 0;

    await server.stop();

    expect(await updates.next()).toEqual({ errors: [{ message: 'Going away', code: 1001 }] });
    if (testDatabase.kind === 'postgres') expect((await listeners()).length).toBe(before - 1);
  });
});

describe('notifications', () => {
  it.skipIf(testDatabase.kind !== 'postgres')('reach the instance again after its LISTEN connection was cut', async () => {
    const received: LiveEvent[] = [];
    const listener = await listenForLiveEvents(testDatabase.database, (event) => received.push(event), createLogger('silent'));
    const event = { type: 'customer.updated' as const, aggregateType: 'Customer', aggregateId: '33333333-3333-4333-8333-333333333333', audiencePartnerIds: [], payload: {} };
    try {
      const terminated = rawRows<{ pid: number }>(
        await db().execute(
          sql`select pg_terminate_backend(pid), pid from pg_stat_activity where application_name = 'switchyard-live' and datname = current_database()`,
        ),
      );
      // This listener's connection and those of the two servers.
      expect(terminated).toHaveLength(3);
      // The listener reconnects with backoff; keep notifying until it hears again.
      for (let attempt = 0; attempt < 50 && received.length === 0; attempt += 1) {
        await db().transaction(async (tx) => writeOutboxEvents(tx, [event], new Date()));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received[0]?.aggregateId).toBe(event.aggregateId);
    } finally {
      await listener.close();
    }
  });

  it('are sent when the transaction commits, never when it rolls back', async () => {
    const received: LiveEvent[] = [];
    const listener = await listenForLiveEvents(testDatabase.database, (event) => received.push(event), createLogger('silent'));
    const event = (aggregateId: string) => ({ type: 'customer.updated' as const, aggregateType: 'Customer', aggregateId, audiencePartnerIds: [], payload: {} });
    const rolledBack = '11111111-1111-4111-8111-111111111111';
    const committed = '22222222-2222-4222-8222-222222222222';
    try {
      await db()
        .transaction(async (tx) => {
          await writeOutboxEvents(tx, [event(rolledBack)], new Date());
          tx.rollback();
        })
        .catch(() => {});
      await db().transaction(async (tx) => writeOutboxEvents(tx, [event(committed)], new Date()));
      // Notifications arrive in commit order: had the rolled-back one been sent, it would come first.
      await vi.waitFor(() => expect(received).not.toEqual([]));
      expect(received.map((notification) => notification.aggregateId)).toEqual([committed]);
    } finally {
      await listener.close();
    }
  });
});
