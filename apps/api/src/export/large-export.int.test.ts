/**
 * Large exports. 100,000 subscriptions in one export (PostgreSQL): every row arrives, and the server
 * holds no more than what the client has not read yet — while the client stops reading, the server
 * stops loading batches (backpressure) instead of reading the whole list into memory. And a stalled
 * download holds no transaction: other requests are answered meanwhile, even on PGlite's one connection.
 */
import { once } from 'node:events';
import { get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/database.js';
import { bearer, useTestServer } from '../test/http.js';
import { cloneSubscription, createExternalSubscription, createPartnerWithCustomer } from '../test/subscription-factories.js';
import { EXPORT_BATCH_SIZE } from './csv-export.js';

const testDatabase = useTestDatabase();
const server = useTestServer(testDatabase);

const SUBSCRIPTION_COUNT = 100_000;
const BATCH_COUNT = SUBSCRIPTION_COUNT / EXPORT_BATCH_SIZE;

/** Starts a download and waits for its headers; nothing reads the body until the test does. */
async function startDownload(path: string, secret: string): Promise<IncomingMessage> {
  // node:http rather than fetch: a response nobody reads stops reading its socket, as a slow client would.
  const request = get(new URL(path, server.url), { headers: bearer(secret) });
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  return response;
}

async function readAll(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(response, 'end');
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves once `read()` has returned the same value for `quietMs` in a row. */
async function whenSettled(read: () => number, quietMs = 2000): Promise<number> {
  let value = read();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = read();
    if (next !== value) {
      value = next;
      quietSince = Date.now();
    }
  }
  return value;
}

describe.runIf(testDatabase.kind === 'postgres')('exporting 100,000 subscriptions', () => {
  it('delivers every row, loading batches only as fast as the client reads them', { timeout: 180_000 }, async () => {
    const { database } = testDatabase;
    const { apiKey, customer } = await createPartnerWithCustomer(database.db);
    const subscription = await createExternalSubscription(database.db, { customerId: customer.id });
    await cloneSubscription(database.db, subscription.id, SUBSCRIPTION_COUNT - 1);

    const batchesLoaded = () => database.queryCounter.recorded.filter((query) => query.includes('inner join "offers"')).length;
    database.queryCounter.reset();
    database.queryCounter.record = true;
    try {
      const response = await startDownload('/export/subscriptions.csv', apiKey.secret);
      expect(response.statusCode).toBe(200);

      // Not reading: the socket buffers fill, then the server must wait for 'drain' instead of loading on.
      const loadedWhileStalled = await whenSettled(batchesLoaded);
      expect(loadedWhileStalled).toBeGreaterThan(0);
      expect(loadedWhileStalled).toBeLessThan(BATCH_COUNT / 2);

      const lines = (await readAll(response)).split('\r\n');
      expect(lines.pop()).toBe('');
      const [header, ...rows] = lines;
      expect(header).toMatch(/^\uFEFFid,customer\.id,/);
      expect(rows).toHaveLength(SUBSCRIPTION_COUNT);
      expect(new Set(rows.map((row) => row.slice(0, row.indexOf(',')))).size).toBe(SUBSCRIPTION_COUNT);
      expect(batchesLoaded()).toBe(BATCH_COUNT + 1);
    } finally {
      database.queryCounter.record = false;
    }
  });
});

describe('a stalled download', () => {
  it('holds no request transaction: other requests are answered while it waits for the client', async () => {
    const { database } = testDatabase;
    const { apiKey, customer } = await createPartnerWithCustomer(database.db);
    const subscription = await createExternalSubscription(database.db, { customerId: customer.id });
    const count = 30 * EXPORT_BATCH_SIZE;
    await cloneSubscription(database.db, subscription.id, count - 1);

    const response = await startDownload('/export/subscriptions.csv', apiKey.secret);
    await whenSettled(() => database.queryCounter.count);
    // On PGlite a transaction left open would make this wait for the download (its one connection).
    const other = await server.graphql('{ viewer { role } }', { headers: bearer(apiKey.secret) });
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ viewer: { role: 'GLOBAL_ADMIN' } });

    const rows = (await readAll(response)).split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(count);
  }, 120_000);
});
