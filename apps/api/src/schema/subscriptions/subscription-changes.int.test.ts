/**
 * Changing existing subscriptions through GraphQL (domain.md §5, §8, §9): `subscriptionUpdate`,
 * `subscriptionSuspend`, `subscriptionReactivate`, `subscriptionCancel` and
 * `subscriptionServiceCancel` — who may, when, with versions, and under concurrency.
 */
import { describe, expect, it } from 'vitest';
import { seedIndirectLink, seedPartner, seedRelationship, seedTransfer } from '../../db/seed/factories.js';
import type { SeedSubscriptionOverrides } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createPartnerWithAdmin, createUser } from '../../test/factories.js';
import {
  auditEventsOf,
  createExternalSubscription,
  createOtherPartnerOf,
  createPartnerWithCustomer,
  createSoldSubscription,
  daysFromNow,
  outboxEventsOf,
  serviceGlobalId,
  subscriptionGlobalId,
  subscriptionMutationDocument,
} from '../../test/subscription-factories.js';
import type { SubscriptionPayloadData } from '../../test/subscription-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

type Actor = Parameters<typeof asUser>[0];

async function mutate(name: string, input: Record<string, unknown>, actor: Actor) {
  const extra = name === 'subscriptionServiceCancel' ? 'service { id }' : '';
  const result = await execute<Record<string, SubscriptionPayloadData>>(subscriptionMutationDocument(name, extra), { input }, { as: asUser(actor) });
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[name];
  if (!payload) throw new Error(`${name} returned no payload`);
  return payload;
}

async function stored(subscription: { id: string }) {
  const row = await db().query.subscriptions.findFirst({ where: { id: subscription.id }, with: { services: true } });
  if (!row) throw new Error(`No subscription ${subscription.id}`);
  return row;
}

const codes = (payload: SubscriptionPayloadData) => payload.userErrors.map((error) => error.code);

/** A seller with a customer and an ACTIVE CSP license-based subscription, 10 seats, past its window by default. */
async function soldSubscription(overrides: SeedSubscriptionOverrides = {}) {
  const world = await createPartnerWithCustomer(db());
  const subscription = await createSoldSubscription(db(), { ...overrides, sellerPartnerId: world.partner.id, customerId: world.customer.id });
  return { ...world, subscription };
}

/** Started two days ago: inside its 7-day cancellation window. */
const inWindow = () => ({ termStartDate: daysFromNow(-2) });

describe('subscriptionUpdate', () => {
  it('adds seats after the cancellation window, bumps the version, audits and announces the change', async () => {
    const { partner, admin, subscription } = await soldSubscription();

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 1, quantity: 15 }, admin);

    expect(payload).toEqual({ subscription: { id: subscriptionGlobalId(subscription) }, userErrors: [] });
    expect(await stored(subscription)).toMatchObject({ quantity: 15, version: 2 });
    const [audit] = await auditEventsOf(db(), subscription.id);
    expect(audit).toMatchObject({ partnerId: partner.id, operation: 'subscriptionUpdate', before: { subscription: { quantity: 10 } }, after: { subscription: { quantity: 15 } } });
    expect((await outboxEventsOf(db(), subscription.id)).map((event) => event.type)).toEqual(['subscription.updated']);
  });

  it('removes seats inside the cancellation window', async () => {
    const { admin, subscription } = await soldSubscription(inWindow());

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), quantity: 4 }, admin);

    expect(payload.userErrors).toEqual([]);
    expect((await stored(subscription)).quantity).toBe(4);
  });

  it('refuses removing seats after the cancellation window with QUANTITY_DECREASE_NOT_ALLOWED', async () => {
    const { admin, subscription } = await soldSubscription();

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), quantity: 4 }, admin);

    expect(payload.userErrors).toMatchObject([{ code: 'QUANTITY_DECREASE_NOT_ALLOWED', field: ['input', 'quantity'] }]);
    expect(await stored(subscription)).toMatchObject({ quantity: 10, version: 1 });
    expect(await auditEventsOf(db(), subscription.id)).toEqual([]);
  });

  it('refuses a partner that sees the CSP subscription but did not sell it with NOT_SELLER', async () => {
    const { customer, subscription } = await soldSubscription();
    const other = await createOtherPartnerOf(db(), customer);

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), autoRenew: false }, other.user);

    expect(codes(payload)).toEqual(['NOT_SELLER']);
  });

  it('lets the indirect provider change what its reseller sold', async () => {
    const provider = await createPartnerWithAdmin(db(), { kind: 'INDIRECT_PROVIDER' });
    const reseller = await seedPartner(db(), { kind: 'INDIRECT_RESELLER' });
    await seedIndirectLink(db(), { providerId: provider.partner.id, resellerId: reseller.id });
    const { customer } = await createPartnerWithCustomer(db());
    await seedRelationship(db(), { partnerId: reseller.id, customerId: customer.id, type: 'INDIRECT_RESELLER', indirectProviderId: provider.partner.id });
    await seedRelationship(db(), { partnerId: provider.partner.id, customerId: customer.id, type: 'INDIRECT_PROVIDER' });
    const subscription = await createSoldSubscription(db(), { sellerPartnerId: reseller.id, billingPartnerId: provider.partner.id, managingPartnerId: reseller.id, customerId: customer.id });

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), quantity: 30 }, provider.admin);

    expect(payload.userErrors).toEqual([]);
    expect((await stored(subscription)).quantity).toBe(30);
  });

  it('refuses any change but reactivation on a suspended subscription with SUBSCRIPTION_NOT_ACTIVE', async () => {
    const { admin, subscription } = await soldSubscription({ status: 'SUSPENDED', isAutoRenewEnabled: false });

    const payload = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), autoRenew: true }, admin);

    expect(codes(payload)).toEqual(['SUBSCRIPTION_NOT_ACTIVE']);
  });

  it('refuses seats on a usage-based subscription with BILLING_MODEL_MISMATCH, and still turns its auto-renew off', async () => {
    const { admin, subscription } = await soldSubscription({ billingModel: 'USAGE_BASED' });

    const seats = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), quantity: 3 }, admin);
    const autoRenew = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), autoRenew: false }, admin);

    expect(seats.userErrors).toMatchObject([{ code: 'BILLING_MODEL_MISMATCH', field: ['input', 'quantity'] }]);
    expect(autoRenew.userErrors).toEqual([]);
    expect(await stored(subscription)).toMatchObject({ quantity: null, isAutoRenewEnabled: false });
  });

  it('changes a subscription from another channel only through its managing partner (NOT_MANAGING_PARTNER otherwise)', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const managed = await createExternalSubscription(db(), { customerId: customer.id, billingModel: 'LICENSE_BASED', managingPartnerId: partner.id });

    const refused = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(managed), quantity: 2 }, other.user);
    const allowed = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(managed), quantity: 2 }, admin);

    expect(codes(refused)).toEqual(['NOT_MANAGING_PARTNER']);
    expect(allowed.userErrors).toEqual([]);
  });

  it('answers STALE_VERSION for a version that changed, and NOT_FOUND for a subscription the caller cannot see', async () => {
    const { admin, subscription } = await soldSubscription();
    const { admin: stranger } = await createPartnerWithAdmin(db());

    const stale = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 2, quantity: 11 }, admin);
    const hidden = await mutate('subscriptionUpdate', { subscriptionId: subscriptionGlobalId(subscription), quantity: 11 }, stranger);
    const malformed = await mutate('subscriptionUpdate', { subscriptionId: 'not-an-id', quantity: 11 }, admin);

    expect(stale.userErrors).toMatchObject([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    expect(hidden.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'subscriptionId'], message: 'No subscription with this id.' }]);
    expect(malformed.userErrors).toEqual(hidden.userErrors);
  });

  it('lets exactly one of two racing updates with the same expected version win; the other gets STALE_VERSION', async () => {
    const { admin, subscription } = await soldSubscription();
    const input = { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 1 };

    const results = await Promise.all([
      mutate('subscriptionUpdate', { ...input, quantity: 20 }, admin),
      mutate('subscriptionUpdate', { ...input, quantity: 30 }, admin),
    ]);

    expect(results.map(codes).sort()).toEqual([[], ['STALE_VERSION']]);
    const winner = results.findIndex((payload) => payload.userErrors.length === 0);
    expect(await stored(subscription)).toMatchObject({ version: 2, quantity: winner === 0 ? 20 : 30 });
    expect(await auditEventsOf(db(), subscription.id)).toHaveLength(1);
  });
});

describe('subscriptionSuspend and subscriptionReactivate', () => {
  it('suspends (a helpdesk agent may), turning auto-renew off; reactivation keeps it off', async () => {
    const { partner, subscription } = await soldSubscription();
    const helpdesk = await createUser(db(), { partnerId: partner.id, role: 'HELPDESK_AGENT' });

    const suspended = await mutate('subscriptionSuspend', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 1, reason: 'Unpaid invoice' }, helpdesk);
    expect(suspended.userErrors).toEqual([]);
    expect(await stored(subscription)).toMatchObject({ status: 'SUSPENDED', isAutoRenewEnabled: false, version: 2 });

    const reactivated = await mutate('subscriptionReactivate', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 2 }, helpdesk);
    expect(reactivated.userErrors).toEqual([]);
    expect(await stored(subscription)).toMatchObject({ status: 'ACTIVE', isAutoRenewEnabled: false, version: 3 });
    expect((await outboxEventsOf(db(), subscription.id)).map((event) => event.type)).toEqual(['subscription.suspended', 'subscription.reactivated']);
  });

  it('refuses suspending a suspended subscription, and reactivating a cancelled one, with SUBSCRIPTION_NOT_ACTIVE', async () => {
    const { admin, partner, customer } = await createPartnerWithCustomer(db());
    const suspended = await createSoldSubscription(db(), { sellerPartnerId: partner.id, customerId: customer.id, status: 'SUSPENDED' });
    const cancelled = await createSoldSubscription(db(), { sellerPartnerId: partner.id, customerId: customer.id, status: 'CANCELLED' });

    const suspendAgain = await mutate('subscriptionSuspend', { subscriptionId: subscriptionGlobalId(suspended) }, admin);
    const reactivateCancelled = await mutate('subscriptionReactivate', { subscriptionId: subscriptionGlobalId(cancelled) }, admin);

    expect(codes(suspendAgain)).toEqual(['SUBSCRIPTION_NOT_ACTIVE']);
    expect(codes(reactivateCancelled)).toEqual(['SUBSCRIPTION_NOT_ACTIVE']);
  });

  it('is FORBIDDEN to a billing admin', async () => {
    const { partner, subscription } = await soldSubscription();
    const billing = await createUser(db(), { partnerId: partner.id, role: 'BILLING_ADMIN' });

    const result = await execute(subscriptionMutationDocument('subscriptionSuspend'), { input: { subscriptionId: subscriptionGlobalId(subscription) } }, { as: asUser(billing) });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subscriptionCancel', () => {
  it('cancels a license-based CSP subscription inside its cancellation window', async () => {
    const { admin, subscription } = await soldSubscription(inWindow());

    const payload = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 1, reason: 'Ordered by mistake' }, admin);

    expect(payload.userErrors).toEqual([]);
    const row = await stored(subscription);
    expect(row).toMatchObject({ status: 'CANCELLED', isAutoRenewEnabled: false, version: 2 });
    expect(row.cancelledAt).toBeInstanceOf(Date);
    expect((await outboxEventsOf(db(), subscription.id)).map((event) => event.type)).toEqual(['subscription.cancelled']);
  });

  it('refuses a license-based CSP subscription after its window with CANCELLATION_WINDOW_PASSED', async () => {
    const { admin, subscription } = await soldSubscription();

    const payload = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(subscription) }, admin);

    expect(codes(payload)).toEqual(['CANCELLATION_WINDOW_PASSED']);
    expect((await stored(subscription)).status).toBe('ACTIVE');
  });

  it('cancels a usage-based subscription at any time, ending its running services', async () => {
    const { admin, subscription } = await soldSubscription({ billingModel: 'USAGE_BASED', termStartDate: daysFromNow(-300) });

    const payload = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(subscription) }, admin);

    expect(payload.userErrors).toEqual([]);
    const row = await stored(subscription);
    expect(row.status).toBe('CANCELLED');
    expect(row.services.map((service) => service.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('lets the managing partner record the cancellation of an EA subscription; anyone else gets NOT_MANAGING_PARTNER', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const external = await createExternalSubscription(db(), { customerId: customer.id, managingPartnerId: partner.id });

    const refused = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(external) }, other.user);
    const allowed = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(external) }, admin);

    expect(codes(refused)).toEqual(['NOT_MANAGING_PARTNER']);
    expect(allowed.userErrors).toEqual([]);
  });

  it('refuses a subscription held by an open transfer with ALREADY_IN_TRANSFER', async () => {
    const { admin, partner, customer, subscription } = await soldSubscription({ billingModel: 'USAGE_BASED' });
    const target = await createOtherPartnerOf(db(), customer);
    await seedTransfer(db(), { subscriptionIds: [subscription.id], sourcePartnerId: partner.id, targetPartnerId: target.partner.id });

    const payload = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(subscription) }, admin);

    expect(codes(payload)).toEqual(['ALREADY_IN_TRANSFER']);
  });

  it('refuses with ALREADY_IN_TRANSFER even when the transfer is another partner’s, which the caller cannot see', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const direct = await createExternalSubscription(db(), { customerId: customer.id, channel: 'DIRECT', billingModel: 'LICENSE_BASED', managingPartnerId: partner.id });
    await seedTransfer(db(), { kind: 'LICENSE_TRANSITION', status: 'SCHEDULED', subscriptionIds: [direct.id], targetPartnerId: other.partner.id });

    const payload = await mutate('subscriptionCancel', { subscriptionId: subscriptionGlobalId(direct) }, admin);

    expect(codes(payload)).toEqual(['ALREADY_IN_TRANSFER']);
  });

  it.each(['HELPDESK_AGENT', 'SALES_AGENT'] as const)('is FORBIDDEN to a %s', async (role) => {
    const { partner, subscription } = await soldSubscription(inWindow());
    const user = await createUser(db(), { partnerId: partner.id, role });

    const result = await execute(subscriptionMutationDocument('subscriptionCancel'), { input: { subscriptionId: subscriptionGlobalId(subscription) } }, { as: asUser(user) });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stored(subscription)).status).toBe('ACTIVE');
  });
});

describe('subscriptionServiceCancel', () => {
  it('cancels one Azure service at any time; the subscription and its other services carry on', async () => {
    const { admin, subscription } = await soldSubscription({ billingModel: 'USAGE_BASED', termStartDate: daysFromNow(-300) });
    const [first, second] = subscription.services;
    if (!first || !second) throw new Error('expected two services');

    const payload = await mutate('subscriptionServiceCancel', { subscriptionId: subscriptionGlobalId(subscription), expectedVersion: 1, serviceId: serviceGlobalId(first) }, admin);

    expect(payload).toEqual({ subscription: { id: subscriptionGlobalId(subscription) }, service: { id: serviceGlobalId(first) }, userErrors: [] });
    const row = await stored(subscription);
    expect(row).toMatchObject({ status: 'ACTIVE', version: 2 });
    expect(Object.fromEntries(row.services.map((service) => [service.id, service.status]))).toEqual({ [first.id]: 'CANCELLED', [second.id]: 'ACTIVE' });
    expect((await outboxEventsOf(db(), subscription.id)).map((event) => event.type)).toEqual(['subscription.serviceCancelled']);
  });

  it('refuses a service that is already cancelled with SERVICE_NOT_ACTIVE', async () => {
    const { admin, subscription } = await soldSubscription({ billingModel: 'USAGE_BASED', services: [{ name: 'Storage', status: 'CANCELLED' }] });
    const [service] = subscription.services;
    if (!service) throw new Error('expected a service');

    const payload = await mutate('subscriptionServiceCancel', { subscriptionId: subscriptionGlobalId(subscription), serviceId: serviceGlobalId(service) }, admin);

    expect(payload.userErrors).toMatchObject([{ code: 'SERVICE_NOT_ACTIVE', field: ['input', 'serviceId'] }]);
  });
});
