/**
 * The result report of an import as CSV: every row of the file with its outcome, the subscription
 * it became and why it was invalid or refused (codes, then `column: message` per error) — the file
 * to correct and import again.
 */
import { EXTERNAL_SUBSCRIPTION_CSV_COLUMNS, toCsv } from '@switchyard/domain';
import type { UserError } from '@switchyard/domain';
import { asc, eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { subscriptionImportRows } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';

export const REPORT_COLUMNS = ['row', 'outcome', ...EXTERNAL_SUBSCRIPTION_CSV_COLUMNS, 'subscription_id', 'error_codes', 'errors'] as const;

/** "column: message" per error, one after the other. */
export function describeRowErrors(errors: readonly UserError[]): string {
  return errors.map((error) => (error.field?.[0] ? `${error.field[0]}: ${error.message}` : error.message)).join(' | ');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; the file's cells are the
 * uploader's text, so such a cell is written with a leading apostrophe to stay text.
 */
function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export async function subscriptionImportReportCsv(tx: AppTransaction, subscriptionImportId: string): Promise<string> {
  const rows = await tx
    .select()
    .from(subscriptionImportRows)
    .where(eq(subscriptionImportRows.subscriptionImportId, subscriptionImportId))
    .orderBy(asc(subscriptionImportRows.rowNumber));
  return toCsv([
    REPORT_COLUMNS,
    ...rows.map((row) =>
      [
        String(row.rowNumber),
        row.outcome,
        ...EXTERNAL_SUBSCRIPTION_CSV_COLUMNS.map((column) => row.cells[column] ?? ''),
        row.subscriptionId ? encodeGlobalId('Subscription', row.subscriptionId) : '',
        [...new Set(row.errors.map((error) => error.code))].join(' '),
        describeRowErrors(row.errors),
      ].map(inert),
    ),
  ]);
}
