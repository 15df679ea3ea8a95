/**
 * `subscriptionImportStart`: queues a previewed import for the background job, which registers its
 * valid rows one by one as whoever started it (src/services/subscription-imports/apply-subscription-imports.ts).
 * An import starts once: a second start is refused with INVALID_TRANSITION.
 */
import { assertAllowed, checkSubscriptionImportStart, subscriptionImportStartInputSchema } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { AppTransaction } from '../../db/client.js';
import { subscriptionImports } from '../../db/schema/index.js';
import { ownSubscriptionImportsFilter } from '../../schema/subscription-imports/visibility.js';
import { lockRow, nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { subscriptionImportAudit, subscriptionImportEvent } from './subscription-import-records.js';
import type { SubscriptionImportRecord } from './subscription-import-records.js';

export const subscriptionImportStart: MutationDefinition<
  typeof subscriptionImportStartInputSchema,
  { subscriptionImport: SubscriptionImportRecord }
> = {
  operation: 'subscriptionImportStart',
  input: subscriptionImportStartInputSchema,
  payloadTables: { subscriptionImport: 'subscriptionImports' },
  async run(input, { tx, context, now }) {
    const before = await lockSubscriptionImport(tx, context, input);
    assertAllowed(checkSubscriptionImportStart(before));
    const { actor } = context;
    const [subscriptionImport] = await tx
      .update(subscriptionImports)
      .set({
        status: 'QUEUED',
        startedBy: { type: actor.type, id: actor.id, role: actor.role, label: actor.label },
        startedAt: now,
        ...nextVersion(subscriptionImports, now),
      })
      .where(eq(subscriptionImports.id, before.id))
      .returning();
    if (!subscriptionImport) throw new Error('subscriptionImportStart: the update returned no row');
    return {
      payload: { subscriptionImport },
      audit: subscriptionImportAudit(before, subscriptionImport),
      events: [subscriptionImportEvent('subscriptionImport.started', subscriptionImport)],
    };
  },
};

/** The import named by the input, locked: the job and a cancellation take turns with it. */
export function lockSubscriptionImport(
  tx: AppTransaction,
  context: Context,
  input: { subscriptionImportId: string; expectedVersion?: number | undefined },
): Promise<SubscriptionImportRecord> {
  return lockRow(tx, subscriptionImports, {
    globalId: input.subscriptionImportId,
    typename: 'SubscriptionImport',
    visible: ownSubscriptionImportsFilter(context),
    field: ['subscriptionImportId'],
    expectedVersion: input.expectedVersion,
    noun: 'import',
  });
}
