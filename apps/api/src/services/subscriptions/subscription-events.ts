/**
 * The audit entry and outbox event of a subscription change. Who hears about it (the event's
 * audience) is who may see the subscription (domain.md §8): every partner with an `ACTIVE`
 * relationship with its customer (or named on one as indirect provider), in the customer's cloud —
 * whatever channel sold it, since seeing all of a customer's subscriptions is the point of
 * multi-channel.
 */
import { sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { rawRows } from '../../db/raw-rows.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';
import type { SubscriptionRow, SubscriptionServiceRow } from './subscription-facts.js';

/**
 * The partners that may see the customer's subscriptions, by id: those with an `ACTIVE`
 * relationship with it, and the indirect providers such relationships name, in the customer's
 * cloud — the rule of `activeRelationshipFilter` (schema/subscriptions/visibility.ts), asked the
 * other way round. Other partners' relationships are theirs and row-level security hides them, so
 * a database function answers (migration `audience-functions`), in one statement, for a caller
 * that may see the customer.
 */
export async function subscriptionAudience(tx: AppTransaction, customerId: string): Promise<string[]> {
  const rows = rawRows<{ id: string }>(
    await tx.execute(sql`select id from public.app_subscription_audience(${customerId}::uuid) as id`),
  );
  return rows.map((row) => row.id);
}

/** `subscription.created`, `subscription.cancelled`, … */
export type SubscriptionEventType =
  | 'subscription.created'
  | 'subscription.registered'
  | 'subscription.managed'
  | 'subscription.updated'
  | 'subscription.suspended'
  | 'subscription.reactivated'
  | 'subscription.cancelled'
  | 'subscription.serviceCancelled'
  | 'subscription.renewed'
  | 'subscription.expired';

/** What integrators receive: global ids (as the API shows them), the state after, and what changed. */
export function subscriptionEvent(
  type: SubscriptionEventType,
  subscription: SubscriptionRow,
  audiencePartnerIds: string[],
  details: Record<string, unknown> = {},
): OutboxEvent {
  return {
    type,
    aggregateType: 'Subscription',
    aggregateId: subscription.id,
    audiencePartnerIds,
    payload: {
      subscriptionId: encodeGlobalId('Subscription', subscription.id),
      customerId: encodeGlobalId('Customer', subscription.customerId),
      channel: subscription.channel,
      status: subscription.status,
      version: subscription.version,
      ...details,
    },
  };
}

/** The audit entry of a change to one subscription (and, for a service change, that service). */
export function subscriptionAudit(
  before: { subscription: SubscriptionRow; service?: SubscriptionServiceRow } | null,
  after: { subscription: SubscriptionRow; service?: SubscriptionServiceRow; services?: SubscriptionServiceRow[] },
): AuditEntry {
  return {
    targetType: 'Subscription',
    targetIds: [after.subscription.id, ...(after.service ? [after.service.id] : [])],
    before,
    after,
  };
}
