/**
 * SQL that does not grow with the page (issue "Foundation", item 7): a page of customers with their
 * subscriptions, offers and sellers costs the same number of statements for 1 customer as for 50,
 * because nested selections are planned into the parent query (drizzle plugin relations and related
 * connections), not loaded row by row. A positive control proves the counter sees every statement.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { subscriptions } from '../db/schema/index.js';
import { seedOffer } from '../db/seed/factories.js';
import { createPartnerWithAdmin } from '../test/factories.js';
import { useTestDatabase } from '../test/database.js';
import { asUser, useExecutor } from '../test/execute-operation.js';
import { createActiveCustomer } from '../test/read-api-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

const CUSTOMER_COUNT = 55;

const PAGE = `query Page($first: Int!) {
  customers(first: $first) {
    nodes {
      subscriptions(first: 10) { totalCount nodes { id status offer { name } seller { name } } }
    }
  }
}`;

// Everything an overview of customers might ask for at once: more relations, lists and counts per row.
const WIDE_PAGE = `query WidePage($first: Int!) {
  customers(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id companyName relationshipStatus
      relationships { type status partner { name } }
      relationshipRequests(first: 3) { totalCount }
      transfers(first: 2) { totalCount nodes { id } }
      subscriptions(first: 5) {
        totalCount
        nodes { id status channel isInOpenTransfer offer { name sku } seller { name } managingPartner { name } billingPartner { name } services { name status } customer { companyName } }
      }
    }
  }
}`;

let admin: { id: string };
let customerIds: string[] = [];

beforeAll(async () => {
  const db = testDatabase.database.db;
  const own = await createPartnerWithAdmin(db);
  admin = own.admin;
  const licenses = await seedOffer(db);
  const azure = await seedOffer(db, { billingModel: 'USAGE_BASED' });
  customerIds = [];
  for (let index = 0; index < CUSTOMER_COUNT; index += 1) {
    const { customer } = await createActiveCustomer(db, own.partner, {
      customer: { companyName: `Customer ${String(index).padStart(3, '0')}` },
      subscriptions: [
        { channel: 'CSP', sellerPartnerId: own.partner.id, offerId: licenses.id },
        { channel: 'EA', offerId: azure.id, managingPartnerId: null },
        { channel: 'DIRECT', offerId: licenses.id, managingPartnerId: own.partner.id },
      ],
    });
    customerIds.push(customer.id);
  }
}, 120_000);

async function statementsFor(query: string, first: number): Promise<number> {
  const { result, queries } = await testDatabase.database.queryCounter.measure(() => execute<{ customers: { nodes: unknown[] } }>(query, { first }, { as: asUser(admin) }));
  expect(result.errors).toBeUndefined();
  expect(result.data?.customers.nodes).toHaveLength(first);
  return queries;
}

describe('query planning', () => {
  it('loads a page of customers with their subscriptions, offers and sellers in as many statements for 50 customers as for 1', async () => {
    const one = await statementsFor(PAGE, 1);
    const fifty = await statementsFor(PAGE, 50);
    expect(fifty).toBe(one);
    // The request transaction and the page itself; not one statement per customer.
    expect(one).toBeLessThan(10);
  });

  it('keeps a wide page (relationships, requests, transfers, services, several partners, counts) constant too', async () => {
    // 25, not 50: the query cost limit (QUERY_TOO_COSTLY) refuses 50 rows of this width.
    const one = await statementsFor(WIDE_PAGE, 1);
    const many = await statementsFor(WIDE_PAGE, 25);
    expect(many).toBe(one);
  });

  it('returns every subscription of each customer on the page, with its offer and seller', async () => {
    const result = await execute<{
      customers: { nodes: { subscriptions: { totalCount: number; nodes: { offer: { name: string }; seller: { name: string } | null }[] } }[] };
    }>(PAGE, { first: 50 }, { as: asUser(admin) });
    for (const customer of result.data?.customers.nodes ?? []) {
      expect(customer.subscriptions.totalCount).toBe(3);
      expect(customer.subscriptions.nodes.filter((node) => node.seller !== null)).toHaveLength(1);
      expect(customer.subscriptions.nodes.every((node) => node.offer.name.length > 0)).toBe(true);
    }
  });

  it('counts every statement: a deliberate loop of one query per customer shows one more statement per customer', async () => {
    const db = testDatabase.database.db;
    const page = customerIds.slice(0, 50);
    const { queries } = await testDatabase.database.queryCounter.measure(async () => {
      for (const customerId of page) await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.customerId, customerId));
    });
    expect(queries).toBe(page.length);
    expect(await statementsFor(PAGE, 1)).toBeGreaterThan(0);
  });
});
