/**
 * `applyDueTransitions(database, now)`: everything the clock moves (domain.md §5–§7), in one
 * function that takes the current time, so the background job, the CLI and the tests apply the very
 * same moves. In order:
 * 1. `PENDING` transfers unanswered for 30 days → `EXPIRED`;
 * 2. `SCHEDULED` transfers whose line items are due → moved (→ `COMPLETED`, or `FAILED` with a
 *    reason) — before term ends, so a subscription moving at its term end renews (or expires) with
 *    its new partner, and a license transition's source expires through the transition;
 * 3. relationship requests unanswered for 90 days → `EXPIRED`;
 * 4. subscriptions at term end → renewed or `EXPIRED`.
 *
 * Each step works in its own transactions (batches claimed with `FOR UPDATE SKIP LOCKED`, updates
 * conditional on what was read), so it is idempotent — running it twice at the same `now` applies
 * each change once — and safe to run from several processes at once: each due change is applied by
 * exactly one of them. Every change writes SYSTEM audit events and outbox events.
 */
import type { Database } from '../../db/client.js';
import { expireRelationshipRequests } from '../relationships/expire-relationship-requests.js';
import { applyDueSubscriptionTransitions } from '../subscriptions/apply-due-subscription-transitions.js';
import type { SubscriptionTransitionsResult } from '../subscriptions/apply-due-subscription-transitions.js';
import {
  advanceScheduledTransfers,
  emptyTransferTransitionsResult,
  expirePendingTransfers,
} from '../transfers/apply-due-transfer-transitions.js';
import type { TransferTransitionsResult } from '../transfers/apply-due-transfer-transitions.js';

export interface DueTransitionCounts {
  transfers: TransferTransitionsResult;
  relationshipRequests: { expired: number };
  subscriptions: SubscriptionTransitionsResult;
}

export interface ApplyDueTransitionsOptions {
  /** Rows claimed per transaction (default: each step's own). */
  batchSize?: number;
}

export async function applyDueTransitions(
  database: Pick<Database, 'db'>,
  now: Date,
  options: ApplyDueTransitionsOptions = {},
): Promise<DueTransitionCounts> {
  const { db } = database;
  const batch = options.batchSize === undefined ? {} : { batchSize: options.batchSize };
  const transfers = emptyTransferTransitionsResult();
  await expirePendingTransfers(db, now, transfers, batch);
  await advanceScheduledTransfers(db, now, transfers, batch);
  const relationshipRequests = { expired: await expireRelationshipRequests(db, now, batch) };
  const subscriptions = await applyDueSubscriptionTransitions(db, now, batch);
  return { transfers, relationshipRequests, subscriptions };
}
