/**
 * The term-end job (`applyDueSubscriptionTransitions(db, now)`, domain.md §5): renewals and
 * expiries at a chosen `now`, idempotence, concurrent runs, and leaving scheduled transfers to the
 * transfers job (§7).
 */
import { addTerm } from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transferLineItems, transfers } from '../../db/schema/index.js';
import { seedCustomer, seedPartner, seedRelationship, seedSubscription, seedTransfer } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { auditEventsOf, daysFromNow, outboxEventsOf } from '../../test/subscription-factories.js';
import { applyDueSubscriptionTransitions } from './apply-due-subscription-transitions.js';

const testDatabase = useTestDatabase();
const db = () => testDatabase.database.db;

async function stored(subscription: { id: string }) {
  const row = await db().query.subscriptions.findFirst({ where: { id: subscription.id } });
  if (!row) throw new Error(`No subscription ${subscription.id}`);
  return row;
}

/** A CSP license-based yearly subscription whose term started `daysAgo` days before `now`. */
async function yearlySubscription(now: Date, daysAgo: number, overrides: Parameters<typeof seedSubscription>[1] = {}) {
  return seedSubscription(db(), { term: 'P1Y', termStartDate: daysFromNow(-daysAgo, now), ...overrides });
}

describe('applyDueSubscriptionTransitions', () => {
  it('renews an ACTIVE subscription with auto-renew at its term end: a new term and a new cancellation window', async () => {
    const now = new Date();
    const subscription = await yearlySubscription(now, 370, { isAutoRenewEnabled: true });
    const oldEnd = subscription.termEndDate;
    if (!oldEnd) throw new Error('expected a term end');

    await applyDueSubscriptionTransitions(db(), now);

    const renewed = await stored(subscription);
    expect(renewed).toMatchObject({
      status: 'ACTIVE',
      termStartDate: oldEnd,
      termEndDate: addTerm(oldEnd, 'P1Y'),
      cancellationAllowedUntil: daysFromNow(7, oldEnd),
      isAutoRenewEnabled: true,
      version: 2,
    });
    const audits = await auditEventsOf(db(), subscription.id);
    expect(audits).toMatchObject([{ actorType: 'SYSTEM', actorId: null, operation: 'subscriptionRenew', partnerId: subscription.sellerPartnerId }]);
    const events = await outboxEventsOf(db(), subscription.id);
    expect(events.map((event) => event.type)).toEqual(['subscription.renewed']);
    expect(events[0]?.audiencePartnerIds).toEqual([subscription.sellerPartnerId]);
  });

  it('leaves a subscription alone until its term ends: the chosen `now` decides', async () => {
    const now = new Date();
    const subscription = await yearlySubscription(now, 100, { isAutoRenewEnabled: false });
    const termEnd = subscription.termEndDate;
    if (!termEnd) throw new Error('expected a term end');

    await applyDueSubscriptionTransitions(db(), daysFromNow(-1, termEnd));
    expect(await stored(subscription)).toMatchObject({ status: 'ACTIVE', version: 1 });

    await applyDueSubscriptionTransitions(db(), termEnd);
    expect(await stored(subscription)).toMatchObject({ status: 'EXPIRED', isAutoRenewEnabled: false, version: 2 });
  });

  it('expires an ACTIVE subscription without auto-renew, and a SUSPENDED one even with it', async () => {
    const now = new Date();
    const withoutAutoRenew = await yearlySubscription(now, 366, { isAutoRenewEnabled: false });
    const suspended = await yearlySubscription(now, 366, { status: 'SUSPENDED', isAutoRenewEnabled: true });

    await applyDueSubscriptionTransitions(db(), now);

    expect(await stored(withoutAutoRenew)).toMatchObject({ status: 'EXPIRED', isAutoRenewEnabled: false });
    expect(await stored(suspended)).toMatchObject({ status: 'EXPIRED', isAutoRenewEnabled: false });
    expect((await outboxEventsOf(db(), suspended.id)).map((event) => event.type)).toEqual(['subscription.expired']);
  });

  it('catches up on the terms a late run missed, renewing into the term running at `now`', async () => {
    const now = new Date();
    const subscription = await seedSubscription(db(), { term: 'P1M', termStartDate: daysFromNow(-100, now), isAutoRenewEnabled: true });

    await applyDueSubscriptionTransitions(db(), now);

    const renewed = await stored(subscription);
    expect(renewed.termStartDate.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(renewed.termEndDate?.getTime()).toBeGreaterThan(now.getTime());
    expect(renewed.version).toBe(2);
  });

  it('writes the audit event of an unmanaged subscription from another channel for the partners that see it', async () => {
    const now = new Date();
    const customer = await seedCustomer(db());
    const watcher = await seedPartner(db());
    await seedRelationship(db(), { partnerId: watcher.id, customerId: customer.id });
    const external = await seedSubscription(db(), {
      customerId: customer.id,
      channel: 'DIRECT',
      term: 'P1Y',
      termStartDate: daysFromNow(-400, now),
      isAutoRenewEnabled: false,
    });

    await applyDueSubscriptionTransitions(db(), now);

    expect(await stored(external)).toMatchObject({ status: 'EXPIRED' });
    expect(await auditEventsOf(db(), external.id)).toMatchObject([{ partnerId: watcher.id, operation: 'subscriptionExpire' }]);
  });

  it('is idempotent: a second run at the same `now` changes nothing', async () => {
    const now = new Date();
    const renewing = await yearlySubscription(now, 380, { isAutoRenewEnabled: true });
    const expiring = await yearlySubscription(now, 380, { isAutoRenewEnabled: false });

    const first = await applyDueSubscriptionTransitions(db(), now);
    const second = await applyDueSubscriptionTransitions(db(), now);

    expect(first.renewed).toBeGreaterThanOrEqual(1);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ renewed: 0, expired: 0 });
    expect((await stored(renewing)).version).toBe(2);
    expect((await stored(expiring)).version).toBe(2);
    expect(await auditEventsOf(db(), renewing.id)).toHaveLength(1);
    expect(await outboxEventsOf(db(), expiring.id)).toHaveLength(1);
  });

  it('applies each term end once when several runs race, in small batches', async () => {
    const now = new Date();
    const due = await Promise.all(Array.from({ length: 7 }, () => yearlySubscription(now, 390, { isAutoRenewEnabled: true })));

    const results = await Promise.all([
      applyDueSubscriptionTransitions(testDatabase.database.db, now, { batchSize: 2 }),
      applyDueSubscriptionTransitions(testDatabase.database.db, now, { batchSize: 2 }),
      applyDueSubscriptionTransitions(testDatabase.database.db, now, { batchSize: 3 }),
    ]);

    expect(results.reduce((sum, result) => sum + result.renewed, 0)).toBeGreaterThanOrEqual(due.length);
    for (const subscription of due) {
      expect((await stored(subscription)).version).toBe(2);
      expect(await auditEventsOf(db(), subscription.id)).toHaveLength(1);
    }
  });

  it('skips a subscription a transfer is scheduled to move at its term end, and takes it once the transfer is closed', async () => {
    const now = new Date();
    const source = await seedSubscription(db(), {
      channel: 'DIRECT',
      term: 'P1Y',
      termStartDate: daysFromNow(-370, now),
      isAutoRenewEnabled: false,
    });
    const { transfer } = await seedTransfer(db(), { kind: 'LICENSE_TRANSITION', status: 'SCHEDULED', subscriptionIds: [source.id] });

    await applyDueSubscriptionTransitions(db(), now);
    expect(await stored(source)).toMatchObject({ status: 'ACTIVE', version: 1 });

    // The transfers job failed it: the line item is closed and the term end is ours again.
    await db().update(transfers).set({ status: 'FAILED', failureReason: 'test' }).where(eq(transfers.id, transfer.id));
    await db().update(transferLineItems).set({ status: 'FAILED' }).where(eq(transferLineItems.transferId, transfer.id));

    await applyDueSubscriptionTransitions(db(), now);
    expect(await stored(source)).toMatchObject({ status: 'EXPIRED', version: 2 });
  });
});
