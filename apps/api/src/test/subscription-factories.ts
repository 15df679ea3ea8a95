/**
 * Factories for the subscription tests: a partner that works for a customer (an `ACTIVE`
 * relationship), subscriptions it sold or that were bought elsewhere, and the ids and operations
 * the tests send. Built on the seed factories (src/db/seed/factories.ts) and the infra factories
 * (./factories.ts); every value is unique, so test files run in parallel.
 */
import type { Role } from '@switchyard/domain';
import { arrayContains, asc, desc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { auditEvents, outboxEvents } from '../db/schema/index.js';
import type { customers, partners } from '../db/schema/index.js';
import { seedCustomer, seedRelationship, seedSubscription } from '../db/seed/factories.js';
import type { SeedSubscriptionOverrides } from '../db/seed/factories.js';
import { encodeGlobalId } from '../schema/global-id.js';
import { createPartnerWithAdmin, createUser } from './factories.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number, from = new Date()): Date => new Date(from.getTime() + days * DAY_MS);

/**
 * A partner (GLOBAL direct provider unless overridden) with a global admin, and a customer of its
 * cloud it has an `ACTIVE` relationship with.
 */
export async function createPartnerWithCustomer(
  db: AppDatabase,
  options: { partner?: Partial<typeof partners.$inferInsert>; customer?: Partial<typeof customers.$inferInsert> } = {},
) {
  const { partner, admin, apiKey } = await createPartnerWithAdmin(db, options.partner);
  const customer = await seedCustomer(db, { cloud: partner.cloud, ...options.customer });
  const relationship = await seedRelationship(db, { partnerId: partner.id, customerId: customer.id });
  return { partner, admin, apiKey, customer, relationship };
}

/** Another partner of the same cloud with an `ACTIVE` relationship with the customer (multi-partner). */
export async function createOtherPartnerOf(db: AppDatabase, customer: { id: string; cloud: typeof customers.$inferSelect.cloud }, role: Role = 'GLOBAL_ADMIN') {
  const { partner } = await createPartnerWithAdmin(db, { cloud: customer.cloud });
  const user = await createUser(db, { partnerId: partner.id, role });
  await seedRelationship(db, { partnerId: partner.id, customerId: customer.id });
  return { partner, user };
}

/** A CSP subscription `sellerPartnerId` sold to `customerId` (default: `ACTIVE`, license-based, 10 seats, past its window). */
export function createSoldSubscription(
  db: AppDatabase,
  options: { sellerPartnerId: string; customerId: string } & SeedSubscriptionOverrides,
) {
  return seedSubscription(db, { channel: 'CSP', ...options });
}

/** A subscription bought elsewhere (default: EA, Azure, nobody manages it). */
export function createExternalSubscription(db: AppDatabase, options: { customerId: string } & SeedSubscriptionOverrides) {
  return seedSubscription(db, { channel: 'EA', billingModel: 'USAGE_BASED', managingPartnerId: null, ...options });
}

export const subscriptionGlobalId = (subscription: { id: string }) => encodeGlobalId('Subscription', subscription.id);
export const customerGlobalId = (customer: { id: string }) => encodeGlobalId('Customer', customer.id);
export const offerGlobalId = (offer: { id: string }) => encodeGlobalId('Offer', offer.id);
export const partnerGlobalId = (partner: { id: string }) => encodeGlobalId('Partner', partner.id);
export const serviceGlobalId = (service: { id: string }) => encodeGlobalId('SubscriptionService', service.id);

/** `mutation ($input: XInput!) { x(input: $input) { subscription { id } userErrors { … } } }` */
export function subscriptionMutationDocument(name: string, extraPayloadFields = ''): string {
  const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${inputType}!) { ${name}(input: $input) { subscription { id } ${extraPayloadFields} userErrors { code field message } } }`;
}

export interface SubscriptionPayloadData {
  subscription: { id: string } | null;
  service?: { id: string } | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

/** The audit events written about a subscription, newest first. */
export function auditEventsOf(db: AppDatabase, subscriptionId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(arrayContains(auditEvents.targetIds, [subscriptionId]))
    .orderBy(desc(auditEvents.occurredAt));
}

/** The outbox events about a subscription, oldest first. */
export function outboxEventsOf(db: AppDatabase, subscriptionId: string) {
  return db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, subscriptionId)).orderBy(asc(outboxEvents.sequence));
}

/**
 * `count` copies of a subscription (same customer, offer, channel and terms; no services), inserted
 * by one INSERT … SELECT: how the export tests get thousands of rows in a moment.
 */
export async function cloneSubscription(db: AppDatabase, subscriptionId: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into subscriptions (customer_id, offer_id, channel, billing_model, status, quantity, term, term_start_date, term_end_date,
      billing_cycle, is_auto_renew_enabled, cancellation_allowed_until, seller_partner_id, billing_partner_id, managing_partner_id,
      external_reference)
    select customer_id, offer_id, channel, billing_model, status, quantity, term, term_start_date, term_end_date,
      billing_cycle, is_auto_renew_enabled, cancellation_allowed_until, seller_partner_id, billing_partner_id, managing_partner_id,
      'COPY-' || copy
    from subscriptions, generate_series(1, ${count}::int) as copy
    where id = ${subscriptionId}`);
}
