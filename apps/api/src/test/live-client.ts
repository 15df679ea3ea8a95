/**
 * graphql-ws clients for live-update tests, against a test server's WebSocket at /graphql: the way
 * an integrator (API key in `connectionParams`) or the admin app (session cookie, own Origin)
 * connects.
 *
 *   const live = liveClient(server.url, { apiKey: key.secret });
 *   const updates = live.subscribe('subscription { transferUpdated { id status } }');
 *   await updates.next();   // the next result, or fails after a timeout
 */
import { createClient } from 'graphql-ws';
import type { Client, ExecutionResult } from 'graphql-ws';
import { afterEach } from 'vitest';
import WebSocket from 'ws';

export interface LiveClientOptions {
  apiKey?: string;
  /** Headers of the upgrade request (`cookie`, `origin`). */
  headers?: Record<string, string>;
}

export interface LiveSubscription {
  /** The next result not read yet; waits up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult>;
  /** Results received and not read yet. */
  readonly pending: readonly ExecutionResult[];
}

export interface LiveClient {
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  close(): Promise<void>;
}

const openClients = new Set<Client>();
afterEach(async () => {
  await Promise.all([...openClients].map(async (client) => client.dispose()));
  openClients.clear();
});

export const webSocketUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

/** A client that connects at once and never retries (a refusal is what tests look at). Disposed after each test. */
export function liveClient(httpUrl: string, { apiKey, headers = {} }: LiveClientOptions = {}): LiveClient {
  class WebSocketWithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const client = createClient({
    url: webSocketUrl(httpUrl),
    webSocketImpl: WebSocketWithHeaders,
    connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
  });
  openClients.add(client);
  return {
    subscribe(query, variables) {
      const received: ExecutionResult[] = [];
      const waiters: ((result: ExecutionResult) => void)[] = [];
      const deliver = (result: ExecutionResult) => {
        const waiter = waiters.shift();
        if (waiter) waiter(result);
        else received.push(result);
      };
      client.subscribe(
        { query, ...(variables ? { variables } : {}) },
        {
          next: deliver,
          // GraphQL errors, or the socket closing: then its reason and code.
          error: (error) => deliver({ errors: Array.isArray(error) ? error : [closeErrorOf(error)] }),
          complete: () => {},
        },
      );
      return {
        get pending() {
          return received;
        },
        next(timeoutMs = 5_000) {
          const result = received.shift();
          if (result) return Promise.resolve(result);
          return new Promise((resolve, reject) => {
            const waiter = (value: ExecutionResult) => {
              clearTimeout(timer);
              resolve(value);
            };
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              reject(new Error(`No live update within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.push(waiter);
          });
        },
      };
    },
    async close() {
      openClients.delete(client);
      await client.dispose();
    },
  };
}

function closeErrorOf(error: unknown): { message: string; code?: number } {
  if (typeof error === 'object' && error !== null && 'code' in error && 'reason' in error) {
    return { message: String(error.reason), code: Number(error.code) };
  }
  return { message: String(error) };
}

/**
 * Opens a raw socket with the graphql-ws protocol, sends `connection_init` with `payload` and
 * resolves with what the server answered: acknowledged, or the close code and reason.
 */
export function connectRaw(
  httpUrl: string,
  { payload = {}, headers = {} }: { payload?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<{ acknowledged: true } | { acknowledged: false; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(webSocketUrl(httpUrl), 'graphql-transport-ws', { headers });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') {
        socket.close(1000);
        resolve({ acknowledged: true });
      }
    });
    socket.on('close', (code, reason) => resolve({ acknowledged: false, code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}
