/** The demo world as data: complete, reproducible and true to its stories whenever it is built. */
import { CANCELLATION_WINDOW_DAYS, OPEN_TRANSFER_STATUSES } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { DEMO } from './demo-world-cast.js';
import { buildDemoWorld } from './demo-world-data.js';

const NOW = new Date('2026-05-17T13:37:00Z');
const DAY_MS = 86_400_000;
const daysFrom = (date: Date | null | undefined, now: Date) =>
  ((date?.getTime() ?? Number.NaN) - now.getTime()) / DAY_MS;

describe('buildDemoWorld', () => {
  it('builds the same rows from any moment of the same day', () => {
    expect(buildDemoWorld(new Date('2026-05-17T00:00:01Z'))).toEqual(
      buildDemoWorld(new Date('2026-05-17T23:59:59Z')),
    );
  });

  it('gives every well-known subscription, transfer, request and link exactly one row', () => {
    const world = buildDemoWorld(NOW);
    const ids = (rows: { id?: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(world.subscriptions)).toEqual(Object.values(DEMO.subscriptions).sort());
    expect(ids(world.transfers)).toEqual(Object.values(DEMO.transfers).sort());
    expect(ids(world.relationshipRequests)).toEqual(
      Object.values(DEMO.relationshipRequests)
        .map((request) => request.id)
        .sort(),
    );
    expect(ids(world.indirectLinks)).toEqual(Object.values(DEMO.indirectLinks).sort());
    expect(ids(world.customers)).toEqual(
      Object.values(DEMO.customers)
        .map((customer) => customer.id)
        .sort(),
    );
    for (const table of Object.keys(world) as (keyof typeof world)[]) {
      expect(new Set(ids(world[table])).size).toBe(world[table].length);
    }
  });

  it('keeps Fourth Coffee about four months before its term end, past its cancellation window', () => {
    for (const now of [NOW, new Date('2027-02-28T08:00:00Z'), new Date('2028-02-29T08:00:00Z')]) {
      const subscription = buildDemoWorld(now).subscriptions.find(
        (row) => row.id === DEMO.subscriptions.fourthCoffeeCspE5,
      );
      expect(daysFrom(subscription?.termEndDate, now)).toBeGreaterThan(105);
      expect(daysFrom(subscription?.termEndDate, now)).toBeLessThan(135);
      expect(daysFrom(subscription?.cancellationAllowedUntil, now)).toBeLessThan(0);
    }
  });

  it("keeps Best For You's new licenses inside their cancellation window", () => {
    const subscription = buildDemoWorld(NOW).subscriptions.find(
      (row) => row.id === DEMO.subscriptions.bestForYouCspBusinessPremium,
    );
    expect(daysFrom(subscription?.cancellationAllowedUntil, NOW)).toBeGreaterThan(2);
    expect(daysFrom(subscription?.cancellationAllowedUntil, NOW)).toBeLessThanOrEqual(
      CANCELLATION_WINDOW_DAYS,
    );
  });

  it('puts each subscription in at most one open transfer, and open transfers in the future', () => {
    const world = buildDemoWorld(NOW);
    const open = new Set(
      world.transfers
        .filter((transfer) =>
          (OPEN_TRANSFER_STATUSES as readonly string[]).includes(transfer.status ?? ''),
        )
        .map((transfer) => transfer.id),
    );
    const held = world.transferLineItems
      .filter((item) => open.has(item.transferId))
      .map((item) => item.subscriptionId);
    expect(held.length).toBeGreaterThan(0);
    expect(new Set(held).size).toBe(held.length);
    for (const transfer of world.transfers.filter((row) => open.has(row.id))) {
      const deadline = transfer.status === 'PENDING' ? transfer.expiresAt : transfer.effectiveAt;
      expect(daysFrom(deadline, NOW)).toBeGreaterThan(0);
    }
  });

  it('names partners with 6 or 7 digit numbers, unique', () => {
    const numbers = Object.values(DEMO.partners).map((partner) => partner.partnerNumber);
    for (const number of numbers) expect(number).toMatch(/^[0-9]{6,7}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('hands out the API keys and users §12 lists', () => {
    const keys = Object.values(DEMO.apiKeys).filter((key) => !key.isRevoked);
    expect(keys.map((key) => key.secret)).toEqual(
      expect.arrayContaining([
        'sy_demo_contoso_0001',
        'sy_demo_tailspin_0001',
        'sy_demo_fabrikam_0001',
        'sy_demo_northwind_0001',
      ]),
    );
    for (const key of keys) expect(key.role).toBe('GLOBAL_ADMIN');
    const roles = Object.fromEntries(
      Object.values(DEMO.users).map((user) => [user.email, user.role]),
    );
    expect(roles).toMatchObject({
      'admin@contoso.example': 'GLOBAL_ADMIN',
      'agent@contoso.example': 'ADMIN_AGENT',
      'sales@contoso.example': 'SALES_AGENT',
      'helpdesk@contoso.example': 'HELPDESK_AGENT',
      'billing@contoso.example': 'BILLING_ADMIN',
      'admin@tailspin.example': 'GLOBAL_ADMIN',
      'admin@fabrikam.example': 'GLOBAL_ADMIN',
      'admin@northwind.example': 'GLOBAL_ADMIN',
    });
  });
});
