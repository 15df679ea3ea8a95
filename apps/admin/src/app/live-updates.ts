/**
 * Live updates: a graphql-ws client on this origin's `/graphql` (the browser sends the session
 * cookie with the upgrade; the API accepts it only from its own origin), handed to urql's
 * `subscriptionExchange`. It connects while some page subscribes, and when dropped reconnects
 * with backoff; pages load over HTTP whatever its state. Its state feeds the header's "Live"
 * indicator (`useLiveStatus`).
 */
import { createClient } from 'graphql-ws';
import type { Client as WebSocketClient } from 'graphql-ws';
import { useSyncExternalStore } from 'react';
import { subscriptionExchange } from 'urql';
import type { Exchange } from 'urql';
import { liveUpdatesUrl } from './graphql-endpoint';

/** `idle`: no page subscribes (no socket); `offline`: dropped, reconnecting. */
export type LiveStatus = 'idle' | 'connecting' | 'live' | 'offline';

/** A normal closure: the last subscription ended, or the page is leaving. */
const NORMAL_CLOSURE = 1000;

let status: LiveStatus = 'idle';
const listeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

/** The live connection's state, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

export function createLiveClient(): WebSocketClient {
  return createClient({
    url: () => liveUpdatesUrl(),
    // Keep trying for as long as the page is open: the server restarting is not the end of live updates.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connecting: () => setStatus('connecting'),
      connected: () => setStatus('live'),
      closed: (event) => setStatus((event as CloseEvent | undefined)?.code === NORMAL_CLOSURE ? 'idle' : 'offline'),
    },
  });
}

/** urql's subscription exchange over `client`. */
export function liveSubscriptionExchange(client: WebSocketClient): Exchange {
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe: (sink) => ({ unsubscribe: client.subscribe({ ...request, query: request.query ?? '' }, sink) }),
    }),
  });
}
