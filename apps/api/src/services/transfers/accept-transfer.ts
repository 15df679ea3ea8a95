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
import type { AppTransaction } from '../../db/client.js';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { together } from '../../db/together.js';
import { databaseIdOf, encodeGlobalId } from '../../schema/global-id.js';
import type { OutboxEvent } from '../mutation/audit.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import { subscriptionAudience, subscriptionEvent } from '../subscriptions/subscription-events.js';
import { lockVisibleTransfer } from './lock-transfer.js';
import { billingPartnerOf, switchPartnerInPlace } from './move-subscriptions.js';
import { refusalOf } from './refusal.js';
import { lockAndLoadSubscriptions, transferFacts } from './transfer-facts.js';
import type { LoadedSubscription, SubscriptionRow, TransferRow } from './transfer-facts.js';
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

    // The changes, and who hears about the subscriptions that move, sent together and answered after
    // one wait: no statement reads what another writes, and the rows are already locked.
    const movingIds = new Set(acceptance.lineItems.filter((item) => item.status === 'COMPLETED').map((item) => item.subscriptionId));
    const moving = loaded.filter((subscription) => movingIds.has(subscription.row.id));
    const isCompleted = acceptance.status === 'COMPLETED';
    const [moved, changedItemGroups, [after], subscriptionsAudience] = await together([
      switchToTarget(tx, transfer, moving, now),
      together(
        (['COMPLETED', 'SCHEDULED', 'DESELECTED'] as const).flatMap((status) => {
          const ids = acceptance.lineItems.filter((item) => item.status === status).map((item) => item.id);
          if (ids.length === 0) return [];
          return [
            tx
              .update(transferLineItems)
              .set({ status, updatedAt: now })
              .where(and(eq(transferLineItems.transferId, transfer.id), inArray(transferLineItems.id, ids)))
              .returning()
              .execute(),
          ];
        }),
      ),
      tx
        .update(transfers)
        .set({
          status: acceptance.status,
          effectiveAt: acceptance.effectiveAt,
          completedAt: isCompleted ? now : null,
          ...nextVersion(transfers, now),
        })
        .where(eq(transfers.id, transfer.id))
        .returning()
        .execute(),
      moving.length > 0 ? subscriptionAudience(tx, transfer.customerId) : [],
    ]);
    if (!after) throw new Error('transferAccept: the transfer vanished');
    // The transfer is locked: its line items are the ones read at the start, as just updated.
    const changedItems = new Map(changedItemGroups.flat().map((row) => [row.id, row]));
    const lineItemsAfter = lineItems.map((item) => changedItems.get(item.id) ?? item);

    const events: OutboxEvent[] = [transferEvent(isCompleted ? 'transfer.completed' : 'transfer.scheduled', after, lineItemsAfter)];
    if (moved.length > 0) {
      // Row-level security shows the caller only its own relationships: name both parties for sure.
      const audience = [...new Set([...subscriptionsAudience, ...transferParties(transfer)])];
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

/** Hands the subscriptions to the transfer's target (each update is sent at once, not waiting for the one before). */
async function switchToTarget(tx: AppTransaction, transfer: TransferRow, moving: readonly LoadedSubscription[], now: Date): Promise<SubscriptionRow[]> {
  if (moving.length === 0) return [];
  const target = { partnerId: transfer.targetPartnerId, billingPartnerId: await billingPartnerOf(tx, transfer) };
  return together(moving.map((subscription) => switchPartnerInPlace(tx, subscription.row, target, now)));
}

function encodeNullable(typename: string, id: string | null): string | null {
  return id && encodeGlobalId(typename, id);
}
