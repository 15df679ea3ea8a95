/**
 * Starts the real express app on an ephemeral loopback port for HTTP tests, with helpers that send
 * GraphQL the way the admin app and integrators do.
 *
 *   const server = useTestServer(testDatabase);
 *   const response = await server.graphql('{ viewer { role } }', { headers: bearer(key.secret) });
 */
import { afterAll, beforeAll, vi } from 'vitest';
import type { Database } from '../db/client.js';
import type { RateLimitSettings } from '../limits/rate-limit.js';
import { createLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { schema } from '../schema/index.js';
import { startServer } from '../server.js';
import type { RunningServer } from '../server.js';

export interface TestServerOptions {
  isProduction?: boolean;
  adminDistDir?: string;
  rateLimits?: RateLimitSettings;
  /** Default: silent. */
  logger?: Logger;
  metricsToken?: string;
}

export interface TestServer {
  readonly url: string;
  /** Resolves once the server runs `count` live-update subscriptions for the partner. */
  untilSubscribed(partnerId: string, count?: number): Promise<void>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a GraphQL operation as JSON and returns the response with its parsed body. */
  graphql(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }>;
}

export async function startTestServer(database: Database, options: TestServerOptions = {}): Promise<TestServer & { stop(): Promise<void> }> {
  const running: RunningServer = await startServer({
    database,
    schema,
    logger: options.logger ?? createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    isProduction: options.isProduction ?? false,
    sessionTtlHours: 1,
    publicUrl: 'http://localhost:4000',
    ...(options.adminDistDir ? { adminDistDir: options.adminDistDir } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
  });
  const fetchPath = (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init);
  return {
    url: running.url,
    fetch: fetchPath,
    async graphql(query, { variables, headers } = {}) {
      const response = await fetchPath('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as never };
    },
    untilSubscribed: (partnerId, count = 1) =>
      vi.waitFor(
        () => {
          if (running.liveUpdates.openSubscriptions(partnerId) < count) throw new Error(`Fewer than ${count} live subscriptions`);
        },
        { timeout: 5_000, interval: 10 },
      ),
    stop: () => running.stop(),
  };
}

/** Starts a server for the test file's database before its tests, stops it after. */
export function useTestServer(testDatabase: { readonly database: Database }, options: TestServerOptions = {}): TestServer {
  let server: (TestServer & { stop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    server = await startTestServer(testDatabase.database, options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  const current = () => {
    if (!server) throw new Error('useTestServer(): the server runs only inside tests and hooks');
    return server;
  };
  return {
    get url() {
      return current().url;
    },
    untilSubscribed: (partnerId, count) => current().untilSubscribed(partnerId, count),
    fetch: (path, init) => current().fetch(path, init),
    graphql: (query, options) => current().graphql(query, options),
  };
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
export const sessionCookie = (token: string) => ({ cookie: `sy_session=${token}` });
