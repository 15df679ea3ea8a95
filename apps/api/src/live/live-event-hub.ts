/**
 * In-process fan-out of live events: the instance's one notification listener publishes each
 * event here, and every open GraphQL subscription reads the events that concern it through its
 * own queue. An event is offered to a subscriber only when the subscriber's partner is in its
 * audience; what the subscriber may really see is decided again when it re-reads the object.
 */
import type { LiveEvent } from './live-notification.js';

export interface LiveEventFilter {
  /** The subscriber's partner: events whose audience does not name it are not offered. */
  partnerId: string;
  aggregateType: string;
  /** The GraphQL type the subscriber re-reads the object as (`Transfer`, `CustomerSubscription`). */
  typename: string;
  aggregateId?: string | undefined;
  customerId?: string | undefined;
}

/** An event offered to one subscriber, with the node it is about (what `node(id:)` would load). */
export interface LiveUpdate {
  event: LiveEvent;
  node: { typename: string; id: string };
}

export interface LiveEventHub {
  publish(event: LiveEvent): void;
  /** The matching events published from now on, until the iterator is returned or the hub closes. */
  updates(filter: LiveEventFilter): AsyncIterableIterator<LiveUpdate>;
  /** How many iterators are open for `partnerId`'s subscribers (a metric; tests wait on it). */
  openSubscriptions(partnerId: string): number;
  /** Ends every open iterator. */
  close(): void;
}

/** A subscriber that stops reading must not grow without bound; past this, older events are dropped. */
const MAX_QUEUED_EVENTS = 1_000;

export function matchesLiveFilter(event: LiveEvent, filter: LiveEventFilter): boolean {
  return (
    event.aggregateType === filter.aggregateType &&
    (filter.aggregateId === undefined || event.aggregateId === filter.aggregateId) &&
    (filter.customerId === undefined || event.customerId === filter.customerId) &&
    (event.audiencePartnerIds === undefined || event.audiencePartnerIds.includes(filter.partnerId))
  );
}

export function createLiveEventHub(): LiveEventHub {
  const subscribers = new Set<{ filter: LiveEventFilter; push(event: LiveEvent): void; end(): void }>();

  return {
    publish(event) {
      for (const subscriber of subscribers) if (matchesLiveFilter(event, subscriber.filter)) subscriber.push(event);
    },
    updates(filter) {
      const queue: LiveUpdate[] = [];
      let waiting: ((result: IteratorResult<LiveUpdate>) => void) | undefined;
      let isDone = false;
      const done = (): IteratorResult<LiveUpdate> => ({ done: true, value: undefined });
      const subscriber = {
        filter,
        push(event: LiveEvent) {
          const update = { event, node: { typename: filter.typename, id: event.aggregateId } };
          if (waiting) {
            const resolve = waiting;
            waiting = undefined;
            resolve({ done: false, value: update });
            return;
          }
          // The subscriber re-reads the object, so a second event about one still queued adds nothing.
          if (queue.some((queued) => queued.node.id === update.node.id)) return;
          queue.push(update);
          if (queue.length > MAX_QUEUED_EVENTS) queue.shift();
        },
        end() {
          isDone = true;
          subscribers.delete(subscriber);
          queue.length = 0;
          waiting?.(done());
          waiting = undefined;
        },
      };
      subscribers.add(subscriber);
      const iterator: AsyncIterableIterator<LiveUpdate> = {
        next() {
          const update = queue.shift();
          if (update) return Promise.resolve({ done: false, value: update });
          if (isDone) return Promise.resolve(done());
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          subscriber.end();
          return Promise.resolve(done());
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    openSubscriptions(partnerId) {
      return [...subscribers].filter((subscriber) => subscriber.filter.partnerId === partnerId).length;
    },
    close() {
      for (const subscriber of subscribers) subscriber.end();
    },
  };
}
