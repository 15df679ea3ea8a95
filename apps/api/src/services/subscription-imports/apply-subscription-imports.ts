/**
 * The import job: registers the valid rows of started imports, each on its own, through the same
 * `runMutation(subscriptionRegisterExternal)` as a registration by hand — so the same rules refuse
 * the same rows (an unknown customer or offer, no active relationship, a duplicate…) and each
 * applied row writes its own audit event and outbox event, as whoever started the import.
 *
 * Work goes in batches, each one transaction acting for the import's partner (row-level security
 * applies): lock the import (a cancellation waits for the batch, and two workers take turns), take
 * the next PENDING rows in row order, apply each under its own savepoint, record APPLIED or REFUSED,
 * add the batch to the import's counters, commit. A worker that dies mid-batch commits nothing of
 * it: those rows are still PENDING and the next run applies them, exactly once.
 */
import {
  externalSubscriptionCsvRowSchema,
  MUTATION_PERMISSIONS,
  parseInput,
  roleAllows,
  toSubscriptionRegisterExternalInput,
} from '@switchyard/domain';
import type { ExternalSubscriptionCsvRow, UserError } from '@switchyard/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { loadActor } from '../../auth/authenticate.js';
import type { Actor, Context } from '../../context.js';
import type { AppTransaction, Database } from '../../db/client.js';
import { withPartnerTransaction } from '../../db/partner-transaction.js';
import { partners, subscriptionImportRows, subscriptionImports } from '../../db/schema/index.js';
import type { ImportActor } from '../../db/schema/index.js';
import { writeAuditEvent, writeOutboxEvents } from '../mutation/audit.js';
import { nextVersion } from '../mutation/lock-row.js';
import { runMutation } from '../mutation/run-mutation.js';
import { subscriptionRegisterExternal } from '../subscriptions/register-external-subscription.js';
import { customerIdsByDomain, offerIdsBySku, unresolvedReferenceErrors } from './import-references.js';
import { subscriptionImportAudit, subscriptionImportEvent } from './subscription-import-records.js';
import type { SubscriptionImportRecord } from './subscription-import-records.js';

export interface ApplySubscriptionImportsResult {
  imports: number;
  applied: number;
  refused: number;
}

/** Rows per transaction: progress shows every batch, and a batch holds PGlite's one connection briefly. */
const DEFAULT_BATCH_SIZE = 50;

export interface ApplySubscriptionImportsOptions {
  now?: Date;
  batchSize?: number;
  /** Stop each import after this many batches (a test's view of an import half done); default: none. */
  maxBatches?: number;
}

/** Applies every started import until none has a row left. */
export async function applySubscriptionImports(
  database: Database,
  { now = new Date(), batchSize = DEFAULT_BATCH_SIZE, maxBatches = Infinity }: ApplySubscriptionImportsOptions = {},
): Promise<ApplySubscriptionImportsResult> {
  const result: ApplySubscriptionImportsResult = { imports: 0, applied: 0, refused: 0 };
  // System work, on the root connection: which imports wait, whoever's they are.
  const waiting = await database.db
    .select({ id: subscriptionImports.id, partnerId: subscriptionImports.partnerId })
    .from(subscriptionImports)
    .where(inArray(subscriptionImports.status, ['QUEUED', 'RUNNING']))
    .orderBy(asc(subscriptionImports.createdAt));
  for (const { id, partnerId } of waiting) {
    result.imports += 1;
    for (let batches = 0; batches < maxBatches; batches += 1) {
      const batch = await withPartnerTransaction(database, partnerId, (tx) => applyBatch(tx, id, { now, batchSize }));
      result.applied += batch.applied;
      result.refused += batch.refused;
      if (batch.isDone) break;
    }
  }
  return result;
}

interface BatchResult {
  applied: number;
  refused: number;
  isDone: boolean;
}

async function applyBatch(
  tx: AppTransaction,
  importId: string,
  { now, batchSize }: { now: Date; batchSize: number },
): Promise<BatchResult> {
  const [subscriptionImport] = await tx.select().from(subscriptionImports).where(eq(subscriptionImports.id, importId)).for('update');
  if (!subscriptionImport?.startedBy || (subscriptionImport.status !== 'QUEUED' && subscriptionImport.status !== 'RUNNING')) {
    return { applied: 0, refused: 0, isDone: true };
  }
  const rows = await tx
    .select()
    .from(subscriptionImportRows)
    .where(and(eq(subscriptionImportRows.subscriptionImportId, importId), eq(subscriptionImportRows.outcome, 'PENDING')))
    .orderBy(asc(subscriptionImportRows.rowNumber))
    .limit(batchSize);
  if (rows.length === 0) {
    await complete(tx, subscriptionImport, now);
    return { applied: 0, refused: 0, isDone: true };
  }

  // The rows are registered as whoever started the import, as that person or key is now: disabled,
  // revoked or without the permission since, the remaining rows are refused, not registered.
  const starter = await loadActor(tx, subscriptionImport.startedBy);
  const actor = starter?.actor.partnerId === subscriptionImport.partnerId ? starter.actor : undefined;
  const refusal = actor && roleAllows(actor.role, IMPORT_PERMISSION) ? undefined : starterRefusal(subscriptionImport.startedBy);
  const context = await importContext(tx, subscriptionImport, actor ?? { ...subscriptionImport.startedBy, partnerId: subscriptionImport.partnerId }, now);
  const parsedRows = rows.map((row) => ({ row, parsed: parseInput(externalSubscriptionCsvRowSchema, row.cells) }));
  const valid = parsedRows.flatMap(({ parsed }) => (parsed.ok ? [parsed.value] : []));
  const customerIds = await customerIdsByDomain(tx, context, valid);
  const offerIds = await offerIdsBySku(tx, context, valid);

  let applied = 0;
  let refused = 0;
  for (const { row, parsed } of parsedRows) {
    const outcome = refusal
      ? { errors: [refusal] }
      : parsed.ok
        ? await applyRow(context, parsed.value, customerIds, offerIds)
        : { errors: parsed.errors };
    if ('subscriptionId' in outcome) applied += 1;
    else refused += 1;
    await tx
      .update(subscriptionImportRows)
      .set(
        'subscriptionId' in outcome
          ? { outcome: 'APPLIED', subscriptionId: outcome.subscriptionId, processedAt: now }
          : { outcome: 'REFUSED', errors: outcome.errors, processedAt: now },
      )
      .where(eq(subscriptionImportRows.id, row.id));
  }
  await tx
    .update(subscriptionImports)
    .set({
      status: 'RUNNING',
      processedRowCount: sql`${subscriptionImports.processedRowCount} + ${applied + refused}`,
      appliedRowCount: sql`${subscriptionImports.appliedRowCount} + ${applied}`,
      refusedRowCount: sql`${subscriptionImports.refusedRowCount} + ${refused}`,
      updatedAt: now,
    })
    .where(eq(subscriptionImports.id, importId));
  return { applied, refused, isDone: false };
}

const IMPORT_PERMISSION = MUTATION_PERMISSIONS.subscriptionRegisterExternal;

function starterRefusal(startedBy: ImportActor): UserError {
  return {
    code: 'FORBIDDEN',
    message: `${startedBy.label}, who started this import, can no longer register subscriptions (disabled, revoked or another role), so this row was not registered.`,
  };
}

/** One row through `subscriptionRegisterExternal`, under its own savepoint. */
async function applyRow(
  context: Context,
  row: ExternalSubscriptionCsvRow,
  customerIds: Map<string, string>,
  offerIds: Map<string, string>,
): Promise<{ subscriptionId: string } | { errors: UserError[] }> {
  const customerId = customerIds.get(row.customer_domain);
  const offerId = offerIds.get(row.offer_sku.toLowerCase());
  // Checked at preview too; a customer or offer can disappear from view since.
  if (!customerId || !offerId) return { errors: unresolvedReferenceErrors(row, customerIds, offerIds) };

  const payload = await runMutation(context, subscriptionRegisterExternal, toSubscriptionRegisterExternalInput(row, { customerId, offerId }));
  if (payload.subscription && payload.userErrors.length === 0) return { subscriptionId: payload.subscription.id };
  return { errors: payload.userErrors.map(toColumnError) };
}

/** The registration's input fields, as the file's columns. */
const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  customerId: 'customer_domain',
  offerId: 'offer_sku',
  channel: 'channel',
  externalReference: 'external_reference',
  quantity: 'quantity',
  termStart: 'term_start',
  termEnd: 'term_end',
  status: 'status',
  autoRenew: 'auto_renew',
  services: 'services',
};

function toColumnError(error: UserError): UserError {
  const name = error.field?.[0] === 'input' ? error.field[1] : error.field?.[0];
  const column = name ? COLUMN_OF_FIELD[name] : undefined;
  return column ? { code: error.code, message: error.message, field: [column] } : { code: error.code, message: error.message };
}

/**
 * The context the rows are applied in: the batch's transaction, acting for the import's partner as
 * whoever started it — the audit log names that user or key for every subscription registered.
 */
async function importContext(tx: AppTransaction, subscriptionImport: SubscriptionImportRecord, actor: Actor, now: Date): Promise<Context> {
  const [partner] = await tx.select().from(partners).where(eq(partners.id, subscriptionImport.partnerId));
  if (!partner) throw new Error(`applySubscriptionImports: the partner of import ${subscriptionImport.id} is missing`);
  return {
    requestId: `subscription-import:${subscriptionImport.id}`,
    requestedAt: now,
    isAuthenticated: true,
    actor,
    partner,
    db: tx,
    idempotencyKey: undefined,
    publicUrl: '',
    outcome: { operationType: 'mutation', hasErrors: false },
    isRequestTransaction: false,
    actForTokenHolder: () => Promise.reject(new Error('An import row is not a token-authorised operation')),
  };
}

/** No row left: the import is complete, audited as the system's doing. */
async function complete(tx: AppTransaction, before: SubscriptionImportRecord, now: Date): Promise<void> {
  const [after] = await tx
    .update(subscriptionImports)
    .set({ status: 'COMPLETED', finishedAt: now, ...nextVersion(subscriptionImports, now) })
    .where(eq(subscriptionImports.id, before.id))
    .returning();
  if (!after) throw new Error('applySubscriptionImports: the completed import returned no row');
  await writeAuditEvent(tx, {
    ...subscriptionImportAudit(before, after),
    partnerId: after.partnerId,
    actor: { type: 'system', id: null, label: 'Subscription import job' },
    operation: 'subscriptionImportComplete',
    requestId: `subscription-import:${after.id}`,
    idempotencyKey: null,
    occurredAt: now,
  });
  await writeOutboxEvents(tx, [subscriptionImportEvent('subscriptionImport.completed', after)], now);
}
