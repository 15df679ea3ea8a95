/**
 * The audit entry and outbox event of a subscription change. Who hears about it (the event's
 * audience) is who may see the subscription (domain.md §8): every partner with an `ACTIVE`
 * relationship with its customer (or named on one as indirect provider), in the customer's cloud —
 * whatever channel sold it, since seeing all of a customer's subscriptions is the point of
 * multi-channel.
 */
import { and, asc, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { readAsSystem } from '../../db/partner-switch.js';
import { customers, partners, relationships } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';
import type { SubscriptionRow, SubscriptionServiceRow } from './subscription-facts.js';

/**
 * The partners that may see the customer's subscriptions, by id: those with an `ACTIVE`
 * relationship with it, and the indirect providers such relationships name, in the customer's
 * cloud — the rule of `activeRelationshipFilter` (schema/subscriptions/visibility.ts), asked the
 * other way round.
 */
export async function subscriptionAudience(tx: AppTransaction, customerId: string): Promise<string[]> {
  // Other partners' relationships are theirs: row-level security hides them from the caller, so
  // who hears about a subscription is asked as the system (db/partner-switch.ts).
  const rows = await readAsSystem(tx, (db) => db
    .select({ partnerId: partners.id })
    .from(partners)
    .where(
      and(
        sql`${partners.cloud} = (select ${customers.cloud} from ${customers} where ${customers.id} = ${customerId})`,
        sql`exists (select 1 from ${relationships} where ${relationships.customerId} = ${customerId} and ${relationships.status} = 'ACTIVE' and (${relationships.partnerId} = ${partners.id} or ${relationships.indirectProviderId} = ${partners.id}))`,
      ),
    )
    .orderBy(asc(partners.id)));
  return rows.map((row) => row.partnerId);
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
