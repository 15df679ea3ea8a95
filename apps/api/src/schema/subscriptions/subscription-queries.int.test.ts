/** `subscriptions` (visibility, filters, ordering), `subscriptionCounts` and the `CustomerSubscription` type. */
import { describe, expect, it } from 'vitest';
import { seedCustomer, seedRelationship, seedSubscription } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createActiveCustomer, createFormerCustomer, createPendingCustomer, createReadWorld } from '../../test/read-api-factories.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;
const DAY = 24 * 60 * 60 * 1000;

interface SubscriptionsData {
  subscriptions: { totalCount: number; nodes: { id: string; channel: string; status: string; billingModel: string }[] };
}

const SUBSCRIPTIONS = `query Subscriptions($customerId: ID, $channel: Channel, $billingModel: BillingModel, $status: SubscriptionStatus, $termEndsBefore: DateTime, $orderBy: SubscriptionOrder) {
  subscriptions(first: 100, customerId: $customerId, channel: $channel, billingModel: $billingModel, status: $status, termEndsBefore: $termEndsBefore, orderBy: $orderBy) {
    totalCount
    nodes { id channel status billingModel }
  }
}`;

const gid = (row: { id: string }) => encodeGlobalId('Subscription', row.id);

describe('subscriptions', () => {
  it('lists every channel’s subscriptions of customers you have an ACTIVE relationship with, and nothing else', async () => {
    const world = await createReadWorld(db());
    const active = await createActiveCustomer(db(), world.partner, {
      subscriptions: [
        { channel: 'EA', billingModel: 'USAGE_BASED' },
        { channel: 'DIRECT', managingPartnerId: null },
        // Sold by another partner: still visible (multi-channel, multi-partner).
        { channel: 'CSP' },
        { channel: 'SYNDICATION', managingPartnerId: null },
      ],
    });
    await createPendingCustomer(db(), world.partner);
    await createFormerCustomer(db(), world.partner);

    const result = await execute<SubscriptionsData>(SUBSCRIPTIONS, {}, { as: asUser(world.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.subscriptions.totalCount).toBe(4);
    expect(result.data?.subscriptions.nodes.map((node) => node.id).sort()).toEqual(active.subscriptions.map(gid).sort());
  });

  it('does not show subscriptions of a customer in another cloud, even with an ACTIVE relationship row', async () => {
    const world = await createReadWorld(db());
    // Such a row cannot be created through the API (CLOUD_MISMATCH); visibility holds even so.
    const foreign = await seedCustomer(db(), { cloud: 'US_GOVERNMENT' });
    await seedRelationship(db(), { partnerId: world.partner.id, customerId: foreign.id });
    await seedSubscription(db(), { customerId: foreign.id, channel: 'EA', managingPartnerId: null });

    const result = await execute<SubscriptionsData>(SUBSCRIPTIONS, {}, { as: asUser(world.admin) });

    expect(result.data?.subscriptions).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by customer, channel, billing model, status and term end, on top of what you may see', async () => {
    const world = await createReadWorld(db());
    const now = Date.now();
    const first = await createActiveCustomer(db(), world.partner, {
      subscriptions: [
        { channel: 'CSP', sellerPartnerId: world.partner.id, termStartDate: new Date(now - 330 * DAY) },
        { channel: 'EA', billingModel: 'USAGE_BASED' },
        { channel: 'OPEN', status: 'SUSPENDED', managingPartnerId: null },
      ],
    });
    const second = await createActiveCustomer(db(), world.partner, { subscriptions: [{ channel: 'CSP', sellerPartnerId: world.partner.id }] });
    const ids = async (variables: Record<string, unknown>) =>
      (await execute<SubscriptionsData>(SUBSCRIPTIONS, variables, { as: asUser(world.admin) })).data?.subscriptions.nodes.map((node) => node.id).sort();
    const [csp, ea, open] = first.subscriptions.map(gid);

    expect(await ids({ customerId: encodeGlobalId('Customer', first.customer.id) })).toEqual([csp, ea, open].sort());
    expect(await ids({ customerId: encodeGlobalId('Customer', world.strangerCustomer.id) })).toEqual([]);
    expect(await ids({ customerId: 'garbage' })).toEqual([]);
    expect(await ids({ channel: 'CSP' })).toEqual([csp, gid(second.subscriptions[0] ?? { id: '' })].sort());
    expect(await ids({ billingModel: 'USAGE_BASED' })).toEqual([ea]);
    expect(await ids({ status: 'SUSPENDED' })).toEqual([open]);
    // The CSP one started 330 days ago on a one-year term: it ends within 60 days.
    expect(await ids({ channel: 'CSP', termEndsBefore: new Date(now + 60 * DAY).toISOString() })).toEqual([csp]);
  });

  it('orders newest first by default, and by term end when asked, subscriptions without an end last', async () => {
    const world = await createReadWorld(db());
    const now = Date.now();
    const { subscriptions } = await createActiveCustomer(db(), world.partner, {
      subscriptions: [
        { channel: 'CSP', sellerPartnerId: world.partner.id, termStartDate: new Date(now - 100 * DAY), createdAt: new Date(now - 3 * DAY) },
        { channel: 'EA', billingModel: 'USAGE_BASED', termEndDate: null, createdAt: new Date(now - 2 * DAY) },
        { channel: 'CSP', sellerPartnerId: world.partner.id, termStartDate: new Date(now - 300 * DAY), createdAt: new Date(now - DAY) },
      ],
    });
    const [later, noEnd, sooner] = subscriptions.map(gid);
    const order = async (orderBy?: { field: string; direction: string }) =>
      (await execute<SubscriptionsData>(SUBSCRIPTIONS, { orderBy }, { as: asUser(world.admin) })).data?.subscriptions.nodes.map((node) => node.id);

    expect(await order()).toEqual([sooner, noEnd, later]);
    expect(await order({ field: 'TERM_END_DATE', direction: 'ASC' })).toEqual([sooner, later, noEnd]);
    expect(await order({ field: 'CREATED_AT', direction: 'ASC' })).toEqual([later, noEnd, sooner]);
  });

  it('exposes a subscription’s fields, services and partners, under the GraphQL type CustomerSubscription with ids that say Subscription', async () => {
    const world = await createReadWorld(db());
    const { customer, subscriptions } = await createActiveCustomer(db(), world.partner, {
      subscriptions: [{ channel: 'EA', billingModel: 'USAGE_BASED', managingPartnerId: world.partner.id, services: ['Virtual Machines', { name: 'Storage', status: 'CANCELLED' }] }],
    });
    const [subscription] = subscriptions;
    const result = await execute(
      `query One($id: ID!) { node(id: $id) { __typename id ... on CustomerSubscription {
        channel billingModel status quantity autoRenew externalReference isInOpenTransfer version
        customer { id } offer { billingModel } seller { id } managingPartner { id } migratedFrom { id }
        services { __typename id name status subscription { id } migratedTo { id } }
      } } }`,
      { id: gid(subscription ?? { id: '' }) },
      { as: asUser(world.admin) },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      node: {
        __typename: 'CustomerSubscription',
        id: gid(subscription ?? { id: '' }),
        channel: 'EA',
        billingModel: 'USAGE_BASED',
        status: 'ACTIVE',
        quantity: null,
        autoRenew: false,
        externalReference: subscription?.externalReference,
        isInOpenTransfer: false,
        version: 1,
        customer: { id: encodeGlobalId('Customer', customer.id) },
        offer: { billingModel: 'USAGE_BASED' },
        seller: null,
        managingPartner: { id: encodeGlobalId('Partner', world.partner.id) },
        migratedFrom: null,
        services: (subscription?.services ?? [])
          .map((service) => ({
            __typename: 'SubscriptionService',
            id: encodeGlobalId('SubscriptionService', service.id),
            name: service.name,
            status: service.status,
            subscription: { id: gid(subscription ?? { id: '' }) },
            migratedTo: null,
          }))
          .sort((left, right) => left.name.localeCompare(right.name)),
      },
    });
  });
});

describe('subscriptionCounts', () => {
  it('counts your visible subscriptions by channel and status, and terms ending within the window', async () => {
    const world = await createReadWorld(db());
    const now = Date.now();
    await createActiveCustomer(db(), world.partner, {
      subscriptions: [
        // A one-year term started 330 days ago ends in about 35 days.
        { channel: 'CSP', sellerPartnerId: world.partner.id, termStartDate: new Date(now - 330 * DAY) },
        { channel: 'CSP', sellerPartnerId: world.partner.id, status: 'CANCELLED' },
        { channel: 'EA', billingModel: 'USAGE_BASED', termEndDate: null },
      ],
    });
    await createPendingCustomer(db(), world.partner);

    const result = await execute(
      `{ subscriptionCounts { total byChannel { channel count } byStatus { status count } soon: termsEndingWithin termsEndingWithin(days: 10) } }`,
      {},
      { as: asUser(world.admin) },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      subscriptionCounts: {
        total: 3,
        byChannel: [
          { channel: 'CSP', count: 2 },
          { channel: 'EA', count: 1 },
        ],
        byStatus: [
          { status: 'ACTIVE', count: 2 },
          { status: 'CANCELLED', count: 1 },
        ],
        soon: 1,
        termsEndingWithin: 0,
      },
    });
  });

  it('counts every field in one statement, however many are asked', async () => {
    const world = await createReadWorld(db());
    await createActiveCustomer(db(), world.partner, { subscriptions: [{ channel: 'CSP', sellerPartnerId: world.partner.id }] });
    const statementsFor = async (query: string) => {
      const { result, queries } = await testDatabase.database.queryCounter.measure(() => execute(query, {}, { as: asUser(world.admin) }));
      expect(result.errors).toBeUndefined();
      return queries;
    };

    const one = await statementsFor(`{ subscriptionCounts { total } }`);
    const all = await statementsFor(
      `{ subscriptionCounts { total byChannel { channel count } byStatus { status count } soon: termsEndingWithin a: termsEndingWithin(days: 10) b: termsEndingWithin(days: 365) } }`,
    );

    expect(all).toBe(one);
  });

  it('refuses a negative window with VALIDATION_FAILED', async () => {
    const world = await createReadWorld(db());
    const result = await execute(`{ subscriptionCounts { termsEndingWithin(days: -1) } }`, {}, { as: asUser(world.admin) });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
