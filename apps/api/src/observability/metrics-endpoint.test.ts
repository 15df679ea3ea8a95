import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMetricsAccess, startMetricsServer } from './metrics-endpoint.js';
import type { MetricsServer } from './metrics-endpoint.js';

const TOKEN = 'a-metrics-token-of-32-characters!';

describe('who may read /metrics', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.8', false],
    ['203.0.113.9', false],
    [undefined, false],
  ])('without METRICS_TOKEN, a caller at %s: %s', (remoteAddress, isAllowed) => {
    expect(checkMetricsAccess({ authorization: undefined, remoteAddress }, undefined).isAllowed).toBe(isAllowed);
  });

  it('with METRICS_TOKEN, whoever presents it — and only them, even on loopback', () => {
    expect(checkMetricsAccess({ authorization: `Bearer ${TOKEN}`, remoteAddress: '203.0.113.9' }, TOKEN)).toEqual({ isAllowed: true });
    expect(checkMetricsAccess({ authorization: 'Bearer wrong', remoteAddress: '127.0.0.1' }, TOKEN)).toMatchObject({ isAllowed: false, status: 401 });
    expect(checkMetricsAccess({ authorization: undefined, remoteAddress: '127.0.0.1' }, TOKEN)).toMatchObject({ isAllowed: false, status: 401 });
  });
});

describe("a worker's metrics server", () => {
  let server: MetricsServer | undefined;
  afterEach(() => server?.close());

  it('serves the registry in Prometheus text format at /metrics and nothing else', async () => {
    const registry = new Registry();
    new Counter({ name: 'switchyard_test_runs_total', help: 'Runs.', registers: [registry] }).inc(3);
    server = await startMetricsServer(registry, { host: '127.0.0.1', port: 0, token: TOKEN });
    expect((await fetch(server.url)).status).toBe(401);
    const answer = await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.headers.get('content-type')).toContain('text/plain');
    expect(await answer.text()).toContain('switchyard_test_runs_total 3');
    expect((await fetch(server.url.replace('/metrics', '/other'))).status).toBe(404);
  });
});
