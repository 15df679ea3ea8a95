/**
 * `transferCancel` (domain.md §7): the requester (target) withdraws while the transfer is `PENDING`
 * or `SCHEDULED`. It becomes `CANCELLED` and its open line items let their subscriptions go.
 *
 * What it does not undo:
 * - Line items that already moved (a scheduled switch whose usage-based items moved at acceptance)
 *   stay `COMPLETED`: that move happened, and the source can ask for a switch back.
 * - A cancelled `LICENSE_TRANSITION` leaves the source's auto-renew off. Turning it off was the
 *   transition's first step; turning it back on would renew an agreement outside CSP that nobody
 *   asked to renew, and the partner can turn it on again (`subscriptionUpdate`) if the customer
 *   wants. The audit entry and the `transfer.cancelled` event say so (`autoRenewRestored: false`).
 */
import { checkTransferCancel, transferCancelInputSchema } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { transfers } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { lockVisibleTransfer, releaseOpenLineItems } from './lock-transfer.js';
import { refusalOf } from './refusal.js';
import { transferFacts } from './transfer-facts.js';
import type { TransferRow } from './transfer-facts.js';
import { transferEvent, transferSnapshot } from './transfer-events.js';

export const transferCancel: MutationDefinition<typeof transferCancelInputSchema, { transfer: TransferRow }> = {
  operation: 'transferCancel',
  input: transferCancelInputSchema,
  payloadTables: { transfer: 'transfers' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const { transfer, lineItems } = await lockVisibleTransfer(scope, input);
    const decision = checkTransferCancel({ transfer: transferFacts(transfer, lineItems), actorPartnerId: context.partner.id });
    if (!decision.ok) throw refusalOf(decision.errors);

    const [after] = await tx
      .update(transfers)
      .set({ status: decision.changes.status, ...nextVersion(transfers, now) })
      .where(eq(transfers.id, transfer.id))
      .returning();
    if (!after) throw new Error('transferCancel: the transfer vanished');
    const lineItemsAfter = await releaseOpenLineItems(tx, transfer.id, now);
    const consequences = {
      reason: input.reason ?? null,
      ...(transfer.kind === 'LICENSE_TRANSITION' ? { autoRenewRestored: false } : {}),
    };
    const event = transferEvent('transfer.cancelled', after, lineItemsAfter);
    return {
      payload: { transfer: after },
      audit: {
        targetType: 'Transfer',
        targetIds: [transfer.id, ...lineItems.map((item) => item.subscriptionId)],
        before: transferSnapshot(transfer, lineItems),
        after: { ...transferSnapshot(after, lineItemsAfter), ...consequences },
      },
      events: [{ ...event, payload: { ...event.payload, ...consequences } }],
    };
  },
};
