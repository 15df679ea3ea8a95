/**
 * `transferReject` (domain.md §7): the source partner says no, with a reason the requester reads.
 * The transfer becomes `REJECTED` and its line items let their subscriptions go (`CANCELLED`), so
 * they can be in another transfer.
 */
import { checkTransferReject, transferRejectInputSchema } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { transfers } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleTransfer, releaseOpenLineItems } from './lock-transfer.js';
import { refusalOf } from './refusal.js';
import type { TransferRow } from './transfer-facts.js';
import { transferFacts } from './transfer-facts.js';
import { transferEvent, transferSnapshot } from './transfer-events.js';

export const transferReject: MutationDefinition<typeof transferRejectInputSchema, { transfer: TransferRow }> = {
  operation: 'transferReject',
  input: transferRejectInputSchema,
  payloadTables: { transfer: 'transfers' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const { transfer, lineItems } = await lockVisibleTransfer(scope, input);
    const decision = checkTransferReject({ transfer: transferFacts(transfer, lineItems), actorPartnerId: context.partner.id, now });
    if (!decision.ok) throw refusalOf(decision.errors);

    const [after] = await tx
      .update(transfers)
      .set({ status: decision.changes.status, rejectionReason: input.reason, ...nextVersion(transfers, now) })
      .where(eq(transfers.id, transfer.id))
      .returning();
    if (!after) throw new Error('transferReject: the transfer vanished');
    const lineItemsAfter = await releaseOpenLineItems(tx, transfer.id, now);
    return {
      payload: { transfer: after },
      audit: {
        targetType: 'Transfer',
        targetIds: [transfer.id, ...lineItems.map((item) => item.subscriptionId)],
        before: transferSnapshot(transfer, lineItems),
        after: transferSnapshot(after, lineItemsAfter),
      },
      events: [transferEvent('transfer.rejected', after, lineItemsAfter)],
    };
  },
};
