/**
 * Logs and metrics of the real HTTP server: one access-log line per request with its request id
 * and partner, no credential in any line; /metrics in Prometheus text with the HTTP counters, the
 * GraphQL errors by code and the queue depths read from the database; a METRICS_TOKEN guarding it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { bearer, useTestServer } from '../test/http.js';
import { collectingLogger } from '../test/log-lines.js';

const testDatabase = useTestDatabase();
const { logger, lines, text } = collectingLogger('info');
const server = useTestServer(testDatabase, { logger });
const guarded = useTestServer(testDatabase, { metricsToken: 'a-metrics-token-of-32-characters!' });

const API_KEY_CREATE = 'mutation { apiKeyCreate(input: { name: "Observed", role: HELPDESK_AGENT }) { userErrors { code } } }';

describe('the access log', () => {
  it('writes one line per request with its id, route, status and partner — and no credential', async () => {
    const { partner, apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const answer = await server.graphql('{ viewer { role } }', { headers: { ...bearer(apiKey.secret), 'x-request-id': 'trace-observed-1' } });
    expect(answer.headers.get('x-request-id')).toBe('trace-observed-1');
    await vi.waitFor(() => expect(lines.filter((line) => line.requestId === 'trace-observed-1')).toHaveLength(1));
    expect(lines.find((line) => line.requestId === 'trace-observed-1')).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      route: '/graphql',
      status: 200,
      partnerId: partner.id,
    });
    expect(text()).not.toContain(apiKey.secret);
  });

  it('gives every route a request id, not only /graphql', async () => {
    const health = await server.fetch('/healthz');
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(lines.some((line) => line.route === '/healthz' && line.requestId === health.headers.get('x-request-id'))).toBe(true));
  });
});

describe('/metrics', () => {
  it('counts requests and GraphQL errors by code, and reads the queue depths from the database', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    expect((await server.graphql('{ viewer { role } }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.graphql(API_KEY_CREATE, { headers: bearer(apiKey.secret) })).body.errors).toBeUndefined();

    const answer = await server.fetch('/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const metrics = await answer.text();
    expect(metrics).toMatch(/switchyard_http_requests_total\{method="POST",route="\/graphql",status="200",process="api"\} \d+/);
    expect(metrics).toMatch(/switchyard_http_request_duration_seconds_bucket\{le="\+Inf",process="api",method="POST",route="\/graphql",status="200"\} \d+/);
    expect(metrics).toMatch(/switchyard_graphql_errors_total\{code="UNAUTHENTICATED",process="api"\} [1-9]/);
    // No job runner here: the new API key's event waits in the outbox.
    expect(Number(/switchyard_job_queue_depth\{queue="outbox-events",state="undispatched",process="api"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(metrics).toContain('switchyard_job_queue_depth{queue="webhook-deliveries",state="pending",process="api"} 0');
    expect(metrics).toContain('switchyard_process_resident_memory_bytes');
  });

  it('asks for METRICS_TOKEN when one is set', async () => {
    expect((await guarded.fetch('/metrics')).status).toBe(401);
    expect((await guarded.fetch('/metrics', { headers: bearer('not-the-token') })).status).toBe(401);
    expect((await guarded.fetch('/metrics', { headers: bearer('a-metrics-token-of-32-characters!') })).status).toBe(200);
  });
});
