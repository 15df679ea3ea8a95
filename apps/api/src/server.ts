/**
 * The HTTP server: GraphQL at /graphql (POST, and GET for queries) on `node:http` directly
 * (graphql-endpoint.ts, where a request's path through the API is described), and on Express 5
 * everything else: sign-in and sign-out at /auth/*, CSV exports at /export/* (export/), /healthz,
 * /metrics, GraphiQL at /graphiql and the admin app (apps/admin/dist) at /.
 *
 * GraphQL subscriptions (live updates) use a WebSocket on the same port and path: src/live/.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServer } from '@apollo/server';
import { sql } from 'drizzle-orm';
import express from 'express';
import type { ErrorRequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { readCookie, SESSION_COOKIE } from './auth/authenticate.js';
import { acceptUserInvitation } from './auth/accept-user-invitation.js';
import { signIn, signOut } from './auth/sign-in.js';
import type { Context } from './context.js';
import type { Database } from './db/client.js';
import { assertRowLevelSecurityRoles } from './db/row-level-security.js';
import { mountExportRoutes } from './export/export-routes.js';
import { createGraphQLEndpoint, isGraphQLPath, setSecurityHeaders } from './graphql-endpoint.js';
import { createGraphQLServer } from './graphql-server.js';
import { startLiveUpdates } from './live/live-updates.js';
import type { LiveUpdates } from './live/live-updates.js';
import { DEFAULT_RATE_LIMITS } from './limits/rate-limit.js';
import type { RateLimitSettings } from './limits/rate-limit.js';
import type { Logger } from './logger.js';
import { checkMetricsAccess } from './observability/metrics-endpoint.js';
import { createMetrics } from './observability/metrics.js';
import type { Metrics } from './observability/metrics.js';
import { keepingLogContext, observeRequests } from './observability/request-observation.js';
import { encodeGlobalId } from './schema/global-id.js';

export const ADMIN_DIST_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

export interface ServerOptions {
  database: Database;
  schema: GraphQLSchema;
  logger: Logger;
  isProduction: boolean;
  sessionTtlHours: number;
  publicUrl: string;
  /** The built admin app; defaults to apps/admin/dist. */
  adminDistDir?: string;
  /** Requests a minute per actor, per partner and per anonymous address (src/limits/rate-limit.ts). */
  rateLimits?: RateLimitSettings;
  /** The process's metrics (shared with its job runner); a fresh registry when absent. */
  metrics?: Metrics;
  /** METRICS_TOKEN: a bearer token for /metrics; without it /metrics answers loopback callers only. */
  metricsToken?: string | undefined;
}

export interface RunningServer {
  /** e.g. http://localhost:4000 */
  url: string;
  port: number;
  graphQLServer: ApolloServer<Context>;
  /** GraphQL subscriptions over WebSocket (src/live/). */
  liveUpdates: Pick<LiveUpdates, 'openSubscriptions'>;
  /**
   * Closes the live-update sockets and LISTEN connection, stops accepting requests and waits for
   * in-flight ones (the database stays open: main.ts owns it).
   */
  stop(): Promise<void>;
}

const loginBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export async function startServer(options: ServerOptions & { host: string; port: number }): Promise<RunningServer> {
  // Refuse to serve if partner transactions could see past row-level security (db/row-level-security.ts).
  await assertRowLevelSecurityRoles(options.database.db);
  const app = express();
  const httpServer = createServer();
  const metrics = options.metrics ?? createMetrics(options.database, { logger: options.logger, process: 'api' });
  const graphQLServer = createGraphQLServer({ schema: options.schema, isProduction: options.isProduction, logger: options.logger, httpServer, metrics });
  await graphQLServer.start();
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const graphQLEndpoint = createGraphQLEndpoint({ ...options, graphQLServer, metrics, rateLimits });
  mountRoutes(app, { ...options, metrics, rateLimits });
  // The GraphQL endpoint skips Express (graphql-endpoint.ts says why); everything else is Express's.
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isGraphQLPath(req.url)) graphQLEndpoint(req, res);
    else void app(req, res);
  });
  // GraphQL subscriptions over WebSocket on the same port and path (src/live/).
  const liveUpdates = await startLiveUpdates({ ...options, httpServer, rateLimits });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`,
    port,
    graphQLServer,
    liveUpdates,
    // Sockets first (the drain plugin would wait for them), then the drain plugin closes the HTTP
    // server and waits for open requests.
    stop: async () => {
      await liveUpdates.close();
      await graphQLServer.stop();
    },
  };
}

function mountRoutes(app: express.Express, options: ServerOptions & { metrics: Metrics; rateLimits: RateLimitSettings }): void {
  const { database, logger, metrics, rateLimits } = options;
  const adminDistDir = options.adminDistDir ?? ADMIN_DIST_DIR;

  app.disable('x-powered-by');
  // No ETag on API answers: Express would hash every response body (SHA-1 over a page's 100 kB) for
  // a header no GraphQL client sends back. Static files keep theirs (express.static sets its own).
  app.set('etag', false);
  // First: the request id, its log context, the access-log line and the HTTP metrics (every route).
  app.use(observeRequests({ logger, metrics }));
  // `req.secure` and `req.ip` honour X-Forwarded-* from a reverse proxy on this machine only.
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    setSecurityHeaders(res);
    next();
  });
  const json = keepingLogContext(express.json({ limit: '1mb' }));

  app.get('/healthz', async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: 'ok' });
    } catch (error) {
      logger.error('Health check failed', error);
      res.status(503).json({ status: 'error', message: 'The database is unreachable.' });
    }
  });

  app.get('/metrics', async (req, res) => {
    const access = checkMetricsAccess({ authorization: req.get('authorization'), remoteAddress: req.ip }, options.metricsToken);
    if (!access.isAllowed) {
      res.status(access.status).json({ error: { code: access.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: access.message } });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.post('/auth/login', json, async (req, res) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'VALIDATION_FAILED', message: 'Send a JSON body with "email" and "password".' } });
      return;
    }
    const result = await signIn(database.db, { ...parsed.data, ipAddress: req.ip, sessionTtlHours: options.sessionTtlHours });
    if (!result.ok) {
      res.status(result.code === 'LOGIN_THROTTLED' ? 429 : 401).json({ error: { code: result.code, message: result.message } });
      return;
    }
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: result.expiresAt,
    });
    res.json({
      user: { email: result.user.email, name: result.user.name, role: result.user.role },
      partner: { id: encodeGlobalId('Partner', result.partner.id), name: result.partner.name },
    });
  });

  // An invited user (userInvite) sets its password with the link's token and is signed in.
  app.post('/auth/accept-invitation', json, async (req, res) => {
    const result = await acceptUserInvitation(database.db, req.body, { sessionTtlHours: options.sessionTtlHours });
    if (!result.ok) {
      res.status(result.status).json({ error: result.error });
      return;
    }
    res.cookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires: result.expiresAt });
    res.json({
      user: { email: result.user.email, name: result.user.name, role: result.user.role },
      partner: { id: encodeGlobalId('Partner', result.partnerId) },
    });
  });

  app.post('/auth/logout', async (req, res) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (token) await signOut(database.db, token);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    res.status(204).end();
  });

  mountExportRoutes(app, { database, rateLimits, publicUrl: options.publicUrl });

  const hasAdminBuild = existsSync(join(adminDistDir, 'index.html'));
  app.get('/graphiql', (_req, res) => {
    const page = join(adminDistDir, 'graphiql.html');
    if (existsSync(page)) res.sendFile(page);
    else res.status(503).type('html').send(missingBuildPage('GraphiQL'));
  });
  if (hasAdminBuild) app.use(express.static(adminDistDir, { index: false, maxAge: options.isProduction ? '1h' : 0 }));
  // Single-page app: any other GET that wants HTML gets index.html, and the client-side router takes over.
  app.get(/^\/(?!graphql|auth\/|healthz|metrics).*/, (req, res, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    if (hasAdminBuild) res.sendFile(join(adminDistDir, 'index.html'));
    else res.status(503).type('html').send(missingBuildPage('The admin app'));
  });

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
  });
  const handleError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    const isClientError = status >= 400 && status < 500;
    if (!isClientError) logger.error(`${req.method} ${req.path} failed`, error);
    const code = isClientError ? 'VALIDATION_FAILED' : 'INTERNAL_SERVER_ERROR';
    const message = isClientError ? 'The request body is not valid JSON or is too large.' : 'Internal server error';
    if (res.headersSent) return;
    res.status(status).json({ error: { code, message } });
  };
  app.use(handleError);
}

function missingBuildPage(what: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchyard</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>${what} is not built yet</h1>
<p>Run <code>pnpm --filter @switchyard/admin build</code> (or <code>npm start</code>, which builds everything), then reload.</p>
<p>The GraphQL API is up at <a href="/graphql">/graphql</a>; <a href="/healthz">/healthz</a> reports its health.</p>
</body></html>`;
}
