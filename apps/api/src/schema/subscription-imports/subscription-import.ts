/**
 * SubscriptionImport and SubscriptionImportRow: a CSV file of subscriptions bought elsewhere, its
 * progress while the background job registers its rows, and each row's outcome; and
 * `subscriptionImports`, the list of the partner's imports. Read with `subscriptions:read`; the
 * mutations (subscription-import-mutations.ts) need the permission that registers subscriptions.
 */
import type { SUBSCRIPTION_IMPORT_ROW_OUTCOMES, SUBSCRIPTION_IMPORT_STATUSES } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { subscriptionImports } from '../../db/schema/index.js';
import { subscriptionImportReportCsv } from '../../services/subscription-imports/subscription-import-report.js';
import { registerNodeVisibility } from '../node-visibility.js';
import { plannedRows } from '../planned-rows.js';
import { UserErrorType } from '../user-error.js';
import {
  IMPORTS_READ_PERMISSION,
  ownSubscriptionImportRowsFilter,
  ownSubscriptionImportsFilter,
  visibleSubscriptionImportIds,
  visibleSubscriptionImportRowIds,
} from './visibility.js';

export const SubscriptionImportStatusEnum = builder.enumType('SubscriptionImportStatus', {
  description: 'Where an import stands.',
  values: {
    PREVIEW: { value: 'PREVIEW', description: 'Read and checked; nothing registered yet. Start it with `subscriptionImportStart`.' },
    QUEUED: { value: 'QUEUED', description: 'Started; waiting for the background job.' },
    RUNNING: { value: 'RUNNING', description: 'The background job is registering its rows.' },
    COMPLETED: { value: 'COMPLETED', description: 'Every valid row was registered or refused.' },
    CANCELLED: { value: 'CANCELLED', description: 'Stopped before the end; rows already registered stay.' },
  } as const satisfies Record<(typeof SUBSCRIPTION_IMPORT_STATUSES)[number], { value: string; description: string }>,
});

export const SubscriptionImportRowOutcomeEnum = builder.enumType('SubscriptionImportRowOutcome', {
  description: 'What became of one row of an imported file.',
  values: {
    INVALID: { value: 'INVALID', description: 'The row failed validation (see `errors`): it is never registered.' },
    PENDING: { value: 'PENDING', description: 'Valid, not registered yet.' },
    APPLIED: { value: 'APPLIED', description: 'Registered: `subscription` is the subscription it became.' },
    REFUSED: { value: 'REFUSED', description: 'Registering it was refused by the same rules as `subscriptionRegisterExternal` (see `errors`).' },
    SKIPPED: { value: 'SKIPPED', description: 'The import was cancelled before its turn.' },
  } as const satisfies Record<(typeof SUBSCRIPTION_IMPORT_ROW_OUTCOMES)[number], { value: string; description: string }>,
});

const SubscriptionImportCell = builder.objectRef<{ column: string; value: string }>('SubscriptionImportCell').implement({
  description: 'One cell of a row, as written in the file.',
  fields: (t) => ({
    column: t.exposeString('column', { description: 'The column, e.g. `term_start`.' }),
    value: t.exposeString('value'),
  }),
});

export const SubscriptionImportRow = builder.drizzleNode('subscriptionImportRows', {
  name: 'SubscriptionImportRow',
  description: 'One data row of an imported file and its outcome.',
  id: { column: (row) => row.id },
  authScopes: { permission: IMPORTS_READ_PERMISSION },
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { description: 'As a spreadsheet numbers it: the header is row 1, the first data row is row 2.' }),
    cells: t.field({
      type: [SubscriptionImportCell],
      description: 'The row’s cells, in the format’s column order.',
      resolve: (row) => Object.entries(row.cells).map(([column, value]) => ({ column, value })),
    }),
    outcome: t.expose('outcome', { type: SubscriptionImportRowOutcomeEnum }),
    errors: t.field({
      type: [UserErrorType],
      description: 'INVALID: what validation found; REFUSED: why registering it was refused. `field` is the column, e.g. `["term_end"]`.',
      resolve: (row) => row.errors,
    }),
    subscription: t.relation('subscription', { nullable: true, description: 'The subscription an APPLIED row became.' }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true, description: 'When it was registered, refused or skipped.' }),
  }),
});

export const SubscriptionImport = builder.drizzleNode('subscriptionImports', {
  name: 'SubscriptionImport',
  description:
    'A CSV file of subscriptions bought elsewhere, registered in bulk: previewed, then started, then applied row by row by a background job. Poll it (or `node(id:)`) for progress.',
  id: { column: (subscriptionImport) => subscriptionImport.id },
  authScopes: { permission: IMPORTS_READ_PERMISSION },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    status: t.expose('status', { type: SubscriptionImportStatusEnum }),
    customer: t.relation('customer', { nullable: true, description: 'The one customer the file is for, when it was uploaded for one.' }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows in the file.' }),
    validRowCount: t.exposeInt('validRowCount', { description: 'Rows that passed validation: the ones the job registers.' }),
    invalidRowCount: t.int({ description: 'Rows that failed validation (outcome INVALID).', resolve: (row) => row.rowCount - row.validRowCount }),
    processedRowCount: t.exposeInt('processedRowCount', { description: 'Valid rows registered or refused so far.' }),
    appliedRowCount: t.exposeInt('appliedRowCount', { description: 'Rows registered as subscriptions.' }),
    refusedRowCount: t.exposeInt('refusedRowCount', { description: 'Valid rows whose registration was refused.' }),
    progress: t.float({
      description: 'processedRowCount / validRowCount, from 0 to 1 (1 when there is nothing to process).',
      resolve: (row) => (row.validRowCount === 0 ? 1 : row.processedRowCount / row.validRowCount),
    }),
    createdByLabel: t.exposeString('createdByLabel', { description: 'Email or key name of whoever uploaded the file.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it completed or was cancelled.' }),
    version: t.exposeInt('version', { description: 'Send it back as `expectedVersion`; progress does not change it, status changes do.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    rows: t.relatedConnection('rows', {
      description: 'The file’s rows in file order, optionally only those with some outcomes.',
      totalCount: true,
      args: {
        outcomes: t.arg({ type: [SubscriptionImportRowOutcomeEnum], description: 'Only rows with one of these outcomes.' }),
      },
      query: (args, context) => ({
        where: {
          RAW: (table) => ownSubscriptionImportRowsFilter(context, table),
          ...(args.outcomes && args.outcomes.length > 0 ? { outcome: { in: args.outcomes } } : {}),
        },
        orderBy: { rowNumber: 'asc' },
      }),
    }),
    reportCsv: t.string({
      description:
        'The result report as CSV: every row with its outcome, the subscription id it became and its errors (`column: message`, separated by ` | `). Read it once the import is COMPLETED.',
      resolve: (subscriptionImport, _args, context) => subscriptionImportReportCsv(context.db, subscriptionImport.id),
    }),
  }),
});

registerNodeVisibility('SubscriptionImport', visibleSubscriptionImportIds);
registerNodeVisibility('SubscriptionImportRow', visibleSubscriptionImportRowIds);

builder.queryField('subscriptionImports', (t) =>
  t.drizzleConnection({
    type: SubscriptionImport,
    description: 'Your organisation’s subscription imports, newest first.',
    authScopes: { permission: IMPORTS_READ_PERMISSION },
    totalCount: (_parent, _args, context) => context.db.$count(subscriptionImports, ownSubscriptionImportsFilter(context)),
    resolve: (query, _parent, _args, context) =>
      plannedRows(
        'subscriptionImports',
        context.db.query.subscriptionImports.findMany(
          query({ where: { RAW: (table) => ownSubscriptionImportsFilter(context, table) }, orderBy: { createdAt: 'desc', id: 'desc' } }),
        ),
      ),
  }),
);
