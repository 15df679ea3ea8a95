/**
 * The clock's moves on transfers (domain.md §7), as the domain's `transferAtDeadline` decides them:
 * - `expirePendingTransfers`: a `PENDING` transfer nobody answered for 30 days → `EXPIRED`, its
 *   subscriptions released;
 * - `advanceScheduledTransfers`: each `SCHEDULED` line item whose date has come moves (a partner
 *   switch hands the subscription to the target in place; a license transition starts the CSP
 *   subscription and expires the source) or `FAILED`s with a reason when its subscription is no
 *   longer active; the transfer is `COMPLETED` (or `FAILED`) once nothing is left scheduled.
 *
 * Safe to run from several processes at once and idempotent: each batch is a transaction that
 * claims its transfers with `FOR UPDATE SKIP LOCKED`, and a transfer once moved is no longer due,
 * so a second run at the same `now` finds nothing. Each change writes a SYSTEM audit event for each
 * party (the audit log is per partner) and outbox events for the transfer and the subscriptions.
 */
import { transferAtDeadline } from '@switchyard/domain';
import type { TransferDeadlineOutcome } from '@switchyard/domain';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { AppDatabase, AppTransaction } from '../../db/client.js';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { AuditActor, AuditEntry, OutboxEvent } from '../mutation/audit.js';
import { writeAuditEvent, writeOutboxEvents } from '../mutation/audit.js';
import { nextVersion } from '../mutation/lock-row.js';
import { subscriptionAudience, subscriptionEvent } from '../subscriptions/subscription-events.js';
import { releaseOpenLineItems } from './lock-transfer.js';
import { billingPartnerOf, completeLicenseTransition, switchPartnerInPlace } from './move-subscriptions.js';
import { loadLineItems, lockAndLoadSubscriptions, transferFacts } from './transfer-facts.js';
import type { SubscriptionRow, TransferRow } from './transfer-facts.js';
import { transferEvent, transferParties, transferSnapshot } from './transfer-events.js';

export const TRANSFER_JOB_ACTOR: AuditActor = { type: 'system', id: null, label: 'Transfer job' };

const DEFAULT_BATCH_SIZE = 100;

export interface TransferTransitionsResult {
  /** `PENDING` → `EXPIRED`. */
  expired: number;
  /** Line items moved at their date. */
  lineItemsMoved: number;
  /** Line items that could not move (their subscription ended meanwhile). */
  lineItemsFailed: number;
  /** Scheduled transfers finished: `COMPLETED` … */
  completed: number;
  /** … or `FAILED` (nothing could move). */
  failed: number;
}

export function emptyTransferTransitionsResult(): TransferTransitionsResult {
  return { expired: 0, lineItemsMoved: 0, lineItemsFailed: 0, completed: 0, failed: 0 };
}

/**
 * Runs `batch` in its own transaction until a batch comes back short — or changed nothing, so a
 * row the rule leaves alone can never keep the loop going.
 */
async function inBatches(
  db: AppDatabase,
  batchSize: number,
  batch: (tx: AppTransaction) => Promise<{ claimed: number; changed: number }>,
): Promise<void> {
  for (;;) {
    const { claimed, changed } = await db.transaction(batch);
    if (claimed < batchSize || changed === 0) return;
  }
}

export async function expirePendingTransfers(
  db: AppDatabase,
  now: Date,
  result: TransferTransitionsResult,
  { batchSize = DEFAULT_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<void> {
  await inBatches(db, batchSize, async (tx) => {
    const due = await tx
      .select()
      .from(transfers)
      .where(and(eq(transfers.status, 'PENDING'), lte(transfers.expiresAt, now)))
      .orderBy(asc(transfers.expiresAt), asc(transfers.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    let changed = 0;
    for (const transfer of due) {
      const lineItems = await loadLineItems(tx, transfer.id);
      const outcome = transferAtDeadline(transferFacts(transfer, lineItems), [], now);
      if (outcome.action !== 'EXPIRE') continue;
      const [after] = await tx
        .update(transfers)
        .set({ status: outcome.status, ...nextVersion(transfers, now) })
        .where(eq(transfers.id, transfer.id))
        .returning();
      if (!after) continue;
      const lineItemsAfter = await releaseOpenLineItems(tx, transfer.id, now);
      await record(tx, now, 'transferExpire', after, {
        targetType: 'Transfer',
        targetIds: [transfer.id, ...lineItems.map((item) => item.subscriptionId)],
        before: transferSnapshot(transfer, lineItems),
        after: transferSnapshot(after, lineItemsAfter),
      }, [transferEvent('transfer.expired', after, lineItemsAfter)]);
      result.expired += 1;
      changed += 1;
    }
    return { claimed: due.length, changed };
  });
}

export async function advanceScheduledTransfers(
  db: AppDatabase,
  now: Date,
  result: TransferTransitionsResult,
  { batchSize = DEFAULT_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<void> {
  await inBatches(db, batchSize, async (tx) => {
    const due = await tx
      .select()
      .from(transfers)
      .where(
        and(
          eq(transfers.status, 'SCHEDULED'),
          sql`exists (select 1 from ${transferLineItems} where ${transferLineItems.transferId} = ${transfers.id} and ${transferLineItems.status} = 'SCHEDULED' and (${transferLineItems.scheduledAt} is null or ${transferLineItems.scheduledAt} <= ${now}))`,
        ),
      )
      .orderBy(asc(transfers.effectiveAt), asc(transfers.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    let changed = 0;
    for (const transfer of due) if (await advanceTransfer(tx, transfer, now, result)) changed += 1;
    return { claimed: due.length, changed };
  });
}

/** Moves the transfer's due line items; false when nothing was due after all. */
async function advanceTransfer(tx: AppTransaction, transfer: TransferRow, now: Date, result: TransferTransitionsResult): Promise<boolean> {
  const lineItems = await loadLineItems(tx, transfer.id);
  const subscriptionIds = lineItems.filter((item) => item.status === 'SCHEDULED').map((item) => item.subscriptionId);
  const loaded = await lockAndLoadSubscriptions(tx, subscriptionIds);
  const outcome = transferAtDeadline(
    transferFacts(transfer, lineItems),
    loaded.map((subscription) => subscription.facts),
    now,
  );
  if (outcome.action !== 'ADVANCE') return false;

  const target = { partnerId: transfer.targetPartnerId, billingPartnerId: await billingPartnerOf(tx, transfer) };
  const rowById = new Map(loaded.map((subscription) => [subscription.row.id, subscription.row]));
  const itemById = new Map(lineItems.map((item) => [item.id, item]));
  const changed: { before: SubscriptionRow; after: SubscriptionRow; created?: SubscriptionRow }[] = [];

  for (const decision of outcome.lineItems) {
    const item = itemById.get(decision.id);
    const subscription = rowById.get(decision.subscriptionId);
    if (!item) continue;
    if (decision.status === 'FAILED' || !subscription) {
      await tx
        .update(transferLineItems)
        .set({ status: 'FAILED', failureReason: decision.failureReason ?? 'The subscription could not move.', updatedAt: now })
        .where(eq(transferLineItems.id, item.id));
      result.lineItemsFailed += 1;
      continue;
    }
    let resultSubscriptionId: string | null = null;
    if (transfer.kind === 'LICENSE_TRANSITION') {
      const transition = await completeLicenseTransition(tx, subscription, target, item.scheduledAt ?? now, now);
      changed.push({ before: subscription, after: transition.expiredSource, created: transition.created });
      resultSubscriptionId = transition.created.id;
    } else {
      changed.push({ before: subscription, after: await switchPartnerInPlace(tx, subscription, target, now) });
    }
    await tx
      .update(transferLineItems)
      .set({ status: 'COMPLETED', resultSubscriptionId, updatedAt: now })
      .where(eq(transferLineItems.id, item.id));
    result.lineItemsMoved += 1;
  }

  const [after] = await tx
    .update(transfers)
    .set({
      ...(outcome.status ? { status: outcome.status } : {}),
      ...(outcome.status === 'COMPLETED' ? { completedAt: now } : {}),
      ...(outcome.status === 'FAILED' ? { failureReason: failureReasonOf(outcome) } : {}),
      ...nextVersion(transfers, now),
    })
    .where(eq(transfers.id, transfer.id))
    .returning();
  if (!after) throw new Error(`Transfer ${transfer.id} vanished while locked`);
  if (outcome.status === 'COMPLETED') result.completed += 1;
  if (outcome.status === 'FAILED') result.failed += 1;
  const lineItemsAfter = await loadLineItems(tx, transfer.id);

  const events: OutboxEvent[] = [transferEvent(eventTypeOf(outcome), after, lineItemsAfter)];
  if (changed.length > 0) {
    const audience = [...new Set([...(await subscriptionAudience(tx, transfer.customerId)), ...transferParties(transfer)])];
    const cause = { transferId: encodeGlobalId('Transfer', transfer.id), kind: transfer.kind };
    for (const change of changed) {
      if (change.created) {
        events.push(
          subscriptionEvent('subscription.created', change.created, audience, {
            ...cause,
            migratedFromId: encodeGlobalId('Subscription', change.before.id),
          }),
          subscriptionEvent('subscription.expired', change.after, audience, cause),
        );
      } else {
        events.push(subscriptionEvent('subscription.updated', change.after, audience, cause));
      }
    }
  }
  await record(
    tx,
    now,
    outcome.status === 'COMPLETED' ? 'transferComplete' : outcome.status === 'FAILED' ? 'transferFail' : 'transferAdvance',
    after,
    {
      targetType: 'Transfer',
      targetIds: [transfer.id, ...changed.flatMap((change) => [change.before.id, ...(change.created ? [change.created.id] : [])])],
      before: { ...transferSnapshot(transfer, lineItems), subscriptions: changed.map((change) => change.before) },
      after: {
        ...transferSnapshot(after, lineItemsAfter),
        subscriptions: changed.flatMap((change) => [change.after, ...(change.created ? [change.created] : [])]),
      },
    },
    events,
  );
  return true;
}

function eventTypeOf(outcome: Extract<TransferDeadlineOutcome, { action: 'ADVANCE' }>) {
  if (outcome.status === 'COMPLETED') return 'transfer.completed' as const;
  if (outcome.status === 'FAILED') return 'transfer.failed' as const;
  return 'transfer.updated' as const;
}

function failureReasonOf(outcome: Extract<TransferDeadlineOutcome, { action: 'ADVANCE' }>): string {
  const reasons = [...new Set(outcome.lineItems.map((item) => item.failureReason).filter((reason): reason is string => !!reason))];
  return reasons.join(' ') || 'No subscription of this transfer could move.';
}

/** One SYSTEM audit event per party (each partner's audit log shows it) and the outbox events. */
async function record(
  tx: AppTransaction,
  now: Date,
  operation: string,
  transfer: TransferRow,
  audit: AuditEntry,
  events: OutboxEvent[],
): Promise<void> {
  for (const partnerId of transferParties(transfer)) {
    await writeAuditEvent(tx, { ...audit, partnerId, actor: TRANSFER_JOB_ACTOR, operation, requestId: null, idempotencyKey: null, occurredAt: now });
  }
  await writeOutboxEvents(tx, events, now);
}

