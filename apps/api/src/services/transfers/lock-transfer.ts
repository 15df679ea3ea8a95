/**
 * What `transferAccept`, `transferReject` and `transferCancel` start with: the transfer locked
 * (`FOR UPDATE`), visible to the caller (a party to it, else NOT_FOUND) and at the expected version
 * (else STALE_VERSION), with its line items. Every change of a transfer takes this lock first, then
 * its subscriptions' (in id order), so an accept racing a cancel takes turns and the second one
 * finds the transfer no longer pending.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { OPEN_TRANSFER_STATUSES } from '@switchyard/domain';
import type { AppTransaction } from '../../db/client.js';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { visibleTransfersFilter } from '../../schema/transfers/visibility.js';
import { lockRow } from '../mutation/lock-row.js';
import type { MutationScope } from '../mutation/run-mutation.js';
import { loadLineItems } from './transfer-facts.js';
import type { LineItemRow, TransferRow } from './transfer-facts.js';

export interface LockedTransfer {
  transfer: TransferRow;
  lineItems: LineItemRow[];
}

export async function lockVisibleTransfer(
  { tx, context }: MutationScope,
  input: { transferId: string; expectedVersion?: number | undefined },
): Promise<LockedTransfer> {
  const transfer = await lockRow(tx, transfers, {
    globalId: input.transferId,
    typename: 'Transfer',
    visible: visibleTransfersFilter(context),
    field: ['transferId'],
    expectedVersion: input.expectedVersion,
    noun: 'transfer',
  });
  return { transfer, lineItems: await loadLineItems(tx, transfer.id) };
}

/** Line items still holding their subscriptions (`PENDING`, `SCHEDULED`) let them go: `CANCELLED`. */
export async function releaseOpenLineItems(tx: AppTransaction, transferId: string, now: Date): Promise<LineItemRow[]> {
  await tx
    .update(transferLineItems)
    .set({ status: 'CANCELLED', updatedAt: now })
    .where(and(eq(transferLineItems.transferId, transferId), inArray(transferLineItems.status, [...OPEN_TRANSFER_STATUSES])));
  return loadLineItems(tx, transferId);
}
