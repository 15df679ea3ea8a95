/**
 * `subscriptionCreate`, `subscriptionRegisterExternal` and `subscriptionManage` through GraphQL:
 * how subscriptions come into Switchyard and who manages them (domain.md §3–§6, §8).
 */
import { randomUUID } from 'node:crypto';
import { addTerm } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import {
  seedCustomer,
  seedIndirectLink,
  seedOffer,
  seedPartner,
  seedRelationship,
  seedRelationshipRequest,
} from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createPartnerWithAdmin, createUser } from '../../test/factories.js';
import {
  auditEventsOf,
  createExternalSubscription,
  createOtherPartnerOf,
  createPartnerWithCustomer,
  createSoldSubscription,
  customerGlobalId,
  daysFromNow,
  offerGlobalId,
  outboxEventsOf,
  partnerGlobalId,
  subscriptionGlobalId,
  subscriptionMutationDocument,
} from '../../test/subscription-factories.js';
import type { SubscriptionPayloadData } from '../../test/subscription-factories.js';
import { databaseIdOf } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

type Actor = Parameters<typeof asUser>[0];

async function mutate(name: string, input: Record<string, unknown>, actor: Actor, options: { idempotencyKey?: string } = {}) {
  const result = await execute<Record<string, SubscriptionPayloadData>>(subscriptionMutationDocument(name), { input }, { as: asUser(actor), ...options });
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[name];
  if (!payload) throw new Error(`${name} returned no payload`);
  return payload;
}

async function storedSubscription(globalId: string | undefined) {
  const id = globalId ? databaseIdOf(globalId, 'Subscription') : undefined;
  if (!id) throw new Error(`Not a subscription id: ${globalId}`);
  const row = await db().query.subscriptions.findFirst({ where: { id }, with: { services: true } });
  if (!row) throw new Error(`No subscription ${id}`);
  return row;
}

const codes = (payload: SubscriptionPayloadData) => payload.userErrors.map((error) => error.code);

describe('subscriptionCreate', () => {
  it('sells a license-based subscription: active, a term from now, a 7-day cancellation window, sold, billed and managed by the seller', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const stranger = await seedPartner(db());
    const offer = await seedOffer(db());
    const before = new Date();

    const payload = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 25, term: 'P1Y', billingCycle: 'MONTHLY' },
      admin,
    );

    expect(payload.userErrors).toEqual([]);
    const subscription = await storedSubscription(payload.subscription?.id);
    expect(subscription).toMatchObject({
      channel: 'CSP',
      status: 'ACTIVE',
      quantity: 25,
      term: 'P1Y',
      billingCycle: 'MONTHLY',
      isAutoRenewEnabled: true,
      sellerPartnerId: partner.id,
      billingPartnerId: partner.id,
      managingPartnerId: partner.id,
      version: 1,
    });
    expect(subscription.termStartDate.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(subscription.termEndDate).toEqual(addTerm(subscription.termStartDate, 'P1Y'));
    expect(subscription.cancellationAllowedUntil).toEqual(daysFromNow(7, subscription.termStartDate));

    const [audit] = await auditEventsOf(db(), subscription.id);
    expect(audit).toMatchObject({ partnerId: partner.id, actorType: 'USER', actorId: admin.id, operation: 'subscriptionCreate', before: null });
    const events = await outboxEventsOf(db(), subscription.id);
    expect(events.map((event) => event.type)).toEqual(['subscription.created']);
    // Everyone who may see the customer's subscriptions hears of it; nobody else does.
    expect(events[0]?.audiencePartnerIds).toEqual([partner.id, other.partner.id].sort());
    expect(events[0]?.audiencePartnerIds).not.toContain(stranger.id);
  });

  it('sells a usage-based (Azure plan) subscription without seats, naming its first services, with no cancellation window', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const azure = await seedOffer(db(), { billingModel: 'USAGE_BASED' });

    const payload = await mutate(
      'subscriptionCreate',
      {
        customerId: customerGlobalId(customer),
        offerId: offerGlobalId(azure),
        term: 'P1M',
        billingCycle: 'MONTHLY',
        services: [{ name: 'Virtual Machines' }, { name: 'Storage' }],
      },
      admin,
    );

    expect(payload.userErrors).toEqual([]);
    const subscription = await storedSubscription(payload.subscription?.id);
    expect(subscription).toMatchObject({ billingModel: 'USAGE_BASED', quantity: null, cancellationAllowedUntil: null, status: 'ACTIVE' });
    expect(subscription.services.map((service) => [service.name, service.status]).sort()).toEqual([
      ['Storage', 'ACTIVE'],
      ['Virtual Machines', 'ACTIVE'],
    ]);
  });

  it('refuses a customer with only a pending relationship request with RELATIONSHIP_REQUIRED', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const customer = await seedCustomer(db());
    await seedRelationshipRequest(db(), { partnerId: partner.id, customerId: customer.id });
    const offer = await seedOffer(db());

    const payload = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 1, term: 'P1Y', billingCycle: 'ANNUAL' },
      admin,
    );

    expect(payload.subscription).toBeNull();
    expect(codes(payload)).toEqual(['RELATIONSHIP_REQUIRED']);
  });

  it('answers NOT_FOUND for a customer the partner cannot see, as for an id that does not exist', async () => {
    const { admin } = await createPartnerWithAdmin(db());
    const { customer } = await createPartnerWithCustomer(db());
    const offer = await seedOffer(db());
    const input = { offerId: offerGlobalId(offer), quantity: 1, term: 'P1Y', billingCycle: 'ANNUAL' };

    const hidden = await mutate('subscriptionCreate', { ...input, customerId: customerGlobalId(customer) }, admin);
    const missing = await mutate('subscriptionCreate', { ...input, customerId: customerGlobalId({ id: randomUUID() }) }, admin);

    expect(hidden.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'customerId'], message: 'No customer with this id.' }]);
    expect(missing.userErrors).toEqual(hidden.userErrors);
  });

  it('a sale to the partner tenant is refused with PARTNER_TENANT_NOT_ALLOWED', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db(), { customer: { isPartnerTenant: true } });
    const offer = await seedOffer(db());

    const payload = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 5, term: 'P1Y', billingCycle: 'ANNUAL' },
      admin,
    );

    expect(codes(payload)).toEqual(['PARTNER_TENANT_NOT_ALLOWED']);
  });

  describe('an indirect reseller sells only through its active provider link', () => {
    async function resellerWorld(linkStatus: 'ACTIVE' | 'SUSPENDED') {
      const provider = await seedPartner(db(), { kind: 'INDIRECT_PROVIDER' });
      const { partner: reseller, admin } = await createPartnerWithAdmin(db(), { kind: 'INDIRECT_RESELLER' });
      await seedIndirectLink(db(), { providerId: provider.id, resellerId: reseller.id, status: linkStatus });
      const customer = await seedCustomer(db());
      await seedRelationship(db(), { partnerId: reseller.id, customerId: customer.id, type: 'INDIRECT_RESELLER', indirectProviderId: provider.id });
      await seedRelationship(db(), { partnerId: provider.id, customerId: customer.id, type: 'INDIRECT_PROVIDER' });
      const offer = await seedOffer(db());
      return { provider, reseller, admin, customer, offer };
    }

    it('sells through an ACTIVE link, billed by the provider', async () => {
      const { provider, reseller, admin, customer, offer } = await resellerWorld('ACTIVE');

      const payload = await mutate(
        'subscriptionCreate',
        { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 3, term: 'P1M', billingCycle: 'MONTHLY' },
        admin,
      );

      expect(payload.userErrors).toEqual([]);
      const subscription = await storedSubscription(payload.subscription?.id);
      expect(subscription).toMatchObject({ sellerPartnerId: reseller.id, billingPartnerId: provider.id, managingPartnerId: reseller.id });
    });

    it('refuses a sale through a suspended link with INDIRECT_LINK_REQUIRED', async () => {
      const { admin, customer, offer, provider } = await resellerWorld('SUSPENDED');

      const payload = await mutate(
        'subscriptionCreate',
        {
          customerId: customerGlobalId(customer),
          offerId: offerGlobalId(offer),
          quantity: 3,
          term: 'P1M',
          billingCycle: 'MONTHLY',
          indirectProviderId: partnerGlobalId(provider),
        },
        admin,
      );

      expect(payload.subscription).toBeNull();
      expect(payload.userErrors).toMatchObject([{ code: 'INDIRECT_LINK_REQUIRED', field: ['input', 'indirectProviderId'] }]);
    });
  });

  it('refuses what does not fit the offer with VALIDATION_FAILED on the field: a term it is not sold for, seats missing', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const offer = await seedOffer(db(), { terms: ['P1Y'] });

    const wrongTerm = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 1, term: 'P1M', billingCycle: 'MONTHLY' },
      admin,
    );
    const noSeats = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), term: 'P1Y', billingCycle: 'ANNUAL' },
      admin,
    );
    const zeroSeats = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 0, term: 'P1Y', billingCycle: 'ANNUAL' },
      admin,
    );

    expect(wrongTerm.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'term'] }]);
    expect(noSeats.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'quantity'] }]);
    expect(zeroSeats.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'quantity'] }]);
  });

  it('answers NOT_FOUND for an offer outside the partner’s cloud catalog', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const governmentOnly = await seedOffer(db(), { clouds: ['US_GOVERNMENT'] });

    const payload = await mutate(
      'subscriptionCreate',
      { customerId: customerGlobalId(customer), offerId: offerGlobalId(governmentOnly), quantity: 1, term: 'P1Y', billingCycle: 'ANNUAL' },
      admin,
    );

    expect(payload.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'offerId'] }]);
  });

  it('is FORBIDDEN to a billing admin, and allowed to a sales agent', async () => {
    const { partner, customer } = await createPartnerWithCustomer(db());
    const billing = await createUser(db(), { partnerId: partner.id, role: 'BILLING_ADMIN' });
    const sales = await createUser(db(), { partnerId: partner.id, role: 'SALES_AGENT' });
    const offer = await seedOffer(db());
    const input = { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 1, term: 'P1Y', billingCycle: 'ANNUAL' };

    const refused = await execute(subscriptionMutationDocument('subscriptionCreate'), { input }, { as: asUser(billing) });
    const allowed = await mutate('subscriptionCreate', input, sales);

    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(allowed.userErrors).toEqual([]);
  });

  it('sells once for a retried Idempotency-Key, and refuses the key with other input', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const offer = await seedOffer(db());
    const input = { customerId: customerGlobalId(customer), offerId: offerGlobalId(offer), quantity: 2, term: 'P1Y', billingCycle: 'ANNUAL' };
    const idempotencyKey = randomUUID();

    const first = await mutate('subscriptionCreate', input, admin, { idempotencyKey });
    const retry = await mutate('subscriptionCreate', input, admin, { idempotencyKey });
    const reused = await mutate('subscriptionCreate', { ...input, quantity: 3 }, admin, { idempotencyKey });

    expect(retry).toEqual(first);
    expect(codes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const sold = await db().query.subscriptions.findMany({ where: { customerId: customer.id } });
    expect(sold).toHaveLength(1);
  });
});

describe('subscriptionRegisterExternal', () => {
  it('records an EA Azure subscription with its services: nobody sells or manages it yet', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const azure = await seedOffer(db(), { billingModel: 'USAGE_BASED' });

    const payload = await mutate(
      'subscriptionRegisterExternal',
      {
        customerId: customerGlobalId(customer),
        offerId: offerGlobalId(azure),
        channel: 'EA',
        externalReference: 'EA-7781-2231',
        termStart: '2025-01-01',
        termEnd: '2028-01-01',
        services: [{ name: 'Virtual Machines' }],
      },
      admin,
    );

    expect(payload.userErrors).toEqual([]);
    const subscription = await storedSubscription(payload.subscription?.id);
    expect(subscription).toMatchObject({
      channel: 'EA',
      status: 'ACTIVE',
      externalReference: 'EA-7781-2231',
      term: 'P3Y',
      termStartDate: new Date('2025-01-01T00:00:00Z'),
      termEndDate: new Date('2028-01-01T00:00:00Z'),
      cancellationAllowedUntil: null,
      sellerPartnerId: null,
      billingPartnerId: null,
      managingPartnerId: null,
    });
    expect(subscription.services.map((service) => service.name)).toEqual(['Virtual Machines']);
    const events = await outboxEventsOf(db(), subscription.id);
    expect(events.map((event) => [event.type, event.audiencePartnerIds])).toEqual([['subscription.registered', [partner.id]]]);
  });

  it('refuses the same paperwork twice with SUBSCRIPTION_ALREADY_REGISTERED, whatever the case of the reference', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const offer = await seedOffer(db());
    const input = (externalReference: string, termStart = '2025-01-01') => ({
      customerId: customerGlobalId(customer),
      offerId: offerGlobalId(offer),
      channel: 'OPEN',
      externalReference,
      quantity: 5,
      termStart,
      termEnd: '2026-06-01',
    });

    expect((await mutate('subscriptionRegisterExternal', input('OPEN-9'), admin)).userErrors).toEqual([]);
    const again = await mutate('subscriptionRegisterExternal', input('open-9'), admin);
    const nextTerm = await mutate('subscriptionRegisterExternal', input('OPEN-9', '2025-06-01'), admin);

    expect(again.userErrors).toMatchObject([{ code: 'SUBSCRIPTION_ALREADY_REGISTERED', field: ['input', 'externalReference'] }]);
    expect(nextTerm.userErrors).toEqual([]);
  });

  it('refuses CSP as a channel: CSP subscriptions are sold, not registered', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const offer = await seedOffer(db());

    const payload = await mutate(
      'subscriptionRegisterExternal',
      {
        customerId: customerGlobalId(customer),
        offerId: offerGlobalId(offer),
        channel: 'CSP',
        externalReference: 'X-1',
        quantity: 5,
        termStart: '2025-01-01',
        termEnd: '2026-01-01',
      },
      admin,
    );

    expect(payload.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'channel'] }]);
  });

  it('needs an ACTIVE relationship: a pending request is refused with RELATIONSHIP_REQUIRED', async () => {
    const { partner, admin } = await createPartnerWithAdmin(db());
    const customer = await seedCustomer(db());
    await seedRelationshipRequest(db(), { partnerId: partner.id, customerId: customer.id });
    const offer = await seedOffer(db());

    const payload = await mutate(
      'subscriptionRegisterExternal',
      {
        customerId: customerGlobalId(customer),
        offerId: offerGlobalId(offer),
        channel: 'OPEN',
        externalReference: 'OPEN-1',
        quantity: 5,
        termStart: '2025-01-01',
        termEnd: '2026-01-01',
      },
      admin,
    );

    expect(codes(payload)).toEqual(['RELATIONSHIP_REQUIRED']);
  });
});

describe('subscriptionManage', () => {
  it('takes over an EA subscription: the managing partner changes, there is still no seller', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const external = await createExternalSubscription(db(), { customerId: customer.id });

    const payload = await mutate('subscriptionManage', { subscriptionId: subscriptionGlobalId(external), expectedVersion: 1 }, admin);

    expect(payload.userErrors).toEqual([]);
    const subscription = await storedSubscription(payload.subscription?.id);
    expect(subscription).toMatchObject({ managingPartnerId: partner.id, sellerPartnerId: null, version: 2 });
    const events = await outboxEventsOf(db(), external.id);
    expect(events.map((event) => event.type)).toEqual(['subscription.managed']);
  });

  it('takes over from another managing partner (multi-partner)', async () => {
    const { partner, admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const external = await createExternalSubscription(db(), { customerId: customer.id, managingPartnerId: other.partner.id });

    const payload = await mutate('subscriptionManage', { subscriptionId: subscriptionGlobalId(external) }, admin);

    expect(payload.userErrors).toEqual([]);
    expect((await storedSubscription(payload.subscription?.id)).managingPartnerId).toBe(partner.id);
  });

  it.each(['CSP', 'SYNDICATION'] as const)('refuses a %s subscription with CHANNEL_NOT_MANAGEABLE', async (channel) => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const other = await createOtherPartnerOf(db(), customer);
    const subscription =
      channel === 'CSP'
        ? await createSoldSubscription(db(), { sellerPartnerId: other.partner.id, customerId: customer.id })
        : await createExternalSubscription(db(), { customerId: customer.id, channel });

    const payload = await mutate('subscriptionManage', { subscriptionId: subscriptionGlobalId(subscription) }, admin);

    expect(codes(payload)).toEqual(['CHANNEL_NOT_MANAGEABLE']);
    expect((await storedSubscription(subscriptionGlobalId(subscription))).version).toBe(1);
  });

  it('answers NOT_FOUND without a relationship with the customer, and STALE_VERSION for an old version', async () => {
    const { admin, customer } = await createPartnerWithCustomer(db());
    const external = await createExternalSubscription(db(), { customerId: customer.id });
    const { admin: stranger } = await createPartnerWithAdmin(db());

    const hidden = await mutate('subscriptionManage', { subscriptionId: subscriptionGlobalId(external) }, stranger);
    const stale = await mutate('subscriptionManage', { subscriptionId: subscriptionGlobalId(external), expectedVersion: 7 }, admin);

    expect(hidden.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'subscriptionId'] }]);
    expect(stale.userErrors).toMatchObject([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
  });
});
