/**
 * The CSV exports (`GET /export/customers.csv`, `GET /export/subscriptions.csv`): the same lists,
 * filters and visibility as the `customers` and `subscriptions` queries, streamed as a download for
 * people who work in spreadsheets. Each request passes the same door as `/graphql` (credentials,
 * rate limit; ../auth/admit-request.ts), needs the list's read permission, and reads in the caller's
 * request transactions (one per batch), so row-level security applies exactly as it does to GraphQL.
 *
 * Refusals are JSON: `{ "error": { "code", "message" } }` with 400, 401, 403 or 429.
 */
import { randomUUID } from 'node:crypto';
import { requirePermission } from '@switchyard/domain';
import type { Express, Request, Response } from 'express';
import { admitRequest } from '../auth/admit-request.js';
import { withRequestContext } from '../context.js';
import type { Database } from '../db/client.js';
import { unauthenticatedError } from '../errors.js';
import type { RateLimitSettings } from '../limits/rate-limit.js';
import { logContextOf } from '../observability/request-observation.js';
import { streamCsvExport } from './csv-export.js';
import type { CsvExport } from './csv-export.js';
import { customersExport } from './customers-export.js';
import { subscriptionsExport } from './subscriptions-export.js';

export interface ExportRouteOptions {
  database: Database;
  rateLimits: RateLimitSettings;
  publicUrl: string;
}

export function mountExportRoutes(app: Express, options: ExportRouteOptions): void {
  app.get(`/export/${customersExport.name}.csv`, (req, res) => serveExport(req, res, customersExport, options));
  app.get(`/export/${subscriptionsExport.name}.csv`, (req, res) => serveExport(req, res, subscriptionsExport, options));
}

async function serveExport<Filters, Row extends { id: string }>(
  req: Request,
  res: Response,
  csvExport: CsvExport<Filters, Row>,
  { database, rateLimits, publicUrl }: ExportRouteOptions,
): Promise<void> {
  // The id observeRequests gave the request and answered with: the access log and audit carry the same.
  const requestId = logContextOf(res).requestId ?? randomUUID();
  const admission = await admitRequest(database.db, { header: (name) => req.get(name), ip: req.ip }, res, rateLimits);
  if (!admission.isAdmitted) {
    res.status(admission.status).json({ error: { ...admission.extensions, message: admission.message } });
    return;
  }
  const { authenticated } = admission;
  if (!authenticated) {
    res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: unauthenticatedError().message } });
    return;
  }
  const permission = requirePermission(authenticated.actor.role, csvExport.permission);
  if (!permission.ok) {
    res.status(403).json({ error: permission.errors[0] });
    return;
  }
  const filters = csvExport.filters.safeParse(req.query);
  if (!filters.success) {
    const problems = filters.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
    res.status(400).json({ error: { code: 'VALIDATION_FAILED', message: `Invalid filters. ${problems.join(' ')}` } });
    return;
  }
  await streamCsvExport(
    res,
    csvExport,
    (read) => withRequestContext(database, { requestId, authenticated, publicUrl }, read),
    filters.data,
  );
}
