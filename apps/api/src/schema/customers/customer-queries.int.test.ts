/** `customers`, `customer(id)` and `node` for customers: visibility (domain.md §8), search, filters, ordering and paging. */
import { describe, expect, it } from 'vitest';
import { seedCustomer, seedRelationship, seedRelationshipRequest, seedSubscription, uniqueSuffix } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asApiKey, asUser, useExecutor } from '../../test/execute-operation.js';
import { createActiveCustomer, createFormerCustomer, createPendingCustomer, createReadWorld } from '../../test/read-api-factories.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface CustomerNode {
  id: string;
  companyName: string;
  relationshipStatus: string | null;
  subscriptions: { totalCount: number; nodes: { id: string; channel: string }[] };
  transfers: { totalCount: number };
}
interface CustomersData {
  customers: { totalCount: number; nodes: CustomerNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const CUSTOMERS = `query Customers($first: Int, $after: String, $search: String, $cloud: Cloud, $channel: Channel, $relationshipStatus: CustomerRelationshipStatus, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, search: $search, cloud: $cloud, channel: $channel, relationshipStatus: $relationshipStatus, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id companyName relationshipStatus subscriptions(first: 10) { totalCount nodes { id channel } } transfers(first: 5) { totalCount } }
  }
}`;

describe('customers', () => {
  it('lists the customers you have a relationship or a pending request with, and no others', async () => {
    const world = await createReadWorld(db());
    const active = await createActiveCustomer(db(), world.partner, { customer: { companyName: 'Active Co' } });
    const pending = await createPendingCustomer(db(), world.partner, { companyName: 'Pending Co' });
    const former = await createFormerCustomer(db(), world.partner, { companyName: 'Former Co' });

    const result = await execute<CustomersData>(CUSTOMERS, { first: 50 }, { as: asUser(world.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.customers.totalCount).toBe(3);
    expect(result.data?.customers.nodes.map((node) => [node.companyName, node.relationshipStatus])).toEqual([
      ['Active Co', 'ACTIVE'],
      ['Former Co', 'TERMINATED'],
      ['Pending Co', 'PENDING'],
    ]);
    const ids = result.data?.customers.nodes.map((node) => node.id);
    expect(ids).toEqual([active.customer, former.customer, pending.customer].map((customer) => encodeGlobalId('Customer', customer.id)));
    expect(ids).not.toContain(encodeGlobalId('Customer', world.strangerCustomer.id));
    expect(ids).not.toContain(encodeGlobalId('Customer', world.declinedCustomer.id));
  });

  it('shows subscriptions only with an ACTIVE relationship: a pending request or a terminated relationship shows the profile only', async () => {
    const world = await createReadWorld(db());
    const active = await createActiveCustomer(db(), world.partner, {
      subscriptions: [{ channel: 'EA', billingModel: 'USAGE_BASED' }, { channel: 'DIRECT', managingPartnerId: null }],
    });
    await createPendingCustomer(db(), world.partner);
    await createFormerCustomer(db(), world.partner);

    const result = await execute<CustomersData>(CUSTOMERS, { first: 50 }, { as: asUser(world.admin) });

    const byStatus = new Map((result.data?.customers.nodes ?? []).map((node) => [node.relationshipStatus, node.subscriptions]));
    expect(byStatus.get('ACTIVE')?.totalCount).toBe(2);
    expect(byStatus.get('ACTIVE')?.nodes.map((node) => node.id).sort()).toEqual(active.subscriptions.map((row) => encodeGlobalId('Subscription', row.id)).sort());
    expect(byStatus.get('PENDING')).toEqual({ totalCount: 0, nodes: [] });
    expect(byStatus.get('TERMINATED')).toEqual({ totalCount: 0, nodes: [] });
  });

  it('sees a customer of an indirect reseller as its indirect provider', async () => {
    const world = await createReadWorld(db());
    const customer = await seedCustomer(db());
    await seedRelationship(db(), { customerId: customer.id, type: 'INDIRECT_RESELLER', indirectProviderId: world.partner.id });

    const result = await execute<CustomersData>(CUSTOMERS, { first: 50 }, { as: asUser(world.admin) });

    expect(result.data?.customers.nodes.map((node) => node.id)).toEqual([encodeGlobalId('Customer', customer.id)]);
  });

  it('searches by part of the company name or the primary domain, ignoring case, with % and _ taken literally', async () => {
    const world = await createReadWorld(db());
    const tag = uniqueSuffix();
    await createActiveCustomer(db(), world.partner, { customer: { companyName: `Northwind ${tag}`, primaryDomain: `nw-${tag}.onmicrosoft.com` } });
    await createActiveCustomer(db(), world.partner, { customer: { companyName: 'Adatum', primaryDomain: `adatum-${tag}.onmicrosoft.com` } });
    await createActiveCustomer(db(), world.partner, { customer: { companyName: '100% Organic', primaryDomain: `organic-${tag}.onmicrosoft.com` } });

    const byName = await execute<CustomersData>(CUSTOMERS, { first: 50, search: 'NORTHWIND' }, { as: asUser(world.admin) });
    const byDomain = await execute<CustomersData>(CUSTOMERS, { first: 50, search: `ADATUM-${tag}` }, { as: asUser(world.admin) });
    const literal = await execute<CustomersData>(CUSTOMERS, { first: 50, search: '0%' }, { as: asUser(world.admin) });
    const wildcard = await execute<CustomersData>(CUSTOMERS, { first: 50, search: '_' }, { as: asUser(world.admin) });

    expect(byName.data?.customers.nodes.map((node) => node.companyName)).toEqual([`Northwind ${tag}`]);
    expect(byDomain.data?.customers.nodes.map((node) => node.companyName)).toEqual(['Adatum']);
    expect(literal.data?.customers.nodes.map((node) => node.companyName)).toEqual(['100% Organic']);
    expect(wildcard.data?.customers).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('filters by channel (a subscription you can see), relationship status and cloud, and counts what it filters', async () => {
    const world = await createReadWorld(db());
    await createActiveCustomer(db(), world.partner, { customer: { companyName: 'Has EA' }, subscriptions: [{ channel: 'EA', billingModel: 'USAGE_BASED' }] });
    await createActiveCustomer(db(), world.partner, { customer: { companyName: 'Has Open' }, subscriptions: [{ channel: 'OPEN', managingPartnerId: null }] });
    // The pending customer's DIRECT subscription is not visible, so it does not match a DIRECT filter.
    await createPendingCustomer(db(), world.partner, { companyName: 'Pending Direct' });

    const ea = await execute<CustomersData>(CUSTOMERS, { first: 50, channel: 'EA' }, { as: asUser(world.admin) });
    const direct = await execute<CustomersData>(CUSTOMERS, { first: 50, channel: 'DIRECT' }, { as: asUser(world.admin) });
    const pending = await execute<CustomersData>(CUSTOMERS, { first: 50, relationshipStatus: 'PENDING' }, { as: asUser(world.admin) });
    const active = await execute<CustomersData>(CUSTOMERS, { first: 50, relationshipStatus: 'ACTIVE' }, { as: asUser(world.admin) });
    const germany = await execute<CustomersData>(CUSTOMERS, { first: 50, cloud: 'GERMANY' }, { as: asUser(world.admin) });

    expect(ea.data?.customers).toMatchObject({ totalCount: 1, nodes: [{ companyName: 'Has EA' }] });
    expect(direct.data?.customers).toMatchObject({ totalCount: 0, nodes: [] });
    expect(pending.data?.customers).toMatchObject({ totalCount: 1, nodes: [{ companyName: 'Pending Direct' }] });
    expect(active.data?.customers.nodes.map((node) => node.companyName)).toEqual(['Has EA', 'Has Open']);
    expect(germany.data?.customers.totalCount).toBe(0);
  });

  it('orders by name (ignoring case), domain or creation, either way', async () => {
    const world = await createReadWorld(db());
    const names = ['bravo', 'Alpha', 'Charlie'];
    for (const [index, name] of names.entries()) {
      await createActiveCustomer(db(), world.partner, {
        customer: { companyName: name, primaryDomain: `${String.fromCharCode(122 - index)}-${uniqueSuffix()}.onmicrosoft.com`, createdAt: new Date(Date.UTC(2026, 0, 1 + index)) },
      });
    }
    const order = async (orderBy?: { field: string; direction: string }) =>
      (await execute<CustomersData>(CUSTOMERS, { first: 10, orderBy }, { as: asUser(world.admin) })).data?.customers.nodes.map((node) => node.companyName);

    expect(await order()).toEqual(['Alpha', 'bravo', 'Charlie']);
    expect(await order({ field: 'COMPANY_NAME', direction: 'DESC' })).toEqual(['Charlie', 'bravo', 'Alpha']);
    expect(await order({ field: 'PRIMARY_DOMAIN', direction: 'ASC' })).toEqual(['Charlie', 'Alpha', 'bravo']);
    expect(await order({ field: 'CREATED_AT', direction: 'DESC' })).toEqual(['Charlie', 'Alpha', 'bravo']);
  });

  it('pages through customers with the same name, by name and by creation, without skipping or repeating one', async () => {
    const world = await createReadWorld(db());
    const created = [];
    for (let index = 0; index < 5; index += 1) created.push((await createActiveCustomer(db(), world.partner, { customer: { companyName: 'Same name' } })).customer.id);

    const seen: string[] = [];
    for (const orderBy of [undefined, { field: 'CREATED_AT', direction: 'ASC' }]) {
      seen.length = 0;
      let after: string | null = null;
      for (let page = 0; page < 5; page += 1) {
        const result: { data?: CustomersData | null } = await execute<CustomersData>(CUSTOMERS, { first: 2, after, orderBy }, { as: asUser(world.admin) });
        const connection = result.data?.customers;
        seen.push(...(connection?.nodes.map((node) => node.id) ?? []));
        if (!connection?.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual(created.map((id) => encodeGlobalId('Customer', id)).sort());
    }
  });

  it('refuses more than 100 per page with a clear error instead of shortening the page', async () => {
    const world = await createReadWorld(db());
    const result = await execute(CUSTOMERS, { first: 101 }, { as: asUser(world.admin) });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/at most 100/);
  });

  it('needs customers:read, which every role has; nobody signed in is UNAUTHENTICATED', async () => {
    const world = await createReadWorld(db());
    const anonymous = await execute(CUSTOMERS, { first: 1 });
    const apiKey = await execute<CustomersData>(CUSTOMERS, { first: 1 }, { as: asApiKey(world.apiKey) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(apiKey.errors).toBeUndefined();
  });
});

describe('customer(id) and node', () => {
  const CUSTOMER = `query Customer($id: ID!) {
    customer(id: $id) { id tenantId companyName primaryDomain country cloud isPartnerTenant relationshipStatus version
      relationships { partner { id } status type }
      relationshipRequests(first: 5) { totalCount nodes { status } }
    }
    node(id: $id) { id ... on Customer { companyName } }
  }`;

  it('returns a customer you see, with only your own relationships and requests', async () => {
    const world = await createReadWorld(db());
    const { customer } = await createActiveCustomer(db(), world.partner);
    // Another partner's relationship and request with the same customer (multi-partner) stay hidden.
    await seedRelationship(db(), { customerId: customer.id });
    await seedRelationshipRequest(db(), { customerId: customer.id });
    await seedRelationshipRequest(db(), { partnerId: world.partner.id, customerId: customer.id, status: 'ACCEPTED' });

    const id = encodeGlobalId('Customer', customer.id);
    const result = await execute(CUSTOMER, { id }, { as: asUser(world.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      customer: {
        id,
        tenantId: customer.tenantId,
        companyName: customer.companyName,
        primaryDomain: customer.primaryDomain,
        country: 'US',
        cloud: 'GLOBAL',
        isPartnerTenant: false,
        relationshipStatus: 'ACTIVE',
        version: 1,
        relationships: [{ partner: { id: encodeGlobalId('Partner', world.partner.id) }, status: 'ACTIVE', type: 'RESELLER' }],
        relationshipRequests: { totalCount: 1, nodes: [{ status: 'ACCEPTED' }] },
      },
      node: { id, companyName: customer.companyName },
    });
  });

  it('pages through a customer’s subscriptions one at a time, newest first, without skipping or repeating one', async () => {
    const world = await createReadWorld(db());
    const { customer, subscriptions } = await createActiveCustomer(db(), world.partner, {
      subscriptions: [{ channel: 'EA', billingModel: 'USAGE_BASED' }, { channel: 'OPEN', managingPartnerId: null }, { channel: 'ADVISOR', managingPartnerId: null }, { channel: 'CSP' }],
    });
    const page = `query P($id: ID!, $after: String) { customer(id: $id) { subscriptions(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`;
    type PageData = { customer: { subscriptions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string }[] } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let index = 0; index < 6; index += 1) {
      const result: { data?: PageData | null } = await execute<PageData>(page, { id: encodeGlobalId('Customer', customer.id), after }, { as: asUser(world.admin) });
      const connection = result.data?.customer.subscriptions;
      expect(connection?.totalCount).toBe(4);
      seen.push(...(connection?.nodes.map((node) => node.id) ?? []));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(subscriptions.map((row) => encodeGlobalId('Subscription', row.id)).reverse());
  });

  it('is null for another partner’s customer, a customer only a declined request links you to, a missing id and a malformed id', async () => {
    const world = await createReadWorld(db());
    const ids = [
      encodeGlobalId('Customer', world.strangerCustomer.id),
      encodeGlobalId('Customer', world.declinedCustomer.id),
      encodeGlobalId('Customer', '6b1f0e52-5d1c-4a44-9d3e-111111111111'),
      encodeGlobalId('Partner', world.strangerCustomer.id),
      'not-a-global-id',
    ];
    for (const id of ids) {
      const result = await execute(CUSTOMER, { id }, { as: asUser(world.admin) });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ customer: null, node: null });
    }
  });

  it('refetches subscriptions through node only where the customer relationship is ACTIVE', async () => {
    const world = await createReadWorld(db());
    const pending = await createPendingCustomer(db(), world.partner);
    const mine = await seedSubscription(db(), { customerId: (await createActiveCustomer(db(), world.partner)).customer.id, channel: 'ADVISOR', managingPartnerId: null });
    const query = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on CustomerSubscription { channel customer { companyName } } } }`;
    const ids = [mine, pending.subscription, world.strangerSubscription].map((row) => encodeGlobalId('Subscription', row?.id ?? ''));

    const result = await execute<{ nodes: ({ id: string } | null)[] }>(query, { ids }, { as: asUser(world.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes.map((node) => node?.id ?? null)).toEqual([ids[0], null, null]);
  });
});
