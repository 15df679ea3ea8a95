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
import { together } from '../../db/together.js';
import { databaseIdOf } from '../../schema/global-id.js';
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
  const id = databaseIdOf(input.transferId, 'Transfer');
  // The line items are sent right behind the lock, and PostgreSQL reads them once it is held: one wait.
  const [transfer, lineItems] = await together([
    lockRow(tx, transfers, {
      globalId: input.transferId,
      typename: 'Transfer',
      visible: visibleTransfersFilter(context),
      field: ['transferId'],
      expectedVersion: input.expectedVersion,
      noun: 'transfer',
    }),
    id ? loadLineItems(tx, id) : [],
  ]);
  return { transfer, lineItems };
}

/** Line items still holding their subscriptions (`PENDING`, `SCHEDULED`) let them go: `CANCELLED`. */
export async function releaseOpenLineItems(tx: AppTransaction, transferId: string, now: Date): Promise<LineItemRow[]> {
  // The read goes right behind the update (one wait) and sees it.
  const [, lineItems] = await together([
    tx
      .update(transferLineItems)
      .set({ status: 'CANCELLED', updatedAt: now })
      .where(and(eq(transferLineItems.transferId, transferId), inArray(transferLineItems.status, [...OPEN_TRANSFER_STATUSES])))
      .execute(),
    loadLineItems(tx, transferId),
  ]);
  return lineItems;
}
