/**
 * `applyDueTransitions(database, now)` with the transfer stories of domain.md §7 told end to end
 * through GraphQL: a license-based switch refused before term end, accepted AT_TERM_END and
 * completed by the job at the term end; the same under ANYTIME at once; a license transition
 * completed at term end; a pending transfer expiring after 30 days; a scheduled item that fails.
 * And the job's guarantees: running it twice changes things once; two processes running it at
 * once (two Database instances on one PostgreSQL) apply each due change exactly once.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.js';
import { subscriptions } from '../../db/schema/index.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import {
  auditEventsNaming,
  codesOf,
  externalWorld,
  globalId,
  outboxEventsOfAggregate,
  partnerSwitchWorld,
  runTransferMutation,
  storedSubscription,
  storedTransfer,
  transferIdOf,
} from '../../test/transfer-factories.js';
import type { PartnerSwitchWorld, TransferMutationName } from '../../test/transfer-factories.js';
import { withCloudCapabilities } from '../transfers/license-transfer-policy.js';
import { applyDueTransitions } from './apply-due-transitions.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

const DAY_MS = 86_400_000;
const afterDays = (days: number) => new Date(Date.now() + days * DAY_MS);

function mutate(name: TransferMutationName, input: Record<string, unknown>, user: { id: string }) {
  return runTransferMutation(execute, name, input, { as: asUser(user) });
}

function switchInput(world: PartnerSwitchWorld, extra: Record<string, unknown> = {}) {
  return {
    kind: 'PARTNER_SWITCH',
    customerId: globalId.customer(world.customer.id),
    subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
    ...extra,
  };
}

describe("Contoso's switch of Tailspin's license-based subscription", () => {
  it('is refused before term end, accepted AT_TERM_END, and completed by the job at the term end', async () => {
    // Tailspin is the source, Contoso the target; the licenses end in four months.
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 120 });
    const [subscription] = world.subscriptions;
    const termEnd = subscription!.termEndDate!;

    const refused = await mutate('transferCreate', switchInput(world), world.target.user);
    expect(codesOf(refused)).toEqual(['LICENSE_TERM_NOT_ENDED']);

    const created = await mutate('transferCreate', switchInput(world, { effective: 'AT_TERM_END' }), world.target.user);
    expect(created.transfer?.status).toBe('PENDING');
    const accepted = await mutate('transferAccept', { transferId: created.transfer!.id }, world.source.user);
    expect(accepted.transfer?.status).toBe('SCHEDULED');
    const transferId = transferIdOf(created);

    await applyDueTransitions(testDatabase.database, new Date(termEnd.getTime() - DAY_MS));
    expect((await storedTransfer(db(), transferId)).status).toBe('SCHEDULED');
    expect((await storedSubscription(db(), subscription!.id)).sellerPartnerId).toBe(world.source.partner.id);

    const counts = await applyDueTransitions(testDatabase.database, termEnd);
    expect(counts.transfers.completed).toBeGreaterThanOrEqual(1);
    const transfer = await storedTransfer(db(), transferId);
    expect(transfer).toMatchObject({ status: 'COMPLETED' });
    expect(transfer.completedAt).not.toBeNull();
    expect(transfer.lineItems).toMatchObject([{ status: 'COMPLETED', subscriptionId: subscription!.id }]);
    // The same subscription, now Contoso's — and, its term having ended with auto-renew on, renewed with Contoso.
    const moved = await storedSubscription(db(), subscription!.id);
    expect(moved).toMatchObject({
      id: subscription!.id,
      status: 'ACTIVE',
      sellerPartnerId: world.target.partner.id,
      managingPartnerId: world.target.partner.id,
      billingPartnerId: world.target.partner.id,
    });
    expect(moved.termStartDate).toEqual(termEnd);

    const jobAudit = (await auditEventsNaming(db(), transferId)).filter((event) => event.actorType === 'SYSTEM');
    expect(jobAudit.map((event) => [event.operation, event.partnerId]).sort()).toEqual(
      [
        ['transferComplete', world.source.partner.id],
        ['transferComplete', world.target.partner.id],
      ].sort(),
    );
    expect((await outboxEventsOfAggregate(db(), transferId)).map((event) => event.type)).toEqual([
      'transfer.created',
      'transfer.scheduled',
      'transfer.completed',
    ]);
  });

  it('moves at once under a cloud that allows license transfers ANYTIME', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 120 });

    const accepted = await withCloudCapabilities({ GLOBAL: { licenseTransferPolicy: 'ANYTIME' } }, async () => {
      const created = await mutate('transferCreate', switchInput(world), world.target.user);
      expect(created.userErrors).toEqual([]);
      return mutate('transferAccept', { transferId: created.transfer!.id }, world.source.user);
    });

    expect(accepted.userErrors).toEqual([]);
    expect(accepted.transfer?.status).toBe('COMPLETED');
    expect(await storedSubscription(db(), world.subscriptions[0]!.id)).toMatchObject({
      sellerPartnerId: world.target.partner.id,
      managingPartnerId: world.target.partner.id,
    });
  });
});

describe('a license transition', () => {
  it('is completed at the term end: a CSP subscription with the same offer and seats starts, the source expires', async () => {
    const world = await externalWorld(db(), { channel: 'DIRECT', billingModel: 'LICENSE_BASED', termEndInDays: 45, autoRenew: true });
    const source = world.subscription;
    const created = await mutate(
      'transferCreate',
      { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(source.id)] },
      world.target.user,
    );
    expect(created.transfer?.status).toBe('SCHEDULED');
    const transferId = transferIdOf(created);

    await applyDueTransitions(testDatabase.database, source.termEndDate!);

    const transfer = await storedTransfer(db(), transferId);
    expect(transfer.status).toBe('COMPLETED');
    const [item] = transfer.lineItems;
    expect(item?.status).toBe('COMPLETED');
    const replacement = await storedSubscription(db(), item!.resultSubscriptionId!);
    expect(replacement).toMatchObject({
      channel: 'CSP',
      billingModel: 'LICENSE_BASED',
      status: 'ACTIVE',
      offerId: source.offerId,
      quantity: source.quantity,
      sellerPartnerId: world.target.partner.id,
      managingPartnerId: world.target.partner.id,
      migratedFromId: source.id,
      termStartDate: source.termEndDate,
      isAutoRenewEnabled: true,
    });
    expect(await storedSubscription(db(), source.id)).toMatchObject({ status: 'EXPIRED', isAutoRenewEnabled: false });
    expect((await outboxEventsOfAggregate(db(), replacement.id)).map((event) => event.type)).toEqual(['subscription.created']);
  });

  it('fails with a reason when its source was cancelled before the term end', async () => {
    const world = await externalWorld(db(), { channel: 'OPEN', billingModel: 'LICENSE_BASED', termEndInDays: 30 });
    const created = await mutate(
      'transferCreate',
      { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscription.id)] },
      world.target.user,
    );
    await db().update(subscriptions).set({ status: 'CANCELLED', cancelledAt: new Date() }).where(eq(subscriptions.id, world.subscription.id));

    const counts = await applyDueTransitions(testDatabase.database, world.subscription.termEndDate!);

    expect(counts.transfers.failed).toBeGreaterThanOrEqual(1);
    const transfer = await storedTransfer(db(), transferIdOf(created));
    expect(transfer.status).toBe('FAILED');
    expect(transfer.failureReason).toMatch(/cancelled/);
    expect(transfer.lineItems).toMatchObject([{ status: 'FAILED', resultSubscriptionId: null }]);
    expect(transfer.lineItems[0]?.failureReason).toMatch(/cancelled/);
  });
});

describe('a pending transfer nobody answers', () => {
  it('expires after 30 days, once, with a SYSTEM audit event for each party', async () => {
    const world = await partnerSwitchWorld(db());
    const created = await mutate('transferCreate', switchInput(world), world.target.user);
    const transferId = transferIdOf(created);

    await applyDueTransitions(testDatabase.database, afterDays(29));
    expect((await storedTransfer(db(), transferId)).status).toBe('PENDING');

    const moment = afterDays(30.01);
    const first = await applyDueTransitions(testDatabase.database, moment);
    const second = await applyDueTransitions(testDatabase.database, moment);

    expect(first.transfers.expired).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({
      transfers: { expired: 0, lineItemsMoved: 0, lineItemsFailed: 0, completed: 0, failed: 0 },
      relationshipRequests: { expired: 0 },
      subscriptions: { renewed: 0, expired: 0 },
    });
    const transfer = await storedTransfer(db(), transferId);
    expect(transfer.status).toBe('EXPIRED');
    expect(transfer.lineItems.map((item) => item.status)).toEqual(['CANCELLED']);
    const jobAudit = (await auditEventsNaming(db(), transferId)).filter((event) => event.actorType === 'SYSTEM');
    expect(jobAudit.map((event) => event.partnerId).sort()).toEqual([world.source.partner.id, world.target.partner.id].sort());
    expect(jobAudit.every((event) => event.operation === 'transferExpire' && event.actorLabel === 'Transfer job')).toBe(true);
    expect((await outboxEventsOfAggregate(db(), transferId)).map((event) => event.type)).toEqual(['transfer.created', 'transfer.expired']);
    // The subscription is free again.
    expect((await mutate('transferCreate', switchInput(world), world.target.user)).userErrors).toEqual([]);
  });
});

describe.runIf(testDatabase.kind === 'postgres')('two processes running the job at once', () => {
  it('apply each due change exactly once', async () => {
    const transferIds: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const world = await partnerSwitchWorld(db());
      transferIds.push(transferIdOf(await mutate('transferCreate', switchInput(world), world.target.user)));
    }
    const scheduled: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const world = await externalWorld(db(), { channel: 'EA', billingModel: 'LICENSE_BASED', termEndInDays: 20 });
      const created = await mutate(
        'transferCreate',
        { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscription.id)] },
        world.target.user,
      );
      scheduled.push(transferIdOf(created));
    }

    const database = testDatabase.database;
    if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
    const other = await createDatabase({ kind: 'postgres', url: String(database.pool.options.connectionString), maxConnections: 3, applicationName: 'switchyard-test-job-2' });
    try {
      const moment = afterDays(31);
      // Small batches, so the two runs interleave and compete for the same rows.
      const [first, second] = await Promise.all([
        applyDueTransitions(database, moment, { batchSize: 2 }),
        applyDueTransitions(other, moment, { batchSize: 2 }),
      ]);
      expect(first.transfers.completed + second.transfers.completed).toBeGreaterThanOrEqual(scheduled.length);
    } finally {
      await other.close();
    }

    for (const transferId of transferIds) {
      expect((await storedTransfer(db(), transferId)).status).toBe('EXPIRED');
      expect((await outboxEventsOfAggregate(db(), transferId)).filter((event) => event.type === 'transfer.expired')).toHaveLength(1);
      expect((await auditEventsNaming(db(), transferId)).filter((event) => event.operation === 'transferExpire')).toHaveLength(2);
    }
    for (const transferId of scheduled) {
      const transfer = await storedTransfer(db(), transferId);
      expect(transfer.status).toBe('COMPLETED');
      const replacements = await db().query.subscriptions.findMany({ where: { migratedFromId: transfer.lineItems[0]!.subscriptionId } });
      expect(replacements).toHaveLength(1);
      expect((await outboxEventsOfAggregate(db(), transferId)).filter((event) => event.type === 'transfer.completed')).toHaveLength(1);
    }
  });
});
