/** The fixed-rate load (./fixed-rate.ts): its slots, and that a queue shows in its latencies. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchFixtures, PoolSubscription } from './bench-world.js';
import { runFixedRate, slotsDue, slotTime } from './fixed-rate.js';
import { TransferPool } from './scenarios.js';
import type { Scenario } from './scenarios.js';

describe('slots', () => {
  it('are due one every 1/rate s from the start, the first at once, never more than the run holds', () => {
    expect(slotsDue(-1, 100, 50)).toBe(0);
    expect(slotsDue(0, 100, 50)).toBe(1);
    expect(slotsDue(9.99, 100, 50)).toBe(1);
    expect(slotsDue(10, 100, 50)).toBe(2);
    expect(slotsDue(250, 100, 50)).toBe(26);
    expect(slotsDue(60_000, 100, 50)).toBe(50);
    expect(slotTime(0, 100)).toBe(0);
    expect(slotTime(25, 100)).toBe(250);
    expect(slotTime(3, 2000)).toBe(1.5);
  });
});

describe('runFixedRate', () => {
  const HOLD_MS = 30;
  let port = 0;
  const arrivals: number[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrivals.push(performance.now());
      setTimeout(
        () =>
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"data":{"viewer":{"id":"1"}}}'),
        HOLD_MS,
      );
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const scenario: Scenario = {
    name: 'viewer',
    title: 'viewer',
    kind: 'query',
    operations: [],
  };
  const fixtures = { keys: { contoso: 'sy_test', tailspin: 'sy_test' } } as BenchFixtures;

  it('keeps sending on schedule while answers are slow, and counts the wait in the latency (no coordinated omission)', async () => {
    arrivals.length = 0;
    // 20 requests due within 100 ms on ONE connection that answers each after 30 ms: they are served
    // one after another, so the last one is answered ≥ 20 × 30 ms after the start, ≥ 500 ms after
    // it was due. A closed loop would have waited and reported ~30 ms for every request.
    const result = await runFixedRate(
      { port },
      {
        scenario,
        operation: { operationName: 'Viewer', query: '{ viewer { id } }', variables: {} },
      },
      fixtures,
      new TransferPool([]),
      { connections: 1, durationSeconds: 0.1, rate: 200 },
    );
    expect(result).toMatchObject({ requests: 20, failures: 0, rate: 200, connections: 1 });
    expect(arrivals).toHaveLength(20);
    expect(result.latency.p50).toBeGreaterThanOrEqual(HOLD_MS);
    expect(result.latency.max).toBeGreaterThanOrEqual(20 * HOLD_MS - 100);
  });

  it('counts an answer with errors as a failure', async () => {
    const failing = createServer((request, response) => {
      request.resume();
      request.on('end', () =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"errors":[{"message":"nope"}]}'),
      );
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const result = await runFixedRate(
        { port: (failing.address() as AddressInfo).port },
        {
          scenario,
          operation: { operationName: 'Viewer', query: '{ viewer { id } }', variables: {} },
        },
        fixtures,
        new TransferPool([]),
        { connections: 2, durationSeconds: 0.05, rate: 100 },
      );
      expect(result).toMatchObject({ requests: 5, failures: 5, throughput: 0 });
      expect(result.failureSamples[0]).toContain('nope');
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });

  it('runs transfer pairs: the other partner creates, the seller accepts, and the subscription changes hands', async () => {
    const seen: string[] = [];
    const pairs = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          operationName: string;
        };
        seen.push(`${operationName} by ${request.headers.authorization}`);
        const field = operationName === 'TransferCreate' ? 'transferCreate' : 'transferAccept';
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({
              data: { [field]: { transfer: { id: 'transfer-1' }, userErrors: [] } },
            }),
          );
      });
    });
    await new Promise<void>((resolve) => pairs.listen(0, '127.0.0.1', resolve));
    try {
      const subscription = { id: 's1', customerId: 'c1', seller: 'contoso' } as PoolSubscription;
      const pool = new TransferPool([subscription]);
      const result = await runFixedRate(
        { port: (pairs.address() as AddressInfo).port },
        {
          scenario: { ...scenario, name: 'transfer-pair', kind: 'pair' },
          operation: { operationName: 'TransferCreate', query: '' },
        },
        { keys: { contoso: 'key-contoso', tailspin: 'key-tailspin' } } as BenchFixtures,
        pool,
        // One pair: a rate of 2 requests a second over half a second.
        { connections: 1, durationSeconds: 0.5, rate: 2 },
      );
      expect(result).toMatchObject({ requests: 2, failures: 0 });
      expect(result.throughput).toBeGreaterThan(0);
      expect(seen).toEqual([
        'TransferCreate by Bearer key-tailspin',
        'TransferAccept by Bearer key-contoso',
      ]);
      expect(subscription.seller).toBe('tailspin');
      expect(pool.available).toBe(1);
    } finally {
      await new Promise<void>((resolve) => pairs.close(() => resolve()));
    }
  });
});
