/**
 * Webhooks end to end, on both databases: subscriptions through GraphQL, the outbox dispatcher and
 * the delivery job (time injected: `now` is passed in, so backoff is deterministic), against a real
 * loopback HTTP receiver.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxEvents, webhookDeliveries } from '../../db/schema/index.js';
import { writeOutboxEvents } from '../mutation/audit.js';
import { databaseIdOf } from '../../schema/global-id.js';
import { createPartnerWithAdmin, createUser } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { startWebhookReceiver } from '../../test/webhook-receiver.js';
import type { WebhookReceiver } from '../../test/webhook-receiver.js';
import { deliverDueWebhooks } from './deliver-webhooks.js';
import { dispatchOutboxEvents } from './dispatch-outbox-events.js';
import { verifyWebhookSignature } from './webhook-signature.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const database = () => testDatabase.database;

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});
async function receiver(statuses: number[] = []) {
  const started = await startWebhookReceiver(statuses);
  receivers.push(started);
  return started;
}

interface UserErrorData {
  code: string;
  field: string[] | null;
}
interface SubscriptionData {
  id: string;
  url: string;
  eventTypes: string[];
  secret: string | null;
  version: number;
}

const SUBSCRIPTION_FIELDS = 'id url eventTypes isEnabled secret version';
const CREATE = `mutation ($input: WebhookSubscriptionCreateInput!) {
  webhookSubscriptionCreate(input: $input) { webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { code field } }
}`;
const API_KEY_CREATE = `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id } userErrors { code } } }`;
const API_KEY_REVOKE = `mutation ($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { apiKey { id } userErrors { code } } }`;

async function partner() {
  return createPartnerWithAdmin(database().db);
}

async function subscribe(admin: { id: string }, input: Record<string, unknown>) {
  const result = await execute<{ webhookSubscriptionCreate: { webhookSubscription: SubscriptionData | null; userErrors: UserErrorData[] } }>(
    CREATE,
    { input },
    { as: asUser(admin) },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.webhookSubscriptionCreate;
}

async function subscribedPartner(url: string, eventTypes = ['apiKey.created']) {
  const world = await partner();
  const { webhookSubscription, userErrors } = await subscribe(world.admin, { url, eventTypes });
  expect(userErrors).toEqual([]);
  return { ...world, subscription: webhookSubscription! };
}

async function createApiKey(admin: { id: string }) {
  const result = await execute<{ apiKeyCreate: { apiKey: { id: string } | null; userErrors: UserErrorData[] } }>(
    API_KEY_CREATE,
    { input: { name: 'Integration', role: 'GLOBAL_ADMIN' } },
    { as: asUser(admin) },
  );
  expect(result.data?.apiKeyCreate.userErrors).toEqual([]);
  return result.data!.apiKeyCreate.apiKey!;
}

async function deliveriesOf(subscriptionGlobalId: string) {
  const id = databaseIdOf(subscriptionGlobalId, 'WebhookSubscription')!;
  return database().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookSubscriptionId, id));
}

async function dispatchAndDeliver(now: Date) {
  await dispatchOutboxEvents(database(), { now });
  return deliverDueWebhooks(database(), { now });
}

describe('webhookSubscriptionCreate', () => {
  it('shows the secret once, and never again', async () => {
    const hook = await receiver();
    const { admin, subscription } = await subscribedPartner(hook.url);
    expect(subscription.secret).toMatch(/^whsec_/);
    const list = await execute<{ webhookSubscriptions: { nodes: { id: string; secret: string | null }[] } }>(
      `query { webhookSubscriptions(first: 10) { nodes { id secret } } }`,
      {},
      { as: asUser(admin) },
    );
    expect(list.data?.webhookSubscriptions.nodes).toEqual([{ id: subscription.id, secret: null }]);
  });

  it('refuses a plain-http URL that is not loopback, and an unknown event type', async () => {
    const { admin } = await partner();
    const insecure = await subscribe(admin, { url: 'http://hooks.example.com/x', eventTypes: ['transfer.created'] });
    expect(insecure.userErrors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: ['input', 'url'] })]);
    const unknown = await subscribe(admin, { url: 'https://hooks.example.com/x', eventTypes: ['transfer.teleported'] });
    expect(unknown.userErrors.map((error) => error.code)).toEqual(['VALIDATION_FAILED']);
  });

  it('updates and deletes a subscription through the mutation framework (versioned, audited)', async () => {
    const hook = await receiver();
    const { admin, subscription } = await subscribedPartner(hook.url);
    const updated = await execute<{ webhookSubscriptionUpdate: { webhookSubscription: SubscriptionData | null; userErrors: UserErrorData[] } }>(
      `mutation ($input: WebhookSubscriptionUpdateInput!) { webhookSubscriptionUpdate(input: $input) { webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { code field } } }`,
      { input: { webhookSubscriptionId: subscription.id, expectedVersion: 1, eventTypes: ['transfer.created', 'transfer.completed'], rotateSecret: true } },
      { as: asUser(admin) },
    );
    const payload = updated.data!.webhookSubscriptionUpdate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.webhookSubscription).toMatchObject({ version: 2, eventTypes: ['transfer.created', 'transfer.completed'] });
    expect(payload.webhookSubscription!.secret).toMatch(/^whsec_/);
    expect(payload.webhookSubscription!.secret).not.toBe(subscription.secret);

    const stale = await execute<{ webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: UserErrorData[] } }>(
      `mutation ($input: WebhookSubscriptionDeleteInput!) { webhookSubscriptionDelete(input: $input) { deletedWebhookSubscriptionId userErrors { code field } } }`,
      { input: { webhookSubscriptionId: subscription.id, expectedVersion: 1 } },
      { as: asUser(admin) },
    );
    expect(stale.data!.webhookSubscriptionDelete.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);
    const deleted = await execute<{ webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: UserErrorData[] } }>(
      `mutation ($input: WebhookSubscriptionDeleteInput!) { webhookSubscriptionDelete(input: $input) { deletedWebhookSubscriptionId userErrors { code field } } }`,
      { input: { webhookSubscriptionId: subscription.id, expectedVersion: 2 } },
      { as: asUser(admin) },
    );
    expect(deleted.data!.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: subscription.id, userErrors: [] });
  });

  it('answers a retried deletion with the same id, though the subscription is gone', async () => {
    const { admin } = await partner();
    const { webhookSubscription: subscription } = await subscribe(admin, { url: 'https://hooks.example.com/retry', eventTypes: ['transfer.created'] });
    const idempotencyKey = randomUUID();
    const send = () =>
      execute<{ webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: UserErrorData[] } }>(
        `mutation ($input: WebhookSubscriptionDeleteInput!) { webhookSubscriptionDelete(input: $input) { deletedWebhookSubscriptionId userErrors { code field } } }`,
        { input: { webhookSubscriptionId: subscription!.id } },
        { as: asUser(admin), idempotencyKey },
      );
    const first = await send();
    const retry = await send();
    expect(first.data!.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: subscription!.id, userErrors: [] });
    expect(retry).toEqual(first);
  });

  it('is refused to a role that does not manage API keys', async () => {
    const { partner: owner } = await partner();
    const agent = await createUser(database().db, { partnerId: owner.id, role: 'ADMIN_AGENT' });
    const result = await execute(CREATE, { input: { url: 'https://hooks.example.com/x', eventTypes: ['transfer.created'] } }, { as: asUser(agent) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('delivery', () => {
  it('sends a signed delivery after a mutation commits, logged in webhookDeliveries', async () => {
    const hook = await receiver();
    const { admin, subscription } = await subscribedPartner(hook.url);
    const apiKey = await createApiKey(admin);
    const now = new Date();
    await dispatchAndDeliver(now);

    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    const body = JSON.parse(request!.body) as { id: string; type: string; data: { apiKeyId: string } };
    expect(body).toMatchObject({ type: 'apiKey.created', data: { apiKeyId: apiKey.id } });
    expect(verifyWebhookSignature(subscription.secret!, request!.body, String(request!.headers['switchyard-signature']), { now })).toBe(true);
    expect(request!.headers['switchyard-event-id']).toBe(body.id);
    const [event] = await database().db.select().from(outboxEvents).where(eq(outboxEvents.id, body.id));
    expect(event?.dispatchedAt).toEqual(now);

    const log = await execute<{ node: { webhookDeliveries: { totalCount: number; nodes: Record<string, unknown>[] } } }>(
      `query ($id: ID!) { node(id: $id) { ... on WebhookSubscription { webhookDeliveries(first: 5) { totalCount nodes { eventId eventType status attempts lastResponseCode nextAttemptAt } } } } }`,
      { id: subscription.id },
      { as: asUser(admin) },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data?.node.webhookDeliveries).toEqual({
      totalCount: 1,
      nodes: [{ eventId: body.id, eventType: 'apiKey.created', status: 'SUCCEEDED', attempts: 1, lastResponseCode: 200, nextAttemptAt: null }],
    });
  });

  it('sends nothing for a refused mutation or a rolled-back transaction', async () => {
    const hook = await receiver();
    const { admin, partner: owner, subscription } = await subscribedPartner(hook.url, ['apiKey.created', 'apiKey.revoked']);
    const refused = await execute<{ apiKeyRevoke: { userErrors: UserErrorData[] } }>(
      API_KEY_REVOKE,
      { input: { apiKeyId: 'QXBpS2V5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA' } },
      { as: asUser(admin) },
    );
    expect(refused.data?.apiKeyRevoke.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    await database()
      .db.transaction(async (tx) => {
        await writeOutboxEvents(tx, [{ type: 'apiKey.created', aggregateType: 'ApiKey', aggregateId: randomUUID(), audiencePartnerIds: [owner.id], payload: {} }], new Date());
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await dispatchAndDeliver(new Date());
    expect(hook.received).toEqual([]);
    expect(await deliveriesOf(subscription.id)).toEqual([]);
  });

  it('retries a failing receiver with backoff until it succeeds, and fails after 24 hours; redelivery starts again', async () => {
    const hook = await receiver([500, 503]);
    const { admin, subscription } = await subscribedPartner(hook.url);
    await createApiKey(admin);
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);

    await dispatchAndDeliver(t0);
    let [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseCode: 500, nextAttemptAt: at(30_000) });

    await deliverDueWebhooks(database(), { now: at(29_000) });
    expect(hook.received).toHaveLength(1);
    await deliverDueWebhooks(database(), { now: at(30_000) });
    [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 2, lastResponseCode: 503, nextAttemptAt: at(90_000) });

    await deliverDueWebhooks(database(), { now: at(90_000) });
    [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastResponseCode: 200, nextAttemptAt: null, deliveredAt: at(90_000) });
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((request) => request.headers['switchyard-event-id'])).size).toBe(1);

    // A receiver that keeps failing: FAILED once the 24-hour window is over.
    hook.statuses.push(500, 500, 500);
    const redeliver = async (now: Date) => {
      await database().db.update(webhookDeliveries).set({ status: 'PENDING', nextAttemptAt: now, retryUntil: new Date(now.getTime() + 86_400_000) }).where(eq(webhookDeliveries.id, delivery!.id));
    };
    await redeliver(at(100_000));
    await deliverDueWebhooks(database(), { now: at(100_000) });
    await deliverDueWebhooks(database(), { now: at(100_000 + 86_400_000) });
    [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 5, lastResponseCode: 500, nextAttemptAt: null });

    const redelivered = await execute<{ webhookDeliveryRedeliver: { webhookDelivery: { status: string; nextAttemptAt: string } | null; userErrors: UserErrorData[] } }>(
      `mutation ($input: WebhookDeliveryRedeliverInput!) { webhookDeliveryRedeliver(input: $input) { webhookDelivery { status nextAttemptAt } userErrors { code } } }`,
      { input: { webhookDeliveryId: Buffer.from(`WebhookDelivery:${delivery!.id}`).toString('base64url') } },
      { as: asUser(admin) },
    );
    expect(redelivered.errors).toBeUndefined();
    expect(redelivered.data?.webhookDeliveryRedeliver).toMatchObject({ webhookDelivery: { status: 'PENDING' }, userErrors: [] });
  });

  it('delivers to a subscription only the events of its own partner', async () => {
    const first = await receiver();
    const second = await receiver();
    const a = await subscribedPartner(first.url);
    await subscribedPartner(second.url);
    await createApiKey(a.admin);
    await dispatchAndDeliver(new Date());
    expect(first.received).toHaveLength(1);
    expect(second.received).toEqual([]);
  });

  it('delivers each event once when two dispatchers and two delivery jobs run at once', async () => {
    const hook = await receiver();
    const { admin, subscription } = await subscribedPartner(hook.url);
    for (let index = 0; index < 12; index += 1) await createApiKey(admin);
    const now = new Date();
    await Promise.all([dispatchOutboxEvents(database(), { now, batchSize: 3 }), dispatchOutboxEvents(database(), { now, batchSize: 3 })]);
    await Promise.all([deliverDueWebhooks(database(), { now, batchSize: 4 }), deliverDueWebhooks(database(), { now, batchSize: 4 })]);
    await deliverDueWebhooks(database(), { now });
    await deliverDueWebhooks(database(), { now });
    await deliverDueWebhooks(database(), { now });

    const deliveries = await deliveriesOf(subscription.id);
    expect(deliveries).toHaveLength(12);
    const eventIds = hook.received.map((request) => request.headers['switchyard-event-id']);
    expect(eventIds).toHaveLength(12);
    expect(new Set(eventIds).size).toBe(12);
    const dispatched = await database().db.select().from(outboxEvents).where(and(inArray(outboxEvents.id, deliveries.map((row) => row.eventId))));
    expect(dispatched.every((event) => event.dispatchedAt !== null)).toBe(true);
  });
});
