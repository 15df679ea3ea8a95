/**
 * How one GraphQL subscription runs over the WebSocket: it starts inside a transaction of the
 * subscriber's partner (its auth scopes checked, its filter registered on the event hub), and then
 * each event it is offered runs on its own, in a fresh transaction of that partner: the
 * subscriber's credentials are checked again (a revoked key or an ended session stops the socket),
 * the object is skipped unless the partner may see it — the check `node(id:)` makes, which
 * row-level security backs — and the operation executes with the update as its root value.
 * Nothing here commits: these transactions only read.
 */
import { createSourceEventStream, execute, GraphQLError } from 'graphql';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { Authenticated } from '../auth/authenticate.js';
import { withRequestContext } from '../context.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { LiveRoot } from '../schema/live/live-root.js';
import { nodeVisibility } from '../schema/node-visibility.js';
import type { LiveEventHub, LiveUpdate } from './live-event-hub.js';

/** The socket's caller, as `onConnect` authenticated it. */
export interface LiveConnection {
  /** Authenticates the connection's credentials again; `null` when they no longer hold (and the socket is being closed). */
  reauthenticate(): Promise<Authenticated | null>;
  authenticated: Authenticated;
}

export interface LiveOperationOptions {
  database: Database;
  liveEvents: LiveEventHub;
  publicUrl: string;
  logger: Logger;
}

/** graphql-ws's `subscribe`: `args.contextValue` is the connection (set by `onSubscribe`). */
export function createLiveSubscribe({ database, liveEvents, publicUrl, logger }: LiveOperationOptions) {
  const inPartnerTransaction = <T>(authenticated: Authenticated, run: Parameters<typeof withRequestContext<T>>[2]) =>
    withRequestContext(database, { authenticated, publicUrl }, run);

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const connection = args.contextValue as LiveConnection;
    const rootValue: LiveRoot = { liveEvents };
    const source = await inPartnerTransaction(connection.authenticated, (context) => createSourceEventStream({ ...args, rootValue, contextValue: context }));
    if (!(Symbol.asyncIterator in source)) return source;

    const executeUpdate = async (update: LiveUpdate): Promise<ExecutionResult | undefined> => {
      try {
        const authenticated = await connection.reauthenticate();
        if (!authenticated) return undefined;
        connection.authenticated = authenticated;
        return await inPartnerTransaction(authenticated, async (context) => {
          const [isVisible] = await nodeVisibility(context, [update.node]);
          return isVisible ? await execute({ ...args, rootValue: update, contextValue: context }) : undefined;
        });
      } catch (error) {
        logger.error(`Live update ${update.event.id} (${update.event.type}) failed`, error);
        return { errors: [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
      }
    };
    return mapUpdates(source as AsyncIterableIterator<LiveUpdate>, executeUpdate);
  };
}

/**
 * The results of `run` for each update, skipping those it answers `undefined`. `return()` ends the
 * source at once, even while waiting for the next update (an async generator would wait for it).
 */
function mapUpdates(
  source: AsyncIterableIterator<LiveUpdate>,
  run: (update: LiveUpdate) => Promise<ExecutionResult | undefined>,
): AsyncIterableIterator<ExecutionResult> {
  const end = async (): Promise<IteratorResult<ExecutionResult>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        const next = await source.next();
        if (next.done) return { done: true, value: undefined };
        const result = await run(next.value);
        if (result) return { done: false, value: result };
      }
    },
    return: end,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
