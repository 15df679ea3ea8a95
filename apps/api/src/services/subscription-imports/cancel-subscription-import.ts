/**
 * `subscriptionImportCancel`: stops an import before it completes. Rows already registered stay
 * registered; the rows still waiting become SKIPPED. The job takes the import's lock before each
 * batch, so a cancellation lands between two batches, never inside one.
 */
import { assertAllowed, checkSubscriptionImportCancel, subscriptionImportCancelInputSchema } from '@switchyard/domain';
import { and, eq } from 'drizzle-orm';
import { subscriptionImportRows, subscriptionImports } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { subscriptionImportAudit, subscriptionImportEvent } from './subscription-import-records.js';
import type { SubscriptionImportRecord } from './subscription-import-records.js';
import { lockSubscriptionImport } from './start-subscription-import.js';

export const subscriptionImportCancel: MutationDefinition<
  typeof subscriptionImportCancelInputSchema,
  { subscriptionImport: SubscriptionImportRecord }
> = {
  operation: 'subscriptionImportCancel',
  input: subscriptionImportCancelInputSchema,
  payloadTables: { subscriptionImport: 'subscriptionImports' },
  async run(input, { tx, context, now }) {
    const before = await lockSubscriptionImport(tx, context, input);
    assertAllowed(checkSubscriptionImportCancel(before));
    await tx
      .update(subscriptionImportRows)
      .set({ outcome: 'SKIPPED', processedAt: now })
      .where(and(eq(subscriptionImportRows.subscriptionImportId, before.id), eq(subscriptionImportRows.outcome, 'PENDING')));
    const [subscriptionImport] = await tx
      .update(subscriptionImports)
      .set({ status: 'CANCELLED', finishedAt: now, ...nextVersion(subscriptionImports, now) })
      .where(eq(subscriptionImports.id, before.id))
      .returning();
    if (!subscriptionImport) throw new Error('subscriptionImportCancel: the update returned no row');
    return {
      payload: { subscriptionImport },
      audit: subscriptionImportAudit(before, subscriptionImport),
      events: [subscriptionImportEvent('subscriptionImport.cancelled', subscriptionImport)],
    };
  },
};
