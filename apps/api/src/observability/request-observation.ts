/**
 * The first middleware of every route: gives the request its id — the caller's `X-Request-Id` when
 * it is a sane token (a load balancer's or the client's), otherwise a new UUID — and answers with
 * it; runs the rest of the request in a log context carrying it (logger.ts); and when the answer is
 * finished writes one access-log line and the HTTP metrics. The line has method, path (without the
 * query string, which may hold variables), route, status, duration, request id and partner id —
 * never headers, cookies or bodies.
 */
import { randomUUID } from 'node:crypto';
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

export function observeRequests({ logger, metrics }: { logger: Logger; metrics: Pick<Metrics, 'recordHttpRequest'> }): RequestHandler {
  return (req, res, next) => {
    const context: LogContext = { requestId: requestIdFrom(req.get('x-request-id')) };
    res.locals.logContext = context;
    res.setHeader('X-Request-Id', context.requestId!);
    const startedAt = process.hrtime.bigint();
    res.once('close', () => {
      const durationSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      // 499 (nginx's "client closed request"): the caller left before the answer was complete.
      const status = res.writableFinished ? res.statusCode : 499;
      const route = routeLabel(req, status);
      metrics.recordHttpRequest({ method: req.method, route, status }, durationSeconds);
      logger.info('request', { ...context, method: req.method, path: req.path, route, status, durationMs: Math.round(durationSeconds * 1000) });
    });
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
