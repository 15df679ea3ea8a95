/**
 * The outbox events and audit snapshots of transfers. A transfer is seen only by its parties
 * (domain.md §8), so its events go to the source and the target partner; every state a transfer
 * enters raises `transfer.<state>` (`created`, `scheduled`, `completed`, `rejected`, `cancelled`,
 * `expired`, `failed`), and `transfer.updated` marks progress of a scheduled one.
 */
import { encodeGlobalId } from '../../schema/global-id.js';
import type { OutboxEvent } from '../mutation/audit.js';
import type { LineItemRow, TransferRow } from './transfer-facts.js';

/** The GraphQL type names of what transfers hold, for global ids. */
export const TRANSFER_LINE_ITEM_TYPENAME = 'TransferLineItem';
export const SERVICE_TYPENAME = 'SubscriptionService';

export type TransferEventType =
  | 'transfer.created'
  | 'transfer.scheduled'
  | 'transfer.completed'
  | 'transfer.rejected'
  | 'transfer.cancelled'
  | 'transfer.expired'
  | 'transfer.failed'
  | 'transfer.updated';

/** The partners a transfer's events and audit entries concern: its source (if any) and target. */
export function transferParties(transfer: Pick<TransferRow, 'sourcePartnerId' | 'targetPartnerId'>): string[] {
  return transfer.sourcePartnerId ? [transfer.sourcePartnerId, transfer.targetPartnerId] : [transfer.targetPartnerId];
}

export function transferEvent(type: TransferEventType, transfer: TransferRow, lineItems: readonly LineItemRow[]): OutboxEvent {
  return {
    type,
    aggregateType: 'Transfer',
    aggregateId: transfer.id,
    audiencePartnerIds: transferParties(transfer),
    // Global ids, as integrators see them in the API.
    payload: {
      transferId: encodeGlobalId('Transfer', transfer.id),
      kind: transfer.kind,
      status: transfer.status,
      customerId: encodeGlobalId('Customer', transfer.customerId),
      sourcePartnerId: transfer.sourcePartnerId && encodeGlobalId('Partner', transfer.sourcePartnerId),
      targetPartnerId: encodeGlobalId('Partner', transfer.targetPartnerId),
      effectiveAt: transfer.effectiveAt,
      version: transfer.version,
      lineItems: lineItems.map((item) => ({
        id: encodeGlobalId(TRANSFER_LINE_ITEM_TYPENAME, item.id),
        subscriptionId: encodeGlobalId('Subscription', item.subscriptionId),
        status: item.status,
        resultSubscriptionId: item.resultSubscriptionId && encodeGlobalId('Subscription', item.resultSubscriptionId),
      })),
    },
  };
}

/** What the audit log keeps of a transfer: the row and its line items. */
export function transferSnapshot(transfer: TransferRow, lineItems: readonly LineItemRow[]) {
  return { transfer, lineItems };
}
