/**
 * Factories for the read API tests: a partner with customers it can see in each way domain.md §8
 * names (an ACTIVE relationship, only a pending request, a terminated relationship) and customers
 * it cannot see, each with subscriptions. Built on the seed factories (src/db/seed/factories.ts)
 * and the infra factories (./factories.ts); every value is unique, so files run in parallel.
 */
import type { AppDatabase } from '../db/client.js';
import type { customers, partners } from '../db/schema/index.js';
import { seedCustomer, seedRelationship, seedRelationshipRequest, seedSubscription, uniqueSuffix } from '../db/seed/factories.js';
import type { SeedSubscriptionOverrides } from '../db/seed/factories.js';
import { createPartnerWithAdmin } from './factories.js';

export type CustomerOverrides = Partial<typeof customers.$inferInsert>;

/** A customer the partner has an ACTIVE relationship with, and subscriptions of it (default: one EA Azure). */
export async function createActiveCustomer(
  db: AppDatabase,
  partner: { id: string; cloud: (typeof partners.$inferSelect)['cloud'] },
  options: { customer?: CustomerOverrides; subscriptions?: SeedSubscriptionOverrides[] } = {},
) {
  const customer = await seedCustomer(db, { cloud: partner.cloud, ...options.customer });
  const relationship = await seedRelationship(db, { partnerId: partner.id, customerId: customer.id });
  const subscriptions = [];
  for (const overrides of options.subscriptions ?? [{ channel: 'EA', billingModel: 'USAGE_BASED' }]) {
    subscriptions.push(await seedSubscription(db, { customerId: customer.id, ...overrides }));
  }
  return { customer, relationship, subscriptions };
}

/** A customer the partner only sent a (still PENDING) relationship request to; it has a subscription bought direct. */
export async function createPendingCustomer(db: AppDatabase, partner: { id: string; cloud: (typeof partners.$inferSelect)['cloud'] }, customer: CustomerOverrides = {}) {
  const row = await seedCustomer(db, { cloud: partner.cloud, ...customer });
  const request = await seedRelationshipRequest(db, { partnerId: partner.id, customerId: row.id });
  const subscription = await seedSubscription(db, { customerId: row.id, channel: 'DIRECT', managingPartnerId: null });
  return { customer: row, request, subscription };
}

/** A customer whose relationship with the partner was TERMINATED; it still has a subscription. */
export async function createFormerCustomer(db: AppDatabase, partner: { id: string; cloud: (typeof partners.$inferSelect)['cloud'] }, customer: CustomerOverrides = {}) {
  const row = await seedCustomer(db, { cloud: partner.cloud, ...customer });
  const relationship = await seedRelationship(db, { partnerId: partner.id, customerId: row.id, status: 'TERMINATED' });
  const subscription = await seedSubscription(db, { customerId: row.id, channel: 'OPEN', managingPartnerId: null });
  return { customer: row, relationship, subscription };
}

/**
 * A partner (GLOBAL direct provider) with a global admin, a stranger partner with its own customer,
 * and a customer the partner's request to was DECLINED: the things it must not see.
 */
export async function createReadWorld(db: AppDatabase) {
  const own = await createPartnerWithAdmin(db);
  const stranger = await createPartnerWithAdmin(db);
  const strangers = await createActiveCustomer(db, stranger.partner, { customer: { companyName: `Stranger ${uniqueSuffix()}` } });
  const declined = await seedCustomer(db, { companyName: `Declined ${uniqueSuffix()}` });
  await seedRelationshipRequest(db, { partnerId: own.partner.id, customerId: declined.id, status: 'DECLINED' });
  return { ...own, stranger, strangerCustomer: strangers.customer, strangerSubscription: strangers.subscriptions[0], declinedCustomer: declined };
}
