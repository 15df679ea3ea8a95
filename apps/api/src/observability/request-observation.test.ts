import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectingLogger } from '../test/log-lines.js';
import { keepingLogContext, observeRequests, requestIdFrom } from './request-observation.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** An express app with the middleware and one route that logs deep inside, after parsing a JSON body. */
async function observedApp() {
  const { logger, lines } = collectingLogger();
  const metrics = { recordHttpRequest: vi.fn<(labels: { method: string; route: string; status: number }, durationSeconds: number) => void>() };
  const app = express();
  app.use(observeRequests({ logger, metrics }));
  app.post('/customers/:id', keepingLogContext(express.json()), async (req, res) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    logger.info('Handled', { name: (req.body as { name: string }).name });
    res.status(201).json({ ok: true });
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: 'Fabrikam' }) });
  return { url, post, lines, metrics };
}

describe('request observation', () => {
  it('answers with a request id and logs it on every line of the request, after the body parser too', async () => {
    const { post, lines } = await observedApp();
    const response = await post('/customers/42?secret=1');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines[0]).toMatchObject({ msg: 'Handled', name: 'Fabrikam', requestId });
    // One access-log line: the route's pattern, never the query string.
    expect(lines[1]).toMatchObject({ msg: 'request', requestId, method: 'POST', path: '/customers/42', route: '/customers/:id', status: 201 });
    expect(lines[1]?.durationMs).toBeTypeOf('number');
    expect(JSON.stringify(lines)).not.toContain('secret=1');
  });

  it('accepts a sane incoming X-Request-Id and replaces anything else', async () => {
    const { post } = await observedApp();
    expect((await post('/customers/1', { 'x-request-id': 'lb-7f3a9c21' })).headers.get('x-request-id')).toBe('lb-7f3a9c21');
    const replaced = (await post('/customers/1', { 'x-request-id': 'a b<script>' })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('x'.repeat(129))).not.toBe('x'.repeat(129));
  });

  it('counts every answer by method, route and status, unmatched paths under one label', async () => {
    const { post, metrics } = await observedApp();
    await post('/customers/7');
    await post('/no/such/route');
    await vi.waitFor(() => expect(metrics.recordHttpRequest).toHaveBeenCalledTimes(2));
    expect(metrics.recordHttpRequest.mock.calls.map(([labels]) => labels)).toEqual([
      { method: 'POST', route: '/customers/:id', status: 201 },
      { method: 'POST', route: '(unmatched)', status: 404 },
    ]);
  });
});
