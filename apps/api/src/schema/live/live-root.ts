/**
 * How subscription fields (`transferUpdated`, `subscriptionUpdated`) meet the WebSocket transport
 * (src/live/live-operations.ts): when a subscription starts, its `subscribe` gets the instance's
 * event hub as the root value; each event it yields becomes the root value of one execution that
 * re-reads the object, in a fresh transaction of the subscriber's partner.
 */
import { builder } from '../../builder.js';
import type { LiveEventFilter, LiveEventHub, LiveUpdate } from '../../live/live-event-hub.js';
import { databaseIdOf } from '../global-id.js';

/** The root value of a subscription's `subscribe` phase. */
export interface LiveRoot {
  liveEvents: LiveEventHub;
}

/** The updates matching `filter`; fails loudly when a subscription runs without the WebSocket transport. */
export function liveUpdates(root: unknown, filter: LiveEventFilter): AsyncIterableIterator<LiveUpdate> {
  if (typeof root !== 'object' || root === null || !('liveEvents' in root)) {
    throw new Error('Subscriptions run over the WebSocket transport (src/live/), which provides the event hub');
  }
  return (root as LiveRoot).liveEvents.updates(filter);
}

/** The update an execution re-reads (its root value; see above). */
export function liveUpdateOf(root: unknown): LiveUpdate {
  if (typeof root !== 'object' || root === null || !('node' in root) || !('event' in root)) {
    throw new Error('A subscription field executed without a live update as its root value');
  }
  return root as LiveUpdate;
}

/** An id that matches no row: what an id argument of the wrong type filters by. */
const NO_MATCH_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The database id an optional id argument filters by: `undefined` when it was not given; an id of
 * another type matches nothing (like an invisible one), rather than everything.
 */
export function filterIdOf(globalId: string | number | null | undefined, typename: string): string | undefined {
  if (globalId === null || globalId === undefined) return undefined;
  return databaseIdOf(String(globalId), typename) ?? NO_MATCH_ID;
}

builder.subscriptionType({
  description:
    'Live updates over graphql-ws at /graphql (see the API guide, “Live updates”): each field yields the current state of an object you may see whenever it changes.',
});
