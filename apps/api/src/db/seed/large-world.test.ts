/** The large-world generator, without a database: sizes, reproducibility, spread. */
import { TRANSFER_STATUSES } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { DEMO } from './demo-world-cast.js';
import { generateLargeWorld } from './large-world.js';
import type { LargeWorldOptions, LargeWorldRows } from './large-world.js';

const NOW = new Date('2026-05-17T10:00:00Z');

function generateAll(options: LargeWorldOptions): LargeWorldRows {
  const all: LargeWorldRows = {
    customers: [],
    relationships: [],
    subscriptions: [],
    subscriptionServices: [],
    transfers: [],
    transferLineItems: [],
  };
  for (const chunk of generateLargeWorld(options)) {
    for (const table of Object.keys(all) as (keyof LargeWorldRows)[])
      (all[table] as unknown[]).push(...chunk[table]);
  }
  return all;
}

describe('generateLargeWorld', () => {
  it('makes N customers, N × M subscriptions and a transfer for every tenth customer', () => {
    const world = generateAll({
      customers: 1_234,
      subscriptionsPerCustomer: 3,
      now: NOW,
      chunkSize: 500,
    });
    expect(world.customers).toHaveLength(1_234);
    expect(world.subscriptions).toHaveLength(3_702);
    expect(world.transfers).toHaveLength(124);
    expect(world.transferLineItems).toHaveLength(124);
    const usageBased = world.subscriptions.filter(
      (subscription) => subscription.billingModel === 'USAGE_BASED',
    ).length;
    expect(world.subscriptionServices.length).toBeGreaterThanOrEqual(usageBased);
  });

  it('is the same for the same seed and day, whatever the chunk size, and different for another seed', () => {
    const options = { customers: 300, now: NOW, seed: 42 };
    const world = generateAll({ ...options, chunkSize: 300 });
    expect(generateAll({ ...options, chunkSize: 7 })).toEqual(world);
    expect(generateAll({ ...options, seed: 43 }).customers[0]?.id).not.toBe(world.customers[0]?.id);
  });

  it('gives Contoso most customers and spreads transfers over every status', () => {
    const world = generateAll({ customers: 3_000, now: NOW });
    const contosoCustomers = new Set(
      world.relationships
        .filter((relationship) => relationship.partnerId === DEMO.partners.contoso.id)
        .map((relationship) => relationship.customerId),
    );
    expect(contosoCustomers.size / world.customers.length).toBeGreaterThan(0.5);
    expect(new Set(world.transfers.map((transfer) => transfer.status))).toEqual(
      new Set(TRANSFER_STATUSES),
    );
    const domains = world.customers.map(
      (customer) => `${customer.cloud} ${customer.primaryDomain}`,
    );
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('refuses a negative or fractional size', () => {
    expect(() => generateLargeWorld({ customers: -1 }).next()).toThrow(/customers/);
    expect(() =>
      generateLargeWorld({ customers: 10, subscriptionsPerCustomer: 0.5 }).next(),
    ).toThrow(/subscriptionsPerCustomer/);
  });
});
