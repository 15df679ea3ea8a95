/**
 * Loads the rows a transfer touches as the plain facts the domain's transfer rules read
 * (`checkTransferCreate`, `checkTransferAccept`, `transferAtDeadline`, `checkTransferEligibility`).
 * The transfer services, the background job and the `transferEligibility` field all load facts
 * here, so a rule sees the same picture of a subscription wherever it is asked.
 */
import type { Cloud, IndirectLinkFacts, RelationshipFacts, SubscriptionFacts, TransferFacts } from '@switchyard/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { together } from '../../db/together.js';
import { toIndirectLinkFacts, toRelationshipFacts, toSubscriptionFacts } from '../subscriptions/subscription-facts.js';
import {
  customers,
  indirectLinks,
  offers,
  partners,
  relationships,
  subscriptionServices,
  subscriptions,
  transferLineItems,
} from '../../db/schema/index.js';
import type { transfers } from '../../db/schema/index.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type ServiceRow = typeof subscriptionServices.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type LineItemRow = typeof transferLineItems.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;

export interface LoadedSubscription {
  row: SubscriptionRow;
  services: ServiceRow[];
  facts: SubscriptionFacts;
}

/**
 * Locks the subscriptions (`FOR UPDATE`, in id order so that two requests locking overlapping sets
 * never deadlock) and loads them as `loadSubscriptions` does; with `customerId`, only that
 * customer's. The lock, the services and the open transfers are sent together, the lock first, and
 * answered after one wait: PostgreSQL runs the reads after the lock is held, and a row it had to
 * wait for comes back as the racing request committed it (READ COMMITTED re-reads a locked row),
 * so the services and open transfers read behind it see that request's changes too. The lock and
 * the first read are issued when this is called, before any statement issued after the call.
 */
export async function lockAndLoadSubscriptions(
  tx: AppTransaction,
  ids: readonly string[],
  { customerId }: { customerId?: string } = {},
): Promise<LoadedSubscription[]> {
  if (ids.length === 0) return [];
  const [rows, services, openItems] = await together([
    subscriptionRows(tx, ids, customerId).for('update', { of: subscriptions }).execute(),
    servicesOf(tx, ids).execute(),
    subscriptionsInOpenTransfer(tx, ids),
  ]);
  return withFacts(rows, services, openItems);
}

/** The subscriptions (those that exist among `ids`) with their services, as rows and as facts: one wait. */
export async function loadSubscriptions(tx: AppTransaction, ids: readonly string[]): Promise<LoadedSubscription[]> {
  if (ids.length === 0) return [];
  const [rows, services, openItems] = await together([
    subscriptionRows(tx, ids).execute(),
    servicesOf(tx, ids).execute(),
    subscriptionsInOpenTransfer(tx, ids),
  ]);
  return withFacts(rows, services, openItems);
}

function subscriptionRows(tx: AppTransaction, ids: readonly string[], customerId?: string) {
  return tx
    .select({ subscription: subscriptions, cloud: customers.cloud, offerName: offers.name })
    .from(subscriptions)
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .innerJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(and(inArray(subscriptions.id, [...ids]), customerId === undefined ? undefined : eq(subscriptions.customerId, customerId)))
    .orderBy(asc(subscriptions.id));
}

/** The services of the subscriptions asked for; those of an id that matched no subscription row are left unused. */
function servicesOf(tx: AppTransaction, ids: readonly string[]) {
  return tx
    .select()
    .from(subscriptionServices)
    .where(inArray(subscriptionServices.subscriptionId, [...ids]))
    .orderBy(asc(subscriptionServices.name), asc(subscriptionServices.id));
}

function withFacts(
  rows: { subscription: SubscriptionRow; cloud: Cloud; offerName: string }[],
  services: ServiceRow[],
  openItems: string[],
): LoadedSubscription[] {
  const inOpenTransfer = new Set(openItems);
  return rows.map(({ subscription, cloud, offerName }) => {
    const own = services.filter((service) => service.subscriptionId === subscription.id);
    return {
      row: subscription,
      services: own,
      facts: toSubscriptionFacts(subscription, {
        cloud,
        offerName,
        isInOpenTransfer: inOpenTransfer.has(subscription.id),
        ...(subscription.billingModel === 'USAGE_BASED' ? { services: own } : {}),
      }),
    };
  });
}

/**
 * Which of the subscriptions a line item of a `PENDING` or `SCHEDULED` transfer holds — anyone's
 * transfer: row-level security shows the caller only its own transfers' line items, so this asks a
 * database helper that answers for every transfer (and only about subscriptions the caller sees).
 */
export async function subscriptionsInOpenTransfer(tx: AppTransaction, subscriptionIds: readonly string[]): Promise<string[]> {
  if (subscriptionIds.length === 0) return [];
  // Issued now (`execute()`), so a caller knows where it goes among statements sent together.
  const result = await tx
    .execute<{ id: string }>(sql`select id from public.app_subscriptions_in_open_transfer(${`{${subscriptionIds.join(',')}}`}::uuid[]) as id`)
    .execute();
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** `execute()` answers `{ rows }` on both drivers; typed loosely by Drizzle. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Every relationship of the customer (the rules look the requester's `ACTIVE` one up among them). */
export async function loadRelationshipFacts(tx: AppTransaction, customerId: string): Promise<RelationshipFacts[]> {
  const rows = await tx.select().from(relationships).where(eq(relationships.customerId, customerId));
  return rows.map(toRelationshipFacts);
}

/** The links a reseller sells through (only an indirect reseller has any that matter). */
export async function loadIndirectLinkFacts(tx: AppTransaction, partner: Pick<PartnerRow, 'id' | 'kind'>): Promise<IndirectLinkFacts[]> {
  if (partner.kind !== 'INDIRECT_RESELLER') return [];
  const rows = await tx.select().from(indirectLinks).where(eq(indirectLinks.resellerId, partner.id));
  return rows.map(toIndirectLinkFacts);
}

/** The transfer's line items; issued when called, so it can be sent right behind a statement issued before. */
export async function loadLineItems(tx: AppTransaction, transferId: string): Promise<LineItemRow[]> {
  return tx
    .select()
    .from(transferLineItems)
    .where(eq(transferLineItems.transferId, transferId))
    .orderBy(asc(transferLineItems.createdAt), asc(transferLineItems.id))
    .execute();
}

export function transferFacts(transfer: TransferRow, lineItems: readonly LineItemRow[]): TransferFacts {
  return {
    id: transfer.id,
    kind: transfer.kind,
    status: transfer.status,
    customerId: transfer.customerId,
    sourcePartnerId: transfer.sourcePartnerId,
    targetPartnerId: transfer.targetPartnerId,
    expiresAt: transfer.expiresAt,
    lineItems: lineItems.map((item) => ({
      id: item.id,
      subscriptionId: item.subscriptionId,
      status: item.status,
      scheduleAt: item.scheduledAt,
    })),
  };
}

export async function loadPartner(tx: AppTransaction, partnerId: string): Promise<PartnerRow> {
  const [partner] = await tx.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new Error(`No partner ${partnerId}`);
  return partner;
}
