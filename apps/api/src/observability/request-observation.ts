/**
 * The first step of every request (Express's first middleware, and the GraphQL endpoint's first
 * call): gives the request its id — the caller's `X-Request-Id` when
 * it is a sane token (a load balancer's or the client's), otherwise a new UUID — and answers with
 * it; runs the rest of the request in a log context carrying it (logger.ts); and when the answer is
 * finished writes one access-log line and the HTTP metrics. The line has method, path (without the
 * query string, which may hold variables), route, status, duration, request id and partner id —
 * never headers, cookies or bodies.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { LogContext, Logger } from '../logger.js';
import { runWithLogContext } from '../logger.js';
import type { Metrics } from './metrics.js';

const SANE_REQUEST_ID = /^[\w.:-]{8,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The request's log context (set by `observeRequests`). */
export function logContextOf(res: Response): LogContext {
  return (res.locals.logContext as LogContext | undefined) ?? {};
}

export interface ObservationDeps {
  logger: Logger;
  metrics: Pick<Metrics, 'recordHttpRequest'>;
}

/**
 * Starts observing one request: sets its `X-Request-Id` and, when the answer is finished, writes
 * the access-log line and the HTTP metrics with the `path` and `route` that `labels` gives then.
 * Returns the log context to run the request in. Express routes get it from `observeRequests`;
 * the GraphQL endpoint, which Express does not route (../graphql-endpoint.ts), calls it directly.
 */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { logger, metrics }: ObservationDeps,
  labels: (status: number) => { path: string; route: string },
): LogContext {
  const header = req.headers['x-request-id'];
  const context: LogContext = { requestId: requestIdFrom(typeof header === 'string' ? header : undefined) };
  res.setHeader('X-Request-Id', context.requestId!);
  const startedAt = process.hrtime.bigint();
  res.once('close', () => {
    const durationSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    // 499 (nginx's "client closed request"): the caller left before the answer was complete.
    const status = res.writableFinished ? res.statusCode : 499;
    const { path, route } = labels(status);
    metrics.recordHttpRequest({ method: req.method ?? 'GET', route, status }, durationSeconds);
    logger.info('request', { ...context, method: req.method, path, route, status, durationMs: Math.round(durationSeconds * 1000) });
  });
  return context;
}

export function observeRequests(deps: ObservationDeps): RequestHandler {
  return (req, res, next) => {
    const context = observeRequest(req, res, deps, (status) => ({ path: req.path, route: routeLabel(req, status) }));
    res.locals.logContext = context;
    runWithLogContext(context, next);
  };
}

/**
 * `handler`, then the rest of the request back in its log context. Body parsers call `next` from
 * stream events, which run outside it: `keepingLogContext(express.json())`.
 */
export function keepingLogContext(handler: RequestHandler): RequestHandler {
  return (req, res, next) =>
    handler(req, res, (error?: unknown) => {
      runWithLogContext(logContextOf(res), () => next(error));
    });
}

/** A bounded set of labels: the matched route's pattern, never the raw path. */
function routeLabel(req: Request, status: number): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return route;
  if (route !== undefined) return '/(admin app)';
  return status === 404 ? '(unmatched)' : '(static)';
}
