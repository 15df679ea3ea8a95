/**
 * A fake of the API's live updates for tests: an urql subscription exchange whose subscriptions are
 * recorded by operation name, and `push` sends one of them a result as the server would.
 *
 *   const live = createFakeLiveUpdates();
 *   renderWithSession(<TransferListView />, { liveUpdates: live.exchange });
 *   live.push('TransferUpdated', { transferUpdated: { id, status: 'ACCEPTED', version: 2 } });
 */
import { subscriptionExchange } from 'urql';
import type { Exchange } from 'urql';

interface OpenSubscription {
  operationName: string;
  variables: Record<string, unknown>;
  next(result: { data: Record<string, unknown> }): void;
}

export interface FakeLiveUpdates {
  exchange: Exchange;
  /** Sends `data` to every open subscription named `operationName`; fails when there is none. */
  push(operationName: string, data: Record<string, unknown>): void;
  /** The variables of the open subscriptions named `operationName`. */
  openSubscriptions(operationName: string): Record<string, unknown>[];
}

export function createFakeLiveUpdates(): FakeLiveUpdates {
  const open = new Set<OpenSubscription>();
  const named = (operationName: string) =>
    [...open].filter((subscription) => subscription.operationName === operationName);
  return {
    exchange: subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => {
          const subscription: OpenSubscription = {
            operationName: /subscription\s+(\w+)/.exec(request.query ?? '')?.[1] ?? '',
            variables: request.variables ?? {},
            next: (result) => sink.next(result),
          };
          open.add(subscription);
          return { unsubscribe: () => open.delete(subscription) };
        },
      }),
    }),
    push(operationName, data) {
      const subscriptions = named(operationName);
      if (subscriptions.length === 0) throw new Error(`No open subscription ${operationName}`);
      for (const subscription of subscriptions) subscription.next({ data });
    },
    openSubscriptions: (operationName) => named(operationName).map((subscription) => subscription.variables),
  };
}
