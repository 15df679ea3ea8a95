/**
 * The answers to a transfer through GraphQL (domain.md §7): the source accepts (all or some line
 * items, now or at term end) or rejects; the requester cancels. Who may answer, in which status,
 * at which version — each allowed and refused with its code.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscriptions, transfers } from '../../db/schema/index.js';
import { seedIndirectLink, seedPartner, seedRelationship } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { createUser } from '../../test/factories.js';
import {
  auditEventsNaming,
  codesOf,
  externalWorld,
  globalId,
  outboxEventsOfAggregate,
  partnerOf,
  partnerSwitchWorld,
  runTransferMutation,
  storedSubscription,
  storedTransfer,
  transferIdOf,
} from '../../test/transfer-factories.js';
import type { PartnerSwitchWorld, TransferMutationName } from '../../test/transfer-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

function mutate(name: TransferMutationName, input: Record<string, unknown>, user: { id: string }) {
  return runTransferMutation(execute, name, input, { as: asUser(user) });
}

/** A PENDING partner switch of the world's subscriptions, requested by its target. */
async function pendingSwitch(world: PartnerSwitchWorld, extra: Record<string, unknown> = {}) {
  const payload = await mutate(
    'transferCreate',
    {
      kind: 'PARTNER_SWITCH',
      customerId: globalId.customer(world.customer.id),
      subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
      ...extra,
    },
    world.target.user,
  );
  expect(payload.userErrors).toEqual([]);
  const transferId = transferIdOf(payload);
  return { transferId, globalTransferId: globalId.transfer(transferId), transfer: await storedTransfer(db(), transferId) };
}

describe('transferAccept', () => {
  it('moves every subscription to the target in place and completes the transfer', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const { transferId, globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferAccept', { transferId: globalTransferId, expectedVersion: 1 }, world.source.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer).toMatchObject({ status: 'COMPLETED', version: 2 });
    const transfer = await storedTransfer(db(), transferId);
    expect(transfer.completedAt).not.toBeNull();
    expect(transfer.lineItems.map((item) => item.status)).toEqual(['COMPLETED', 'COMPLETED']);
    for (const subscription of world.subscriptions) {
      expect(await storedSubscription(db(), subscription.id)).toMatchObject({
        id: subscription.id,
        sellerPartnerId: world.target.partner.id,
        managingPartnerId: world.target.partner.id,
        billingPartnerId: world.target.partner.id,
        version: subscription.version + 1,
      });
    }
    const audit = (await auditEventsNaming(db(), transferId)).filter((event) => event.operation === 'transferAccept');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      partnerId: world.source.partner.id,
      before: { transfer: { status: 'PENDING' }, subscriptions: [{ sellerPartnerId: world.source.partner.id }, { sellerPartnerId: world.source.partner.id }] },
      after: { transfer: { status: 'COMPLETED' }, subscriptions: [{ sellerPartnerId: world.target.partner.id }, { sellerPartnerId: world.target.partner.id }] },
    });
    expect((await outboxEventsOfAggregate(db(), transferId)).map((event) => event.type)).toEqual(['transfer.created', 'transfer.completed']);
    expect((await outboxEventsOfAggregate(db(), world.subscriptions[0]!.id)).map((event) => event.type)).toEqual(['subscription.updated']);
  });

  it('bills what an indirect reseller takes over through its indirect provider', async () => {
    const world = await partnerSwitchWorld(db());
    const provider = await seedPartner(db(), { kind: 'INDIRECT_PROVIDER' });
    const reseller = await partnerOf(db(), world.customer, { relationship: false, partner: { kind: 'INDIRECT_RESELLER' } });
    await seedIndirectLink(db(), { providerId: provider.id, resellerId: reseller.partner.id });
    await seedRelationship(db(), { partnerId: reseller.partner.id, customerId: world.customer.id, type: 'INDIRECT_RESELLER', indirectProviderId: provider.id });
    const { globalTransferId } = await pendingSwitch({ ...world, target: reseller });

    expect((await mutate('transferAccept', { transferId: globalTransferId }, world.source.user)).userErrors).toEqual([]);

    expect(await storedSubscription(db(), world.subscriptions[0]!.id)).toMatchObject({
      sellerPartnerId: reseller.partner.id,
      managingPartnerId: reseller.partner.id,
      billingPartnerId: provider.id,
    });
  });

  it('keeps the line items the source leaves out (DESELECTED) and moves the rest', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const { transferId, globalTransferId, transfer } = await pendingSwitch(world);
    const kept = transfer.lineItems.find((item) => item.subscriptionId === world.subscriptions[0]!.id)!;

    const payload = await mutate('transferAccept', { transferId: globalTransferId, lineItemIds: [globalId.lineItem(kept.id)] }, world.source.user);

    expect(payload.userErrors).toEqual([]);
    const after = await storedTransfer(db(), transferId);
    expect(Object.fromEntries(after.lineItems.map((item) => [item.subscriptionId, item.status]))).toEqual({
      [world.subscriptions[0]!.id]: 'COMPLETED',
      [world.subscriptions[1]!.id]: 'DESELECTED',
    });
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.target.partner.id);
    expect((await storedSubscription(db(), world.subscriptions[1]!.id)).sellerPartnerId).toBe(world.source.partner.id);
  });

  it('refuses keeping nothing with VALIDATION_FAILED (reject instead)', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferAccept', { transferId: globalTransferId, lineItemIds: [] }, world.source.user);

    expect(payload.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'lineItemIds'] }]);
  });

  it('refuses a line item of another transfer with NOT_FOUND', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferAccept', { transferId: globalTransferId, lineItemIds: [globalId.lineItem(world.customer.id)] }, world.source.user);

    expect(payload.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'lineItemIds', '0'] }]);
  });

  it('schedules license-based items for their term end when the switch is AT_TERM_END', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 90 });
    const { transferId, globalTransferId } = await pendingSwitch(world, { effective: 'AT_TERM_END' });

    const payload = await mutate('transferAccept', { transferId: globalTransferId }, world.source.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer?.status).toBe('SCHEDULED');
    const transfer = await storedTransfer(db(), transferId);
    expect(transfer).toMatchObject({ effectiveAt: world.subscriptions[0]!.termEndDate, completedAt: null });
    expect(transfer.lineItems).toMatchObject([{ status: 'SCHEDULED' }]);
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.source.partner.id);
    expect((await outboxEventsOfAggregate(db(), transferId)).map((event) => event.type)).toEqual(['transfer.created', 'transfer.scheduled']);
  });

  it('refuses the requester with NOT_TRANSFER_PARTY', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    expect(codesOf(await mutate('transferAccept', { transferId: globalTransferId }, world.target.user))).toEqual(['NOT_TRANSFER_PARTY']);
  });

  it('answers NOT_FOUND to a partner that is not a party', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);
    const bystander = await partnerOf(db(), world.customer);

    const payload = await mutate('transferAccept', { transferId: globalTransferId }, bystander.user);

    expect(payload.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'transferId'] }]);
  });

  it('refuses an outdated expectedVersion with STALE_VERSION', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferAccept', { transferId: globalTransferId, expectedVersion: 7 }, world.source.user);

    expect(payload.userErrors).toMatchObject([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
  });

  it('refuses a transfer that was already answered with TRANSFER_NOT_PENDING', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);
    expect((await mutate('transferReject', { transferId: globalTransferId, reason: 'Customer stays.' }, world.source.user)).userErrors).toEqual([]);

    expect(codesOf(await mutate('transferAccept', { transferId: globalTransferId }, world.source.user))).toEqual(['TRANSFER_NOT_PENDING']);
  });

  it('refuses a transfer past its expiry with TRANSFER_NOT_PENDING even before the job marks it', async () => {
    const world = await partnerSwitchWorld(db());
    const { transferId, globalTransferId } = await pendingSwitch(world);
    await db().update(transfers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(transfers.id, transferId));

    expect(codesOf(await mutate('transferAccept', { transferId: globalTransferId }, world.source.user))).toEqual(['TRANSFER_NOT_PENDING']);
  });

  it('refuses a subscription that stopped being active with SUBSCRIPTION_NOT_ACTIVE', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);
    await db().update(subscriptions).set({ status: 'SUSPENDED' }).where(eq(subscriptions.id, world.subscriptions[0]!.id));

    expect(codesOf(await mutate('transferAccept', { transferId: globalTransferId }, world.source.user))).toEqual(['SUBSCRIPTION_NOT_ACTIVE']);
  });

  it('refuses a sales agent, who cannot answer transfers, with FORBIDDEN', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);
    const sales = await createUser(db(), { partnerId: world.source.partner.id, role: 'SALES_AGENT' });

    const result = await execute('mutation ($input: TransferAcceptInput!) { transferAccept(input: $input) { transfer { id } } }', { input: { transferId: globalTransferId } }, { as: asUser(sales) });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('transferReject', () => {
  it('rejects with a reason and frees the subscriptions for another transfer', async () => {
    const world = await partnerSwitchWorld(db());
    const { transferId, globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferReject', { transferId: globalTransferId, expectedVersion: 1, reason: 'The customer renewed with us.' }, world.source.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer).toMatchObject({ status: 'REJECTED', version: 2 });
    const transfer = await storedTransfer(db(), transferId);
    expect(transfer).toMatchObject({ rejectionReason: 'The customer renewed with us.' });
    expect(transfer.lineItems.map((item) => item.status)).toEqual(['CANCELLED']);
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.source.partner.id);
    expect((await outboxEventsOfAggregate(db(), transferId)).map((event) => event.type)).toEqual(['transfer.created', 'transfer.rejected']);
    await pendingSwitch(world);
  });

  it('refuses a rejection without a reason with VALIDATION_FAILED', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferReject', { transferId: globalTransferId, reason: '  ' }, world.source.user);

    expect(payload.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'reason'] }]);
  });

  it('refuses the requester with NOT_TRANSFER_PARTY', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    expect(codesOf(await mutate('transferReject', { transferId: globalTransferId, reason: 'No.' }, world.target.user))).toEqual(['NOT_TRANSFER_PARTY']);
  });
});

describe('transferCancel', () => {
  it('lets the requester withdraw a PENDING transfer', async () => {
    const world = await partnerSwitchWorld(db());
    const { transferId, globalTransferId } = await pendingSwitch(world);

    const payload = await mutate('transferCancel', { transferId: globalTransferId, reason: 'Asked by mistake.' }, world.target.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer?.status).toBe('CANCELLED');
    expect((await storedTransfer(db(), transferId)).lineItems.map((item) => item.status)).toEqual(['CANCELLED']);
    const audit = (await auditEventsNaming(db(), transferId)).filter((event) => event.operation === 'transferCancel');
    expect(audit).toMatchObject([{ partnerId: world.target.partner.id, after: { reason: 'Asked by mistake.' } }]);
  });

  it("withdraws a SCHEDULED license transition and leaves the source's auto-renew off", async () => {
    const world = await externalWorld(db(), { channel: 'DIRECT', billingModel: 'LICENSE_BASED', termEndInDays: 60, autoRenew: true });
    const created = await mutate(
      'transferCreate',
      { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscription.id)] },
      world.target.user,
    );

    const payload = await mutate('transferCancel', { transferId: created.transfer!.id }, world.target.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer?.status).toBe('CANCELLED');
    expect(await storedSubscription(db(), world.subscription.id)).toMatchObject({ status: 'ACTIVE', isAutoRenewEnabled: false });
    const [event] = (await outboxEventsOfAggregate(db(), transferIdOf(created))).filter((candidate) => candidate.type === 'transfer.cancelled');
    expect(event?.payload).toMatchObject({ autoRenewRestored: false });
  });

  it('refuses the source partner with NOT_TRANSFER_PARTY', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);

    expect(codesOf(await mutate('transferCancel', { transferId: globalTransferId }, world.source.user))).toEqual(['NOT_TRANSFER_PARTY']);
  });

  it('refuses a completed transfer with TRANSFER_NOT_PENDING', async () => {
    const world = await partnerSwitchWorld(db());
    const { globalTransferId } = await pendingSwitch(world);
    expect((await mutate('transferAccept', { transferId: globalTransferId }, world.source.user)).userErrors).toEqual([]);

    expect(codesOf(await mutate('transferCancel', { transferId: globalTransferId }, world.target.user))).toEqual(['TRANSFER_NOT_PENDING']);
  });
});
