/**
 * The last step every change of an existing subscription shares: write the columns the domain's
 * rule decided, bump the version, and describe the change for the audit log and the outbox.
 */
import { eq } from 'drizzle-orm';
import { subscriptions } from '../../db/schema/index.js';
import { nextVersion } from '../mutation/lock-row.js';
import type { MutationOutcome, MutationScope } from '../mutation/run-mutation.js';
import { subscriptionAudience, subscriptionAudit, subscriptionEvent } from './subscription-events.js';
import type { SubscriptionEventType } from './subscription-events.js';
import type { SubscriptionRow } from './subscription-facts.js';

export type SubscriptionColumns = Partial<
  Pick<
    typeof subscriptions.$inferInsert,
    'status' | 'quantity' | 'isAutoRenewEnabled' | 'managingPartnerId' | 'cancelledAt'
  >
>;

export async function updateSubscriptionRow(
  { tx, now }: Pick<MutationScope, 'tx' | 'now'>,
  before: SubscriptionRow,
  columns: SubscriptionColumns,
): Promise<SubscriptionRow> {
  const [after] = await tx
    .update(subscriptions)
    .set({ ...columns, ...nextVersion(subscriptions, now) })
    .where(eq(subscriptions.id, before.id))
    .returning();
  if (!after) throw new Error(`Subscription ${before.id} vanished under its lock`);
  return after;
}

export async function saveSubscriptionChange(
  scope: MutationScope,
  before: SubscriptionRow,
  columns: SubscriptionColumns,
  event: { type: SubscriptionEventType; details?: Record<string, unknown> },
): Promise<MutationOutcome<{ subscription: SubscriptionRow }>> {
  const after = await updateSubscriptionRow(scope, before, columns);
  const audience = await subscriptionAudience(scope.tx, after.customerId);
  return {
    payload: { subscription: after },
    audit: subscriptionAudit({ subscription: before }, { subscription: after }),
    events: [subscriptionEvent(event.type, after, audience, event.details)],
  };
}
