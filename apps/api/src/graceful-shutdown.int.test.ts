/**
 * Graceful shutdown of the HTTP server: a request in flight when `stop()` is called (here, its
 * body still arriving) is answered in full before `stop()` resolves; new connections are refused.
 * The job runners' half is in jobs/job-runner.int.test.ts; the processes' SIGTERM in
 * jobs/multi-instance.int.test.ts.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createPartnerWithAdmin } from './test/factories.js';
import { useTestDatabase } from './test/database.js';
import { startTestServer } from './test/http.js';

const testDatabase = useTestDatabase();

describe('stopping the HTTP server', () => {
  it('answers a request in flight before it stops, and refuses new ones', async () => {
    const { apiKey } = await createPartnerWithAdmin(testDatabase.database.db);
    const server = await startTestServer(testDatabase.database);
    const body = JSON.stringify({ query: '{ viewer { role } }' });

    const inFlight = request(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${apiKey.secret}` },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      inFlight.on('error', reject);
    });
    // Half the body now: the server has the request and waits for the rest.
    inFlight.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));

    let hasStopped = false;
    const stopping = server.stop().then(() => (hasStopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hasStopped).toBe(false);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    inFlight.end(body.slice(10));
    const answer = await answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ data: { viewer: { role: 'GLOBAL_ADMIN' } } });
    await stopping;
    expect(hasStopped).toBe(true);
  });
});
