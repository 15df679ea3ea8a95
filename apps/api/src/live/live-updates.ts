/**
 * Live updates: GraphQL subscriptions over graphql-ws (the `graphql-transport-ws` protocol) on
 * the HTTP server's own port and path, `/graphql`. server.ts starts it with one call.
 *
 * - Fan-out across instances: the transaction that writes an outbox event also NOTIFYs the channel
 *   `switchyard_live` (services/mutation/audit.ts); each instance LISTENs on one connection
 *   (./notification-listener.ts) and hands the events to its in-process hub (./live-event-hub.ts).
 * - Who is asking, exactly as over HTTP: `connectionParams.authorization: "Bearer <API key>"`, or
 *   the session cookie of the upgrade request — only when the page that opened the socket is our
 *   own origin, since browsers send cookies with cross-site WebSockets too (cross-site WebSocket
 *   hijacking). No credentials → close 4401; refused ones → 4401 with the reason; a session cookie
 *   from another origin → 4403.
 * - What is run: subscriptions only, each passing the limits of an HTTP request (size, tokens,
 *   depth, aliases, cost) and taking a rate-limit token; errors are formatted (masked) as over HTTP.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { authenticate, credentialsFromHeaders, readCookie, refusedCredentialsMessage, SESSION_COOKIE } from '../auth/authenticate.js';
import type { Database } from '../db/client.js';
import { createErrorFormatter } from '../errors.js';
import { rateLimitBuckets, rateLimitedMessage, takeRateLimitTokens } from '../limits/rate-limit.js';
import type { RateLimitSettings } from '../limits/rate-limit.js';
import { preflightGraphQLRequest } from '../limits/request-preflight.js';
import type { Logger } from '../logger.js';
import { createLiveEventHub } from './live-event-hub.js';
import { createLiveSubscribe } from './live-operations.js';
import type { LiveConnection } from './live-operations.js';
import { listenForLiveEvents } from './notification-listener.js';

export interface LiveUpdatesOptions {
  httpServer: Server;
  database: Database;
  schema: GraphQLSchema;
  logger: Logger;
  isProduction: boolean;
  publicUrl: string;
  rateLimits: RateLimitSettings;
}

export interface LiveUpdates {
  /** How many subscriptions of a partner's callers this instance runs. */
  openSubscriptions(partnerId: string): number;
  /** Closes every socket (1001 "Going away") and the LISTEN connection. */
  close(): Promise<void>;
}

/** Open subscriptions per socket: enough for every page of the admin app, not a lever for abuse. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 25;

type ConnectionParams = Record<string, unknown> | undefined;

interface SocketExtra extends Record<PropertyKey, unknown> {
  /** Set once the socket is authenticated. */
  connection?: LiveConnection;
}

export async function startLiveUpdates(options: LiveUpdatesOptions): Promise<LiveUpdates> {
  const { database, schema, logger, isProduction } = options;
  const liveEvents = createLiveEventHub();
  const listener = await listenForLiveEvents(database, (event) => liveEvents.publish(event), logger);
  const formatError = createErrorFormatter({ isProduction, onInternalError: (error) => logger.error('Live update failed', error) });
  const formatErrors = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) => formatError(error.toJSON(), error));

  const webSocketServer = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const server = useServer<ConnectionParams, SocketExtra>(
    {
      schema,
      isProd: isProduction,
      onConnect: async (context) => {
        const connection = await authenticateSocket(context.connectionParams, context.extra, options);
        if ('code' in connection) {
          context.extra.socket.close(connection.code, connection.reason);
          return false;
        }
        context.extra.connection = connection;
        return true;
      },
      onSubscribe: async (context, _id, payload) => {
        const { connection } = context.extra;
        if (!connection) return [new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (Object.keys(context.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions run on one connection.`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        const operation = preflightSubscription(payload, schema, isProduction);
        if (Array.isArray(operation)) return operation;
        const rateLimited = await takeRateLimitToken(database, options.rateLimits, connection);
        return rateLimited ? [rateLimited] : { schema, ...operation, contextValue: connection };
      },
      subscribe: createLiveSubscribe({ database, liveEvents, publicUrl: options.publicUrl, logger }),
      onNext: (_context, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors) } : undefined),
      onError: (_context, _id, _payload, errors) => formatErrors(errors),
    },
    webSocketServer,
  );
  return {
    openSubscriptions: (partnerId) => liveEvents.openSubscriptions(partnerId),
    async close() {
      liveEvents.close();
      await server.dispose();
      await listener.close();
    },
  };
}

interface Refusal {
  code: CloseCode;
  /** A WebSocket close reason holds at most 123 bytes. */
  reason: string;
}

/** The socket's caller, from its connection parameters or (our own pages only) its session cookie. */
async function authenticateSocket(
  connectionParams: ConnectionParams,
  { request, socket }: { request: IncomingMessage; socket: WebSocket },
  { database, publicUrl }: LiveUpdatesOptions,
): Promise<LiveConnection | Refusal> {
  const authorization = connectionParams?.authorization;
  if (authorization !== undefined && typeof authorization !== 'string') {
    return { code: CloseCode.Unauthorized, reason: 'connectionParams.authorization must be "Bearer <API key>".' };
  }
  const isOwnPage = isSameOrigin(request, publicUrl);
  if (!authorization && !isOwnPage && readCookie(request.headers.cookie, SESSION_COOKIE) !== undefined) {
    return { code: CloseCode.Forbidden, reason: 'Another site may not use the session cookie: send connectionParams.authorization.' };
  }
  const credentials = credentialsFromHeaders(authorization, isOwnPage ? request.headers.cookie : undefined);
  if (credentials.kind === 'none') {
    return { code: CloseCode.Unauthorized, reason: 'Sign in, or send connectionParams.authorization: "Bearer <API key>".' };
  }
  const authenticated = credentials.kind === 'invalid' ? null : await authenticate(database.db, credentials);
  if (!authenticated) return { code: CloseCode.Unauthorized, reason: refusedCredentialsMessage(credentials) };
  return {
    authenticated,
    // A key revoked or a session ended while the socket is open stops its updates at the next event.
    reauthenticate: async () => {
      const current = await authenticate(database.db, credentials);
      if (!current) socket.close(CloseCode.Unauthorized, refusedCredentialsMessage(credentials));
      return current;
    },
  };
}

/**
 * Whether the page that opened the socket is ours: its Origin is the host it connected to, or the
 * public URL (behind a proxy that rewrites Host). A browser always sends Origin with a WebSocket.
 */
function isSameOrigin(request: IncomingMessage, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return url.host === request.headers.host || url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

/** The operation to run, after the limits of an HTTP request; or why not. Subscriptions only. */
function preflightSubscription(payload: SubscribePayload, schema: GraphQLSchema, isProduction: boolean) {
  const preflight = preflightGraphQLRequest(
    { method: 'POST', header: (name) => (name === 'content-type' ? 'application/json' : undefined), body: payload, query: {} },
    schema,
    { isProduction, transport: 'websocket' },
  );
  if (!preflight.ok) return preflight.body.errors.map((error) => new GraphQLError(error.message, { extensions: error.extensions }));
  return { document: preflight.document, operationName: payload.operationName, variableValues: payload.variables };
}

/** Starting a subscription counts as a request against the caller's rate limits. */
async function takeRateLimitToken(database: Database, rateLimits: RateLimitSettings, connection: LiveConnection): Promise<GraphQLError | undefined> {
  const decision = await takeRateLimitTokens(database.db, rateLimitBuckets(rateLimits, { actor: connection.authenticated.actor }));
  if (decision.isAllowed) return undefined;
  return new GraphQLError(rateLimitedMessage(decision.retryAfterSeconds), { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds } });
}
