/**
 * Switchyard beyond one machine, with real processes: two API instances (JOBS_ENABLED=false) and
 * two workers (`pnpm worker`'s entry point) on one PostgreSQL database, a loopback webhook receiver
 * that verifies every signature, rows already due (subscriptions at term end, relationship requests
 * past their expiry), events created through both APIs, work that rolls back, and one worker killed
 * (SIGKILL) while it holds a webhook delivery job and the deliveries it claimed. Afterwards: each due
 * transition applied exactly once, every committed event delivered at least once and applied once
 * after de-duplication by `Switchyard-Event-Id`, nothing from rolled-back work, the killed worker's
 * job finished by the other worker, and the survivors stop cleanly on SIGTERM.
 *
 * PostgreSQL only: PGlite is one in-process database, so there is no second process to run.
 */
import { randomUUID } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES } from '@switchyard/domain';
import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { rawRows } from '../db/raw-rows.js';
import { auditEvents, customers, outboxEvents, relationshipRequests, subscriptions, webhookDeliveries } from '../db/schema/index.js';
import { seedRelationshipRequest } from '../db/seed/factories.js';
import { writeOutboxEvents } from '../services/mutation/audit.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../services/webhooks/webhook-signature.js';
import { useTestDatabase } from '../test/database.js';
import { spawnApiProcess, spawnProcess, until } from '../test/processes.js';
import type { LogLine, SpawnedProcess } from '../test/processes.js';
import { createPartnerWithCustomer, createSoldSubscription, daysFromNow } from '../test/subscription-factories.js';
import { startWebhookReceiver } from '../test/webhook-receiver.js';
import type { ReceivedWebhook, WebhookReceiver } from '../test/webhook-receiver.js';

const testDatabase = useTestDatabase();

const started: SpawnedProcess[] = [];
let receiver: WebhookReceiver | undefined;
afterAll(async () => {
  // Whatever a failed run left behind.
  for (const child of started) child.kill('SIGKILL');
  await receiver?.close();
});

const API_KEY_CREATE = `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { apiKey { id } userErrors { code } } }`;
const API_KEY_REVOKE = `mutation ($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { userErrors { code } } }`;
const WEBHOOK_CREATE = `mutation ($input: WebhookSubscriptionCreateInput!) {
  webhookSubscriptionCreate(input: $input) { webhookSubscription { id secret } userErrors { code message } }
}`;
// The mutation succeeds, then a field of its payload fails (a page of 101): the request's
// transaction rolls back, the customer and its event with it.
const CUSTOMER_CREATE_THEN_FAIL = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id relationshipRequests(first: 101) { totalCount } } userErrors { code } }
}`;

interface GraphQLAnswer {
  data?: Record<string, { userErrors?: { code: string }[] } & Record<string, unknown>> | null;
  errors?: { extensions?: { code?: string } }[];
}

async function graphql(url: string, apiKey: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

const isJobLog = (job: string, what: 'started' | 'done', jobId?: string) => (line: LogLine) =>
  line.msg === `Job ${job} ${what}` && (jobId === undefined || line.jobId === jobId);

/** The webhook-delivery job a worker has started and not finished, if any. */
function unfinishedDeliveryJob(worker: SpawnedProcess): string | undefined {
  const startedIds = worker.logLines.filter(isJobLog('webhook-delivery', 'started')).map((line) => String(line.jobId));
  const doneIds = new Set(worker.logLines.filter(isJobLog('webhook-delivery', 'done')).map((line) => String(line.jobId)));
  return startedIds.find((id) => !doneIds.has(id));
}

describe.skipIf(testDatabase.kind !== 'postgres')('two API instances and two workers on one PostgreSQL', () => {
  it('apply each due transition once, deliver every committed event, and finish a killed worker’s jobs', async () => {
    const { db } = testDatabase.database;
    const databaseUrl = (testDatabase.database as Extract<Database, { kind: 'postgres' }>).pool.options.connectionString ?? '';

    // The world, before any process starts (an empty database would be seeded with the demo world).
    const { partner, apiKey, customer } = await createPartnerWithCustomer(db);
    const dueSubscriptions = [];
    for (let index = 0; index < 8; index += 1) {
      dueSubscriptions.push(
        await createSoldSubscription(db, { sellerPartnerId: partner.id, customerId: customer.id, termEndDate: daysFromNow(-1), isAutoRenewEnabled: index % 2 === 0 }),
      );
    }
    const dueRequests = [];
    for (let index = 0; index < 4; index += 1) dueRequests.push(await seedRelationshipRequest(db, { partnerId: partner.id, expiresAt: daysFromNow(-1) }));

    receiver = await startWebhookReceiver();
    const shared = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'test',
      JOB_LEASE_SECONDS: '10',
      DUE_TRANSITIONS_INTERVAL_SECONDS: '1',
      OUTBOX_POLL_INTERVAL_SECONDS: '1',
      SHUTDOWN_TIMEOUT_SECONDS: '20',
    };
    const apis = [0, 1].map(() => spawnApiProcess({ ...shared, JOBS_ENABLED: 'false', LOG_LEVEL: 'info' }));
    started.push(...apis);
    const apiUrls = await Promise.all(apis.map((api) => api.url));
    const through = (index: number) => apiUrls[index % 2]!;

    const created = await graphql(through(0), apiKey.secret, WEBHOOK_CREATE, { input: { url: receiver.url, eventTypes: [...WEBHOOK_EVENT_TYPES] } });
    expect(created.data?.webhookSubscriptionCreate?.userErrors).toEqual([]);
    const secret = (created.data?.webhookSubscriptionCreate?.webhookSubscription as { secret: string }).secret;

    // The first deliveries are held: the worker sending them is mid-run when it is killed.
    let releaseReceiver = () => {};
    receiver.gate = new Promise<void>((resolve) => (releaseReceiver = resolve));

    const createKeys = async (count: number, label: string) => {
      for (let index = 0; index < count; index += 1) {
        const answer = await graphql(through(index), apiKey.secret, API_KEY_CREATE, { input: { name: `${label} ${index}`, role: 'HELPDESK_AGENT' } });
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.apiKeyCreate?.userErrors).toEqual([]);
      }
    };
    await createKeys(6, 'Before the workers');

    // Work that must never reach the receiver: refused mutations, a request rolled back by a
    // top-level error, and a transaction that fails after writing an outbox event.
    const refusedName = await graphql(through(0), apiKey.secret, API_KEY_CREATE, { input: { name: '', role: 'HELPDESK_AGENT' } });
    expect(refusedName.data?.apiKeyCreate?.userErrors?.length).toBeGreaterThan(0);
    const refusedRevoke = await graphql(through(1), apiKey.secret, API_KEY_REVOKE, { input: { apiKeyId: 'QXBpS2V5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA' } });
    expect(refusedRevoke.data?.apiKeyRevoke?.userErrors?.map((error) => error.code)).toEqual(['NOT_FOUND']);
    const rolledBackDomain = `rolled-back-${randomUUID().slice(0, 8)}.example`;
    const rolledBack = await graphql(through(1), apiKey.secret, CUSTOMER_CREATE_THEN_FAIL, {
      input: { companyName: 'Rolled Back Ltd', country: 'US', primaryDomain: rolledBackDomain },
    });
    expect(rolledBack.errors?.length).toBeGreaterThan(0);
    expect(await db.select().from(customers).where(eq(customers.primaryDomain, rolledBackDomain))).toEqual([]);
    const rolledBackMarker = randomUUID();
    await db
      .transaction(async (tx) => {
        await writeOutboxEvents(
          tx,
          [{ type: 'apiKey.created', aggregateType: 'ApiKey', aggregateId: randomUUID(), audiencePartnerIds: [partner.id], payload: { marker: rolledBackMarker } }],
          new Date(),
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);

    // Two workers, each serving its metrics on a port of its own.
    const workers = [0, 1].map(() => spawnProcess('src/jobs/worker.ts', { ...shared, LOG_LEVEL: 'debug', METRICS_PORT: '0' }));
    started.push(...workers);
    await Promise.all(workers.map((worker) => worker.waitForLog((line) => line.msg.startsWith('Worker started'), 90_000)));

    // A worker holds the webhook-delivery job and the deliveries it sent: kill it there.
    await until(() => receiver!.received.length > 0, 60_000, () => 'no delivery reached the receiver');
    let holder: SpawnedProcess | undefined;
    await until(
      () => (holder = workers.find((worker) => unfinishedDeliveryJob(worker) !== undefined)) !== undefined,
      10_000,
      () => 'no worker is running the webhook-delivery job',
    );
    const killedJobId = unfinishedDeliveryJob(holder!)!;
    const heldDeliveries = receiver.received.length;
    holder!.kill('SIGKILL');
    expect((await holder!.exited).signal).toBe('SIGKILL');
    const survivor = workers.find((worker) => worker !== holder)!;
    receiver.gate = undefined;
    releaseReceiver();

    await createKeys(4, 'After the kill');

    // Everything settles: every committed event delivered (the held ones again, once their lease ends).
    const committedEventIds = async () =>
      (
        await db
          .select({ id: outboxEvents.id })
          .from(outboxEvents)
          .where(and(arrayContains(outboxEvents.audiencePartnerIds, [partner.id]), inArray(outboxEvents.type, [...WEBHOOK_EVENT_TYPES])))
      ).map((row) => row.id);
    const receivedEventIds = () => new Set(receiver!.received.map((request) => String(request.headers[EVENT_ID_HEADER.toLowerCase()])));
    // 10 API keys, 8 subscriptions at term end, 4 relationship requests expired.
    const eventCount = 10 + dueSubscriptions.length + dueRequests.length;
    let missing: string[] = [];
    await until(
      async () => {
        const expected = await committedEventIds();
        const received = receivedEventIds();
        missing = expected.filter((id) => !received.has(id));
        return expected.length >= eventCount && missing.length === 0;
      },
      90_000,
      () => `events not delivered yet: ${receiver!.received.length} requests received, ${missing.length} events missing`,
    );
    await survivor.waitForLog(isJobLog('webhook-delivery', 'done', killedJobId), 60_000);

    // Each due transition applied exactly once: its new state, one audit event and one outbox event.
    for (const subscription of dueSubscriptions) {
      const [stored] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
      const operation = subscription.isAutoRenewEnabled ? 'subscriptionRenew' : 'subscriptionExpire';
      if (subscription.isAutoRenewEnabled) expect(stored!.termEndDate!.getTime()).toBeGreaterThan(Date.now());
      else expect(stored!.status).toBe('EXPIRED');
      const audits = await db.select().from(auditEvents).where(and(arrayContains(auditEvents.targetIds, [subscription.id]), eq(auditEvents.operation, operation)));
      expect(audits).toHaveLength(1);
      const events = await db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, subscription.id));
      expect(events.map((event) => event.type)).toEqual([subscription.isAutoRenewEnabled ? 'subscription.renewed' : 'subscription.expired']);
    }
    for (const request of dueRequests) {
      const [stored] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.id, request.id));
      expect(stored!.status).toBe('EXPIRED');
      const audits = await db
        .select()
        .from(auditEvents)
        .where(and(arrayContains(auditEvents.targetIds, [request.id]), eq(auditEvents.operation, 'relationshipRequestExpire')));
      expect(audits).toHaveLength(1);
    }

    // Every committed event delivered at least once, signed; applied once after de-duplication.
    const expected = (await committedEventIds()).sort();
    const applied = new Map<string, ReceivedWebhook>();
    for (const request of receiver.received) {
      expect(verifyWebhookSignature(secret, request.body, String(request.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(true);
      const eventId = String(request.headers[EVENT_ID_HEADER.toLowerCase()]);
      expect((JSON.parse(request.body) as { id: string }).id).toBe(eventId);
      if (!applied.has(eventId)) applied.set(eventId, request);
    }
    expect([...applied.keys()].sort()).toEqual(expected);
    // The killed worker's sends were received but never acknowledged: they came again.
    expect(heldDeliveries).toBeGreaterThan(0);
    expect(receiver.received.length).toBeGreaterThan(applied.size);
    const deliveries = await db
      .select({ eventId: webhookDeliveries.eventId, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.partnerId, partner.id));
    expect(deliveries.map((delivery) => delivery.eventId).sort()).toEqual(expected);
    expect(new Set(deliveries.map((delivery) => delivery.status))).toEqual(new Set(['SUCCEEDED']));

    // Nothing from rolled-back work.
    for (const marker of [rolledBackMarker, rolledBackDomain]) expect(receiver.received.some((request) => request.body.includes(marker))).toBe(false);
    const appliedTypes = [...applied.values()].map((request) => (JSON.parse(request.body) as { type: string }).type);
    expect(appliedTypes.filter((type) => type === 'apiKey.created')).toHaveLength(10);

    // The killed worker's job was finished by the other one.
    const [job] = rawRows<{ state: string }>(await db.execute(sql`SELECT state::text AS state FROM pgboss.job WHERE id = ${killedJobId}`));
    expect(job?.state).toBe('completed');
    expect(holder!.logLines.some(isJobLog('webhook-delivery', 'done', killedJobId))).toBe(false);

    // Logs carry the request id across processes; metrics are served by an API and a worker.
    const traced = await graphql(through(1), apiKey.secret, API_KEY_CREATE, { input: { name: 'Traced', role: 'HELPDESK_AGENT' } }, { 'x-request-id': 'multi-instance-trace-1' });
    expect(traced.data?.apiKeyCreate?.userErrors).toEqual([]);
    await apis[1]!.waitForLog((line) => line.msg === 'request' && line.requestId === 'multi-instance-trace-1', 10_000);
    expect(apis[1]!.logLines.find((line) => line.requestId === 'multi-instance-trace-1')).toMatchObject({ partnerId: partner.id, route: '/graphql', status: 200 });
    const apiMetrics = await (await fetch(`${apiUrls[0]}/metrics`)).text();
    expect(apiMetrics).toMatch(/switchyard_http_requests_total\{method="POST",route="\/graphql",status="200",process="api"\} \d+/);
    expect(apiMetrics).toContain('switchyard_job_queue_depth{queue="outbox-events",state="undispatched",process="api"}');
    const workerStarted = await survivor.waitForLog((line) => line.msg.startsWith('Worker started'));
    const workerMetrics = await (await fetch(String(workerStarted.metrics))).text();
    expect(workerMetrics).toMatch(/switchyard_job_runs_total\{job="webhook-delivery",outcome="succeeded",process="worker"\} \d+/);
    expect(workerMetrics).toMatch(/switchyard_webhook_delivery_attempts_total\{outcome="succeeded",process="worker"\} \d+/);

    // SIGTERM: the survivors finish what they are doing and exit cleanly.
    for (const child of [survivor, ...apis]) child.kill('SIGTERM');
    for (const child of [survivor, ...apis]) {
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(child.logLines.some((line) => line.msg === 'Shutdown complete')).toBe(true);
    }
  }, 180_000);
});
