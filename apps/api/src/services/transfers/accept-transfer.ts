/**
 * `transferAccept` (domain.md §7): the source partner lets the subscriptions go, possibly keeping
 * some (`lineItemIds` lists the ones that go; the others become `DESELECTED`; at least one goes).
 * The domain's `checkTransferAccept` decides per line item: it moves now (`COMPLETED`: the target
 * becomes seller, managing and billing partner, in place, same subscription id) or at its date
 * (`SCHEDULED`: license-based items at term end, moved later by the background job). The transfer
 * is `COMPLETED` when everything kept has moved, else `SCHEDULED` until its last date.
 */
import { checkTransferAccept, transferAcceptInputSchema } from '@switchyard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { databaseIdOf, encodeGlobalId } from '../../schema/global-id.js';
import type { OutboxEvent } from '../mutation/audit.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { subscriptionAudience, subscriptionEvent } from '../subscriptions/subscription-events.js';
import { lockVisibleTransfer } from './lock-transfer.js';
import { billingPartnerOf, switchPartnerInPlace } from './move-subscriptions.js';
import { refusalOf } from './refusal.js';
import { lockAndLoadSubscriptions, transferFacts } from './transfer-facts.js';
import type { LineItemRow, SubscriptionRow, TransferRow } from './transfer-facts.js';
import { TRANSFER_LINE_ITEM_TYPENAME, transferEvent, transferParties, transferSnapshot } from './transfer-events.js';

export const transferAccept: MutationDefinition<typeof transferAcceptInputSchema, { transfer: TransferRow; subscriptions: SubscriptionRow[] }> = {
  operation: 'transferAccept',
  input: transferAcceptInputSchema,
  payloadTables: { transfer: 'transfers', subscriptions: 'subscriptions' },
  async run(input, scope) {
    const { tx, context, now } = scope;
    const { transfer, lineItems } = await lockVisibleTransfer(scope, input);
    const subscriptionIds = lineItems.map((item) => item.subscriptionId);
    const loaded = await lockAndLoadSubscriptions(tx, subscriptionIds);

    const acceptance = checkTransferAccept({
      transfer: transferFacts(transfer, lineItems),
      actorPartnerId: context.partner.id,
      now,
      lineItemIds: input.lineItemIds?.map((id, index) => databaseIdOf(id, TRANSFER_LINE_ITEM_TYPENAME) ?? `unknown:${index}`),
      subscriptions: loaded.map((subscription) => subscription.facts),
    });
    if (!acceptance.ok) throw refusalOf(acceptance.errors);

    // Items that move now move before the transfer says so.
    const movingIds = acceptance.lineItems.filter((item) => item.status === 'COMPLETED').map((item) => item.subscriptionId);
    const moved: SubscriptionRow[] = [];
    if (movingIds.length > 0) {
      const billingPartnerId = await billingPartnerOf(tx, transfer);
      for (const subscription of loaded.filter((candidate) => movingIds.includes(candidate.row.id))) {
        moved.push(await switchPartnerInPlace(tx, subscription.row, { partnerId: transfer.targetPartnerId, billingPartnerId }, now));
      }
    }

    const changedItems = new Map<string, LineItemRow>();
    for (const status of ['COMPLETED', 'SCHEDULED', 'DESELECTED'] as const) {
      const ids = acceptance.lineItems.filter((item) => item.status === status).map((item) => item.id);
      if (ids.length === 0) continue;
      const rows = await tx
        .update(transferLineItems)
        .set({ status, updatedAt: now })
        .where(and(eq(transferLineItems.transferId, transfer.id), inArray(transferLineItems.id, ids)))
        .returning();
      for (const row of rows) changedItems.set(row.id, row);
    }
    const isCompleted = acceptance.status === 'COMPLETED';
    const [after] = await tx
      .update(transfers)
      .set({
        status: acceptance.status,
        effectiveAt: acceptance.effectiveAt,
        completedAt: isCompleted ? now : null,
        ...nextVersion(transfers, now),
      })
      .where(eq(transfers.id, transfer.id))
      .returning();
    if (!after) throw new Error('transferAccept: the transfer vanished');
    // The transfer is locked: its line items are the ones read at the start, as just updated.
    const lineItemsAfter = lineItems.map((item) => changedItems.get(item.id) ?? item);

    const events: OutboxEvent[] = [transferEvent(isCompleted ? 'transfer.completed' : 'transfer.scheduled', after, lineItemsAfter)];
    if (moved.length > 0) {
      // Row-level security shows the caller only its own relationships: name both parties for sure.
      const audience = [...new Set([...(await subscriptionAudience(tx, transfer.customerId)), ...transferParties(transfer)])];
      const previous = new Map(loaded.map((subscription) => [subscription.row.id, subscription.row]));
      for (const row of moved) {
        events.push(
          subscriptionEvent('subscription.updated', row, audience, {
            transferId: encodeGlobalId('Transfer', transfer.id),
            kind: transfer.kind,
            sellerPartnerId: row.sellerPartnerId && encodeGlobalId('Partner', row.sellerPartnerId),
            previousSellerPartnerId: encodeNullable('Partner', previous.get(row.id)?.sellerPartnerId ?? null),
          }),
        );
      }
    }
    const movedById = new Map(moved.map((row) => [row.id, row]));
    return {
      payload: { transfer: after, subscriptions: loaded.map((subscription) => movedById.get(subscription.row.id) ?? subscription.row) },
      audit: {
        targetType: 'Transfer',
        targetIds: [transfer.id, ...subscriptionIds],
        before: { ...transferSnapshot(transfer, lineItems), subscriptions: loaded.map((subscription) => subscription.row) },
        after: { ...transferSnapshot(after, lineItemsAfter), subscriptions: moved },
      },
      events,
    };
  },
};

function encodeNullable(typename: string, id: string | null): string | null {
  return id && encodeGlobalId(typename, id);
}
