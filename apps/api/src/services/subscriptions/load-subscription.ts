/**
 * Loading what the subscription mutations act on, the same way for all of them: the subscription
 * locked, visible and at the expected version (else NOT_FOUND / STALE_VERSION); the customer the
 * caller may see; the offer in the caller's cloud catalog; and the caller's relationship, held
 * with `FOR SHARE` so a concurrent `relationshipTerminate` (which locks it for update) waits for
 * the sale instead of racing past its "no active subscriptions" check.
 */
import { DomainError } from '@switchyard/domain';
import type { SubscriptionFacts } from '@switchyard/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { AppTransaction } from '../../db/client.js';
import {
  customers,
  offers,
  relationships,
  subscriptions,
  subscriptionServices,
} from '../../db/schema/index.js';
import { visibleCustomersFilter } from '../../schema/customers/visibility.js';
import { visibleOffersFilter } from '../../schema/offers/visibility.js';
import { visibleSubscriptionsFilter } from '../../schema/subscriptions/visibility.js';
import { lockRow, requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationScope } from '../mutation/run-mutation.js';
import { toSubscriptionFacts } from './subscription-facts.js';
import type { OfferRow, SubscriptionRow, SubscriptionServiceRow } from './subscription-facts.js';

/**
 * True while a line item of a `PENDING` or `SCHEDULED` transfer holds the subscription — whoever's
 * transfer it is. Row-level security shows a partner only its own transfers' line items, so this
 * asks `app_subscriptions_in_open_transfer` (migration `open-transfer-check`), which answers for
 * the subscriptions the caller may see and says nothing about whose transfer it is.
 */
export function isInOpenTransferSql(subscriptionId: SQL | typeof subscriptions.id | string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from public.app_subscriptions_in_open_transfer(array[${subscriptionId}]::uuid[]))`;
}

export interface LockedSubscription {
  row: SubscriptionRow;
  facts: SubscriptionFacts;
  /** Loaded only when asked for (`withServices`). */
  services: SubscriptionServiceRow[];
}

/**
 * The subscription named by `input.subscriptionId`, locked `FOR UPDATE` so racing changes take
 * turns, with what its rules read (cloud, offer name, open transfer and, on request, services).
 */
export async function lockVisibleSubscription(
  { tx, context }: MutationScope,
  input: { subscriptionId: string; expectedVersion?: number | undefined },
  options: { withServices?: boolean } = {},
): Promise<LockedSubscription> {
  const row = await lockRow(tx, subscriptions, {
    globalId: input.subscriptionId,
    typename: 'Subscription',
    visible: visibleSubscriptionsFilter(context),
    field: ['subscriptionId'],
    expectedVersion: input.expectedVersion,
    noun: 'subscription',
  });
  const [surroundings] = await tx
    .select({ cloud: customers.cloud, offerName: offers.name, isInOpenTransfer: isInOpenTransferSql(row.id) })
    .from(customers)
    .innerJoin(offers, eq(offers.id, row.offerId))
    .where(eq(customers.id, row.customerId));
  if (!surroundings) throw new Error(`Subscription ${row.id} has no customer or offer`);
  // Services are changed only under the subscription's lock, so reading them after it is safe.
  const services = options.withServices
    ? await tx.select().from(subscriptionServices).where(eq(subscriptionServices.subscriptionId, row.id)).orderBy(asc(subscriptionServices.name))
    : [];
  return { row, services, facts: toSubscriptionFacts(row, { ...surroundings, ...(options.withServices ? { services } : {}) }) };
}

/** The customer named by `customerId`, if the caller may see it (else NOT_FOUND, as for no such id). */
export async function findVisibleCustomer(tx: AppTransaction, context: Context, globalId: string) {
  const id = requireDatabaseId(globalId, 'Customer', 'customer', ['customerId']);
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), visibleCustomersFilter(context)));
  if (!customer) throw new DomainError('NOT_FOUND', 'No customer with this id.', { field: ['customerId'] });
  return customer;
}

/**
 * The offer named by `offerId`, if the caller's cloud catalog lists it. An offer of another cloud's
 * catalog is not for sale here: it is answered like an offer that does not exist.
 */
export async function findVisibleOffer(tx: AppTransaction, context: Context, globalId: string): Promise<OfferRow> {
  const id = requireDatabaseId(globalId, 'Offer', 'offer', ['offerId']);
  const [offer] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.id, id), visibleOffersFilter(context)));
  if (!offer) throw new DomainError('NOT_FOUND', 'No offer with this id.', { field: ['offerId'] });
  return offer;
}

/**
 * The partners' `ACTIVE` relationships with the customer, held `FOR SHARE` until the request
 * commits: terminating one of them waits for this request instead of missing what it creates.
 * Issued when called (`execute()`), so a caller sending it together with other statements knows
 * which locks come first.
 */
export async function shareActiveRelationships(tx: AppTransaction, customerId: string, partnerIds: string[]) {
  if (partnerIds.length === 0) return [];
  return tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.customerId, customerId), inArray(relationships.partnerId, partnerIds), eq(relationships.status, 'ACTIVE')))
    .orderBy(asc(relationships.id))
    .for('share')
    .execute();
}
