/**
 * The read API over the seeded demo world (domain.md §12): Contoso, Tailspin and Fabrikam each see
 * their own slice of the same customers, subscriptions and transfers (§8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemoWorld } from '../db/seed/demo-world.js';
import { useTestDatabase } from '../test/database.js';
import { asUser, useExecutor } from '../test/execute-operation.js';
import { encodeGlobalId } from './global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

beforeAll(async () => {
  const seeded = await seedDemoWorld(testDatabase.database.db);
  expect(seeded.isSeeded).toBe(true);
}, 120_000);

const contoso = asUser(DEMO.users.contosoAdmin);
const tailspin = asUser(DEMO.users.tailspinAdmin);
const fabrikam = asUser(DEMO.users.fabrikamAdmin);
const customerId = (key: keyof typeof DEMO.customers) => encodeGlobalId('Customer', DEMO.customers[key].id);

interface CustomersData {
  customers: { totalCount: number; nodes: { id: string; companyName: string; relationshipStatus: string | null; subscriptions: { totalCount: number } }[] };
}
const CUSTOMERS = `{ customers(first: 100) { totalCount nodes { id companyName relationshipStatus subscriptions(first: 1) { totalCount } } } }`;

async function customersOf(as: ReturnType<typeof asUser>) {
  const result = await execute<CustomersData>(CUSTOMERS, {}, { as });
  expect(result.errors).toBeUndefined();
  return new Map(result.data?.customers.nodes.map((node) => [node.id, node]));
}

describe('the demo world, seen by each partner', () => {
  it('Contoso sees Lucerne’s profile only (a pending request), Adatum and Wingtip with their subscriptions, and nothing of another cloud', async () => {
    const customers = await customersOf(contoso);

    expect(customers.get(customerId('lucerne'))).toMatchObject({ relationshipStatus: 'PENDING', subscriptions: { totalCount: 0 } });
    expect(customers.get(customerId('adatum'))?.relationshipStatus).toBe('ACTIVE');
    expect(customers.get(customerId('adatum'))?.subscriptions.totalCount).toBeGreaterThanOrEqual(2);
    // Wingtip's subscriptions were sold by Tailspin: Contoso sees them through its own ACTIVE relationship.
    expect(customers.get(customerId('wingtip'))?.subscriptions.totalCount).toBeGreaterThanOrEqual(2);
    expect(customers.has(customerId('cityPower'))).toBe(false);
    expect(customers.has(customerId('relecloud'))).toBe(false);
  });

  it('Tailspin does not see the customers whose requests were declined or expired, and sees its terminated one without subscriptions', async () => {
    const customers = await customersOf(tailspin);

    expect(customers.has(customerId('adatum'))).toBe(false);
    expect(customers.has(customerId('lucerne'))).toBe(false);
    expect(customers.get(customerId('cohoWinery'))).toMatchObject({ relationshipStatus: 'TERMINATED', subscriptions: { totalCount: 0 } });
    expect(customers.get(customerId('wingtip'))?.relationshipStatus).toBe('ACTIVE');
  });

  it('Fabrikam sees the two-tier customers it provides for, and none of Contoso’s or Tailspin’s direct customers', async () => {
    const customers = await customersOf(fabrikam);

    expect(customers.get(customerId('relecloud'))?.relationshipStatus).toBe('ACTIVE');
    expect(customers.get(customerId('vanArsdel'))).toMatchObject({ relationshipStatus: 'PENDING', subscriptions: { totalCount: 0 } });
    for (const key of ['adatum', 'lucerne', 'wingtip', 'fourthCoffee', 'cityPower'] as const) expect(customers.has(customerId(key))).toBe(false);
  });

  it('resolves Lucerne through node for Contoso but null for Tailspin, and its subscriptions for neither', async () => {
    const query = `query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const ids = [customerId('lucerne'), encodeGlobalId('Subscription', DEMO.subscriptions.lucerneEaAzure)];

    const forContoso = await execute<{ nodes: unknown[] }>(query, { ids }, { as: contoso });
    const forTailspin = await execute<{ nodes: unknown[] }>(query, { ids }, { as: tailspin });

    expect(forContoso.data?.nodes).toEqual([{ id: ids[0] }, null]);
    expect(forTailspin.data?.nodes).toEqual([null, null]);
  });

  it('shows Tailspin the Lamna switch awaiting its answer, Contoso the same transfer as its own request, and Fabrikam nothing', async () => {
    const query = `query T($direction: TransferDirection) { transfers(first: 100, direction: $direction, status: PENDING) { nodes { id direction } } }`;
    const lamna = encodeGlobalId('Transfer', DEMO.transfers.lamnaSwitchPending);

    const incoming = await execute<{ transfers: { nodes: { id: string }[] } }>(query, { direction: 'INCOMING' }, { as: tailspin });
    const outgoing = await execute<{ transfers: { nodes: { id: string }[] } }>(query, { direction: 'OUTGOING' }, { as: contoso });
    const none = await execute<{ transfers: { nodes: unknown[] } }>(query, {}, { as: fabrikam });

    expect(incoming.data?.transfers.nodes).toContainEqual({ id: lamna, direction: 'INCOMING' });
    expect(outgoing.data?.transfers.nodes).toContainEqual({ id: lamna, direction: 'OUTGOING' });
    expect(none.data?.transfers.nodes).toEqual([]);
  });

  it('counts subscriptions per channel differently for each partner, and every channel appears for each', async () => {
    const query = `{ channels { channel subscriptionCount } subscriptionCounts { total } }`;
    const totals = [];
    for (const as of [contoso, tailspin, fabrikam]) {
      const result = await execute<{ channels: { channel: string; subscriptionCount: number }[]; subscriptionCounts: { total: number } }>(query, {}, { as });
      expect(result.errors).toBeUndefined();
      expect(result.data?.channels).toHaveLength(7);
      const sum = result.data?.channels.reduce((total, row) => total + row.subscriptionCount, 0);
      expect(sum).toBe(result.data?.subscriptionCounts.total);
      totals.push(sum);
    }
    // Contoso works with most of the demo customers, across every channel.
    expect(new Set(totals).size).toBe(3);
  });
});
