/**
 * Prometheus metrics (prom-client), one registry per process: HTTP requests and their latency by
 * route, method and status; GraphQL errors by code; background job runs; webhook delivery attempts
 * by outcome (`retrying` and `failed` are the failures); the depth of every queue of work — pg-boss
 * jobs (PostgreSQL), outbox events not yet dispatched and webhook deliveries pending — read from the
 * database at scrape time; and Node's default process metrics.
 *
 * Queue depths are the same from every process (they are rows in the shared database), so a
 * dashboard takes their `max` across instances; counters are per process and are summed.
 */
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { rawRows } from '../db/raw-rows.js';
import type { Logger } from '../logger.js';

export interface WebhookDeliveryCounts {
  succeeded: number;
  retrying: number;
  failed: number;
}

export interface Metrics {
  readonly registry: Registry;
  recordHttpRequest(labels: { method: string; route: string; status: number }, durationSeconds: number): void;
  recordGraphQLError(code: string): void;
  recordJobRun(job: string, outcome: 'succeeded' | 'failed', durationSeconds: number): void;
  recordWebhookDeliveries(counts: WebhookDeliveryCounts): void;
}

/** The code of an answered GraphQL error (every one of ours has one; anything else counts as internal). */
export function graphQLErrorCode(error: { extensions?: Record<string, unknown> | undefined }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

export interface QueueDepth {
  queue: string;
  state: string;
  count: number;
}

export function createMetrics(database: Pick<Database, 'db' | 'kind'>, { logger, process: processName }: { logger: Logger; process: 'api' | 'worker' }): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry, prefix: 'switchyard_' });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'switchyard_http_requests_total',
    help: 'HTTP requests answered, by route, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpRequestDuration = new Histogram({
    name: 'switchyard_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its answer.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const graphqlErrors = new Counter({
    name: 'switchyard_graphql_errors_total',
    help: 'Top-level GraphQL errors answered, by code (userErrors are data, not counted here).',
    labelNames: ['code'] as const,
    registers,
  });
  const jobRuns = new Counter({
    name: 'switchyard_job_runs_total',
    help: 'Background job runs in this process, by job and outcome.',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const jobDuration = new Histogram({
    name: 'switchyard_job_run_duration_seconds',
    help: 'How long a background job run took.',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers,
  });
  const webhookDeliveries = new Counter({
    name: 'switchyard_webhook_delivery_attempts_total',
    help: 'Webhook delivery attempts made by this process: succeeded, retrying (failed, will be retried) or failed (given up).',
    labelNames: ['outcome'] as const,
    registers,
  });
  new Gauge({
    name: 'switchyard_job_queue_depth',
    help: 'Work waiting in the shared database: pg-boss jobs by state, outbox events not yet dispatched, webhook deliveries pending.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      try {
        for (const depth of await readQueueDepths(database)) this.set({ queue: depth.queue, state: depth.state }, depth.count);
      } catch (error) {
        // A scrape still answers the process metrics when the database is briefly unreachable.
        logger.warn('Could not read the queue depths for /metrics', error);
      }
    },
  });

  return {
    registry,
    recordHttpRequest(labels, durationSeconds) {
      const values = { method: labels.method, route: labels.route, status: String(labels.status) };
      httpRequests.inc(values);
      httpRequestDuration.observe(values, durationSeconds);
    },
    recordGraphQLError: (code) => graphqlErrors.inc({ code }),
    recordJobRun(job, outcome, durationSeconds) {
      jobRuns.inc({ job, outcome });
      jobDuration.observe({ job }, durationSeconds);
    },
    recordWebhookDeliveries(counts) {
      for (const outcome of ['succeeded', 'retrying', 'failed'] as const) if (counts[outcome] > 0) webhookDeliveries.inc({ outcome }, counts[outcome]);
    },
  };
}

export async function readQueueDepths(database: Pick<Database, 'db' | 'kind'>): Promise<QueueDepth[]> {
  const [outbox] = rawRows<{ undispatched: number; pending: number }>(
    await database.db.execute(sql`
      SELECT (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)::int AS undispatched,
             (SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING')::int AS pending`),
  );
  const depths: QueueDepth[] = [
    { queue: 'outbox-events', state: 'undispatched', count: outbox?.undispatched ?? 0 },
    { queue: 'webhook-deliveries', state: 'pending', count: outbox?.pending ?? 0 },
  ];
  if (database.kind !== 'postgres') return depths;
  // pg-boss creates its schema when a job runner first starts; until then there is no queue to count.
  const [pgBoss] = rawRows<{ exists: boolean }>(await database.db.execute(sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`));
  if (!pgBoss?.exists) return depths;
  const jobs = rawRows<{ name: string; state: string; count: number }>(
    await database.db.execute(sql`
      SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job
       WHERE state IN ('created', 'retry', 'active') GROUP BY name, state ORDER BY name, state`),
  );
  return [...depths, ...jobs.map((row) => ({ queue: row.name, state: row.state, count: row.count }))];
}
