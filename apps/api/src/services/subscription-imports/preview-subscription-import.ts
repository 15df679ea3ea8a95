/**
 * `subscriptionImportPreview`: reads a CSV file of subscriptions bought elsewhere and stores it as
 * an import in PREVIEW — every row with its cells and, for an invalid row, what is wrong with it
 * (the domain's `readExternalSubscriptionCsv`, and a customer domain or SKU the partner cannot see).
 * Nothing is registered until the import is started; the other rules run then, row by row.
 * A file for one customer (`customerId`) may leave `customer_domain` empty.
 */
import { DomainError, readExternalSubscriptionCsv, subscriptionImportPreviewInputSchema } from '@switchyard/domain';
import { subscriptionImportRows, subscriptionImports } from '../../db/schema/index.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { findVisibleCustomer } from '../subscriptions/load-subscription.js';
import { customerIdsByDomain, offerIdsBySku, unresolvedReferenceErrors } from './import-references.js';
import { subscriptionImportAudit, subscriptionImportEvent } from './subscription-import-records.js';
import type { SubscriptionImportRecord } from './subscription-import-records.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters a statement. */
const INSERT_CHUNK = 500;

export const subscriptionImportPreview: MutationDefinition<
  typeof subscriptionImportPreviewInputSchema,
  { subscriptionImport: SubscriptionImportRecord }
> = {
  operation: 'subscriptionImportPreview',
  input: subscriptionImportPreviewInputSchema,
  payloadTables: { subscriptionImport: 'subscriptionImports' },
  async run(input, { tx, context, now }) {
    const customer = input.customerId ? await findVisibleCustomer(tx, context, input.customerId) : undefined;
    const file = readExternalSubscriptionCsv(input.csv, customer ? { customerDomain: customer.primaryDomain } : {});
    // The input schema already refused an unreadable file; this only keeps the types honest.
    if (!file.ok) throw DomainError.fromUserError(file.errors[0] ?? { code: 'VALIDATION_FAILED', message: 'The file cannot be read.' });

    const parsed = file.records.flatMap((record) => (record.value ? [record.value] : []));
    const customerIds = await customerIdsByDomain(tx, context, parsed);
    const offerIds = await offerIdsBySku(tx, context, parsed);
    const records = file.records.map((record) =>
      record.value ? { ...record, errors: unresolvedReferenceErrors(record.value, customerIds, offerIds) } : record,
    );

    const validRowCount = records.filter((record) => record.errors.length === 0).length;
    const [subscriptionImport] = await tx
      .insert(subscriptionImports)
      .values({
        partnerId: context.partner.id,
        customerId: customer?.id ?? null,
        fileName: input.fileName,
        status: 'PREVIEW',
        rowCount: records.length,
        validRowCount,
        createdByLabel: context.actor.label,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!subscriptionImport) throw new Error('subscriptionImportPreview: the insert returned no row');

    for (let start = 0; start < records.length; start += INSERT_CHUNK) {
      await tx.insert(subscriptionImportRows).values(
        records.slice(start, start + INSERT_CHUNK).map((record) => ({
          partnerId: context.partner.id,
          subscriptionImportId: subscriptionImport.id,
          rowNumber: record.rowNumber,
          cells: record.cells,
          outcome: record.errors.length === 0 ? ('PENDING' as const) : ('INVALID' as const),
          errors: record.errors,
        })),
      );
    }
    return {
      payload: { subscriptionImport },
      audit: subscriptionImportAudit(null, subscriptionImport),
      events: [subscriptionImportEvent('subscriptionImport.created', subscriptionImport)],
    };
  },
};
