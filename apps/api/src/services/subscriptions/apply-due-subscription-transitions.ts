/**
 * The clock's moves on subscriptions (domain.md §5): at term end an `ACTIVE` subscription with
 * auto-renew renews (a new term and, for CSP license-based, a new cancellation window); an
 * `ACTIVE` one without auto-renew, and a `SUSPENDED` one, expire. The domain's
 * `subscriptionAtTermEnd(subscription, now)` decides each; this applies its answer.
 *
 * Order with transfers (domain.md §7): the transfers job (`applyDueTransitions(now)`) runs first
 * and then calls this. A subscription held by an open transfer line item scheduled at (or before)
 * its term end — a `LICENSE_TRANSITION`, or a `PARTNER_SWITCH` effective at term end — belongs to
 * that job, which completes, fails or cancels the transfer; it is skipped here until the line item
 * is closed, so the two never both act on one term end. If the transfer is closed without moving
 * it, the next run renews or expires it (a late renewal catches up on the terms it missed).
 *
 * Safe to run from several processes at once, and idempotent: batches are claimed with
 * `FOR UPDATE SKIP LOCKED`, each update is conditional on the version read, and a subscription once
 * renewed or expired is no longer due — running twice at the same `now` changes nothing the second
 * time. Each change writes a SYSTEM audit event and an outbox event.
 */
import { subscriptionAtTermEnd } from '@switchyard/domain';
import type { TermEndOutcome } from '@switchyard/domain';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppDatabase, AppTransaction } from '../../db/client.js';
import { customers, offers, subscriptions, transferLineItems } from '../../db/schema/index.js';
import type { AuditActor } from '../mutation/audit.js';
import { writeAuditEvent, writeOutboxEvents } from '../mutation/audit.js';
import { isInOpenTransferSql } from './load-subscription.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import { toSubscriptionFacts } from './subscription-facts.js';
import type { SubscriptionRow } from './subscription-facts.js';

export const SUBSCRIPTION_TERM_JOB_ACTOR: AuditActor = { type: 'system', id: null, label: 'Subscription term job' };

const DEFAULT_BATCH_SIZE = 200;

export interface SubscriptionTransitionsResult {
  renewed: number;
  expired: number;
}

/**
 * Applies every term end due at `now`. `db` may be the root database (each batch is its own
 * transaction) or a transaction (each batch is a savepoint of it).
 */
export async function applyDueSubscriptionTransitions(
  db: AppDatabase,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<SubscriptionTransitionsResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const result: SubscriptionTransitionsResult = { renewed: 0, expired: 0 };
  // Keyset over (term end, id): a row this run could not move (locked by another run, or changed
  // under it) is passed over rather than fetched again, so the loop always ends.
  let after: { termEnd: Date; id: string } | undefined;
  for (;;) {
    const batch = await db.transaction((tx) => applyBatch(tx, now, batchSize, after, result));
    if (!batch.last || batch.size < batchSize) return result;
    after = batch.last;
  }
}

async function applyBatch(
  tx: AppTransaction,
  now: Date,
  batchSize: number,
  after: { termEnd: Date; id: string } | undefined,
  result: SubscriptionTransitionsResult,
): Promise<{ size: number; last: { termEnd: Date; id: string } | undefined }> {
  const due = await tx
    .select({
      subscription: subscriptions,
      cloud: customers.cloud,
      offerName: offers.name,
      isInOpenTransfer: isInOpenTransferSql(subscriptions.id),
    })
    .from(subscriptions)
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(
      and(
        inArray(subscriptions.status, ['ACTIVE', 'SUSPENDED']),
        lte(subscriptions.termEndDate, now),
        after
          ? sql`(${subscriptions.termEndDate}, ${subscriptions.id}) > (${after.termEnd.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
        // The transfers job's: an open line item scheduled for this term end (see above).
        sql`not exists (select 1 from ${transferLineItems} where ${transferLineItems.subscriptionId} = ${subscriptions.id} and ${transferLineItems.status} in ('PENDING', 'SCHEDULED') and ${transferLineItems.scheduledAt} <= ${subscriptions.termEndDate})`,
      ),
    )
    .orderBy(asc(subscriptions.termEndDate), asc(subscriptions.id))
    .limit(batchSize)
    // Lock only the subscriptions (not their customers and offers), skipping any another run holds.
    .for('update', { of: subscriptions, skipLocked: true });

  for (const { subscription, cloud, offerName, isInOpenTransfer } of due) {
    const outcome = subscriptionAtTermEnd(toSubscriptionFacts(subscription, { cloud, offerName, isInOpenTransfer }), now);
    const changed = await applyOutcome(tx, subscription, outcome, now);
    if (changed === 'RENEW') result.renewed += 1;
    if (changed === 'EXPIRE') result.expired += 1;
  }
  const lastRow = due.at(-1)?.subscription;
  return { size: due.length, last: lastRow?.termEndDate ? { termEnd: lastRow.termEndDate, id: lastRow.id } : undefined };
}

async function applyOutcome(
  tx: AppTransaction,
  before: SubscriptionRow,
  outcome: TermEndOutcome,
  now: Date,
): Promise<TermEndOutcome['action']> {
  if (outcome.action === 'NONE') return 'NONE';
  const columns =
    outcome.action === 'RENEW'
      ? {
          termStartDate: outcome.term.termStart,
          termEndDate: outcome.term.termEnd,
          cancellationAllowedUntil: outcome.term.cancellationAllowedUntil,
        }
      : { status: outcome.status, isAutoRenewEnabled: outcome.autoRenew };
  // Conditional on the version read: a change that slipped in since then wins, and this one is
  // left for the next run to reconsider.
  const [after] = await tx
    .update(subscriptions)
    .set({ ...columns, version: sql`${subscriptions.version} + 1`, updatedAt: now })
    .where(and(eq(subscriptions.id, before.id), eq(subscriptions.version, before.version)))
    .returning();
  if (!after) return 'NONE';

  const audience = await subscriptionAudience(tx, after.customerId);
  const operation = outcome.action === 'RENEW' ? 'subscriptionRenew' : 'subscriptionExpire';
  // The audit log is per partner: the event goes to the partners answerable for the subscription
  // (seller, billing and managing partner) or, for one nobody manages, to those who can see it.
  const responsible = [before.sellerPartnerId, before.billingPartnerId, before.managingPartnerId].filter(
    (partnerId): partnerId is string => partnerId !== null,
  );
  const auditPartnerIds = [...new Set(responsible.length > 0 ? responsible : audience)].sort();
  for (const partnerId of auditPartnerIds) {
    await writeAuditEvent(tx, {
      ...subscriptionAudit({ subscription: before }, { subscription: after }),
      partnerId,
      actor: SUBSCRIPTION_TERM_JOB_ACTOR,
      operation,
      requestId: null,
      idempotencyKey: null,
      occurredAt: now,
    });
  }
  await writeOutboxEvents(
    tx,
    [
      outcome.action === 'RENEW'
        ? subscriptionEvent('subscription.renewed', after, audience, {
            renewals: outcome.renewals,
            termStart: after.termStartDate,
            termEnd: after.termEndDate,
            cancellationAllowedUntil: after.cancellationAllowedUntil,
          })
        : subscriptionEvent('subscription.expired', after, audience, { termEnd: after.termEndDate }),
    ],
    now,
  );
  return outcome.action;
}
