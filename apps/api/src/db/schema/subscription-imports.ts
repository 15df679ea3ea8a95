/**
 * Bulk imports of subscriptions bought elsewhere (domain.md §5): one `subscription_imports` row per
 * uploaded CSV file, and one `subscription_import_rows` row per data row of it — its cells as
 * written, why it is invalid or was refused, and the subscription it became. The background job
 * applies PENDING rows in order and keeps the import's counters (src/services/subscription-imports/).
 */
import type { ErrorCode, Role, UserError } from '@switchyard/domain';
import { SUBSCRIPTION_IMPORT_ROW_OUTCOMES, SUBSCRIPTION_IMPORT_STATUSES } from '@switchyard/domain';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.js';
import { customers } from './customers.js';
import { partners } from './partners.js';
import { subscriptions } from './subscriptions.js';

export const subscriptionImportStatusEnum = pgEnum('subscription_import_status', SUBSCRIPTION_IMPORT_STATUSES);
export const subscriptionImportRowOutcomeEnum = pgEnum('subscription_import_row_outcome', SUBSCRIPTION_IMPORT_ROW_OUTCOMES);

/** Who started an import: the job applies its rows as this actor, with this role. */
export interface ImportActor {
  type: 'user' | 'apiKey';
  id: string;
  role: Role;
  label: string;
}

export const subscriptionImports = pgTable(
  'subscription_imports',
  {
    id: id(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    /** Set when the file is for one customer (its rows may leave `customer_domain` empty). */
    customerId: uuid('customer_id').references(() => customers.id),
    fileName: text('file_name').notNull(),
    status: subscriptionImportStatusEnum('status').notNull().default('PREVIEW'),
    rowCount: integer('row_count').notNull(),
    validRowCount: integer('valid_row_count').notNull(),
    /** Valid rows the job has applied or refused so far. */
    processedRowCount: integer('processed_row_count').notNull().default(0),
    appliedRowCount: integer('applied_row_count').notNull().default(0),
    refusedRowCount: integer('refused_row_count').notNull().default(0),
    /** Email or key name of whoever uploaded the file. */
    createdByLabel: text('created_by_label').notNull(),
    startedBy: jsonb('started_by').$type<ImportActor>(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('subscription_imports_partner_idx').on(t.partnerId, t.createdAt.desc()),
    index('subscription_imports_unfinished_idx').on(t.status).where(sql`${t.status} in ('QUEUED', 'RUNNING')`),
  ],
);

export const subscriptionImportRows = pgTable(
  'subscription_import_rows',
  {
    id: id(),
    /** The import's partner, so rows are row-level secured without a join. */
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    subscriptionImportId: uuid('subscription_import_id')
      .notNull()
      .references(() => subscriptionImports.id, { onDelete: 'cascade' }),
    /** As a spreadsheet numbers it: the header is row 1. */
    rowNumber: integer('row_number').notNull(),
    /** The row's cells by column name, as written in the file. */
    cells: jsonb('cells').$type<Record<string, string>>().notNull(),
    outcome: subscriptionImportRowOutcomeEnum('outcome').notNull(),
    /** INVALID: what validation found; REFUSED: why registering it was refused. `field` names the column. */
    errors: jsonb('errors').$type<(UserError & { code: ErrorCode })[]>().notNull().default([]),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id),
    processedAt: at('processed_at'),
  },
  (t) => [
    unique('subscription_import_rows_import_row_key').on(t.subscriptionImportId, t.rowNumber),
    index('subscription_import_rows_outcome_idx').on(t.subscriptionImportId, t.outcome, t.rowNumber),
  ],
);
