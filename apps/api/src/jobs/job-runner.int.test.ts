/**
 * The job runners: the interval scheduler (PGlite, and PostgreSQL too) and pg-boss (PostgreSQL
 * only: it needs a server). Both call the same job functions: applyDueTransitions on its schedule,
 * and the webhook pipeline — a committed mutation reaches a loopback receiver with no manual step.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client.js';
import { createLogger } from '../logger.js';
import { createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { asUser, useExecutor } from '../test/execute-operation.js';
import { startWebhookReceiver } from '../test/webhook-receiver.js';
import type { WebhookReceiver } from '../test/webhook-receiver.js';
import { startIntervalScheduler } from './interval-scheduler.js';
import { backgroundJobs, JOB_NAMES } from './background-jobs.js';
import { startJobRunner } from './job-runner.js';
import type { JobRunner } from './job-runner.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const logger = createLogger('silent');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function track<T extends JobRunner | WebhookReceiver>(started: T): T {
  cleanups.push(() => ('stop' in started ? started.stop() : started.close()));
  return started;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A partner subscribed to `apiKey.created` at a fresh receiver, and a way to raise that event. */
async function subscribedWorld() {
  const hook = track(await startWebhookReceiver());
  const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
  const created = await execute<{ webhookSubscriptionCreate: { userErrors: unknown[] } }>(
    `mutation ($input: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $input) { userErrors { code } } }`,
    { input: { url: hook.url, eventTypes: ['apiKey.created'] } },
    { as: asUser(admin) },
  );
  expect(created.data?.webhookSubscriptionCreate.userErrors).toEqual([]);
  const raiseEvent = async () => {
    const result = await execute(`mutation { apiKeyCreate(input: { name: "Job test", role: HELPDESK_AGENT }) { userErrors { code } } }`, {}, { as: asUser(admin) });
    expect(result.errors).toBeUndefined();
  };
  return { hook, raiseEvent };
}

const FAST = { dueTransitionsIntervalSeconds: 0.2, outboxPollIntervalSeconds: 0.1 };

/** A due-transitions run that takes `ms`, and what a graceful stop saw of it. */
function slowRun(ms: number) {
  const run = { hasStarted: false, hasFinished: false };
  const applyDueTransitions = vi.fn(async () => {
    run.hasStarted = true;
    await new Promise((resolve) => setTimeout(resolve, ms));
    run.hasFinished = true;
    return {};
  });
  return { run, applyDueTransitions };
}

describe('the interval scheduler', () => {
  it('calls applyDueTransitions with the database and the time, on every interval', async () => {
    const applyDueTransitions = vi.fn(() => Promise.resolve({}));
    const now = new Date('2027-01-01T00:00:00Z');
    const jobs = backgroundJobs(testDatabase.database, { ...FAST, applyDueTransitions }).filter((job) => job.name === JOB_NAMES.dueTransitions);
    track(startIntervalScheduler(jobs, { logger, clock: () => now }));
    await until(() => applyDueTransitions.mock.calls.length >= 2);
    expect(applyDueTransitions).toHaveBeenCalledWith(testDatabase.database, now);
  });

  it('stop() waits for the run in progress (graceful shutdown)', async () => {
    const { run, applyDueTransitions } = slowRun(300);
    const jobs = backgroundJobs(testDatabase.database, { ...FAST, applyDueTransitions }).filter((job) => job.name === JOB_NAMES.dueTransitions);
    const scheduler = startIntervalScheduler(jobs, { logger });
    await until(() => run.hasStarted);
    await scheduler.stop();
    expect(run.hasFinished).toBe(true);
    expect(applyDueTransitions).toHaveBeenCalledTimes(1);
  });

  it('delivers a committed mutation’s event to its webhook with no manual step', async () => {
    const { hook, raiseEvent } = await subscribedWorld();
    track(startIntervalScheduler(backgroundJobs(testDatabase.database, { ...FAST, applyDueTransitions: () => Promise.resolve({}) }), { logger }));
    await raiseEvent();
    await until(() => hook.received.length === 1);
  });
});

describe.skipIf(testDatabase.kind !== 'postgres')('the pg-boss runner (PostgreSQL)', () => {
  const databaseUrl = () => (testDatabase.database as Extract<Database, { kind: 'postgres' }>).pool.options.connectionString;

  it('runs applyDueTransitions on its schedule', async () => {
    const applyDueTransitions = vi.fn(() => Promise.resolve({}));
    track(await startJobRunner(testDatabase.database, { ...FAST, dueTransitionsIntervalSeconds: 1, applyDueTransitions, databaseUrl: databaseUrl(), logger }));
    await until(() => applyDueTransitions.mock.calls.length >= 1);
    expect(applyDueTransitions).toHaveBeenCalledWith(testDatabase.database, expect.any(Date));
  });

  it('starts several runners at once on a fresh database (workers racing to create the queues)', async () => {
    const options = { ...FAST, dueTransitionsIntervalSeconds: 60, outboxPollIntervalSeconds: 60, applyDueTransitions: () => Promise.resolve({}), databaseUrl: databaseUrl(), logger };
    for (let round = 0; round < 3; round += 1) {
      await testDatabase.database.db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
      const runners = await Promise.all([0, 1, 2].map(() => startJobRunner(testDatabase.database, options)));
      expect(runners.map((runner) => runner.kind)).toEqual(['pg-boss', 'pg-boss', 'pg-boss']);
      await Promise.all(runners.map((runner) => runner.stop({ timeoutMs: 5_000 })));
    }
  }, 60_000);

  it('stop() lets a job in flight finish before it resolves (graceful shutdown)', async () => {
    const { run, applyDueTransitions } = slowRun(1_500);
    const runner = await startJobRunner(testDatabase.database, { ...FAST, dueTransitionsIntervalSeconds: 1, applyDueTransitions, databaseUrl: databaseUrl(), logger });
    await until(() => run.hasStarted);
    await runner.stop({ timeoutMs: 10_000 });
    expect(run.hasFinished).toBe(true);
  });

  it('delivers each event once with two runners (two processes) sharing the work', async () => {
    const { hook, raiseEvent } = await subscribedWorld();
    const options = { ...FAST, outboxPollIntervalSeconds: 1, applyDueTransitions: () => Promise.resolve({}), databaseUrl: databaseUrl(), logger };
    const first = track(await startJobRunner(testDatabase.database, options));
    track(await startJobRunner(testDatabase.database, options));
    expect(first.kind).toBe('pg-boss');
    for (let index = 0; index < 5; index += 1) await raiseEvent();
    // Generous: pg-boss hands out work on its own polling cadence, slower on a loaded 2-core machine.
    await until(() => hook.received.length >= 5, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const eventIds = hook.received.map((request) => request.headers['switchyard-event-id']);
    expect(eventIds).toHaveLength(5);
    expect(new Set(eventIds).size).toBe(5);
  }, 90_000);
});
