/**
 * One CSV export: which permission it needs, the list filters it accepts (the same as its GraphQL
 * list query's), its columns, and how to load one batch of rows after a given id. `streamCsvExport`
 * writes it batch by batch — keyset pagination on the id, so memory holds one batch whatever the
 * size of the export, and the next batch is loaded only once the client has taken the last one.
 *
 * Each batch is read in a request transaction of its own (the caller's partner, row-level security
 * on), opened only while that batch loads: a slow download never holds a pooled connection, nor
 * PGlite's only one, while it waits for the client. The export is therefore not one snapshot: a row
 * changed meanwhile shows as it was when its batch was read, and none is skipped or repeated.
 */
import type { Permission } from '@switchyard/domain';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Context } from '../context.js';
import { csvLine } from './csv.js';
import type { CsvCell } from './csv.js';

export const EXPORT_BATCH_SIZE = 1000;

/** How long a client may take to accept one batch (a few hundred KB) before it is cut off. */
export const EXPORT_DRAIN_TIMEOUT_MS = 60_000;

export interface CsvColumn<Row> {
  /** The public name integrators know from the GraphQL schema, e.g. `customer.companyName`. */
  header: string;
  value: (row: Row) => CsvCell;
}

export interface CsvExport<Filters, Row extends { id: string }> {
  /** Served at `/export/<name>.csv`. */
  name: string;
  permission: Permission;
  /** The query string's filters; anything else, or a bad value, is refused with 400. */
  filters: z.ZodType<Filters>;
  columns: readonly CsvColumn<Row>[];
  /** Up to `limit` rows the caller may see, matching `filters`, with ids after `afterId`, in id order. */
  loadBatch(context: Context, filters: Filters, afterId: string | undefined, limit: number): Promise<Row[]>;
}

/** The client went away mid-export: stop loading, nothing to answer. */
class ClientGoneError extends Error {}

/** Runs `read` in a request transaction of the caller's, and returns what it returned. */
export type InRequestTransaction = <T>(read: (context: Context) => Promise<T>) => Promise<T>;

/**
 * Writes the export to `res`, each batch read through `inRequestTransaction`. Once the header line
 * has gone out the status cannot change: a failure after that destroys the connection, so the
 * client sees a broken download rather than a file that looks complete.
 */
export async function streamCsvExport<Filters, Row extends { id: string }>(
  res: Response,
  csvExport: CsvExport<Filters, Row>,
  inRequestTransaction: InRequestTransaction,
  filters: Filters,
): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${csvExport.name}-${date}.csv"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    // The byte order mark makes spreadsheet programs read the file as UTF-8 (accents in names).
    await write(res, `\uFEFF${csvLine(csvExport.columns.map((column) => column.header))}`);
    let afterId: string | undefined;
    for (;;) {
      const rows = await inRequestTransaction((context) => csvExport.loadBatch(context, filters, afterId, EXPORT_BATCH_SIZE));
      if (rows.length > 0) await write(res, rows.map((row) => csvLine(csvExport.columns.map((column) => column.value(row)))).join(''));
      if (rows.length < EXPORT_BATCH_SIZE) break;
      afterId = rows.at(-1)?.id;
    }
    res.end();
  } catch (error) {
    if (error instanceof ClientGoneError) return;
    res.destroy();
    throw error;
  }
}

/**
 * Resolves once `chunk` is handed to the socket, or after 'drain' when its buffer is full
 * (backpressure). Rejects when the client goes away, or takes longer than EXPORT_DRAIN_TIMEOUT_MS.
 */
function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGoneError());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timeout);
      res.off('drain', onDrain);
      res.off('close', onClose);
      outcome();
    };
    const onDrain = () => settle(resolve);
    const onClose = () => settle(() => reject(new ClientGoneError()));
    const timeout = setTimeout(() => settle(() => {
      res.destroy();
      reject(new ClientGoneError());
    }), EXPORT_DRAIN_TIMEOUT_MS);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
