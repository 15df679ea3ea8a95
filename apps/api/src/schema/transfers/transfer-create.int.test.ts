/**
 * `transferCreate` through GraphQL (domain.md §7): each kind's happy path with what it writes
 * (transfer, line items, subscriptions, one audit event, outbox events), and each precondition
 * allowed and refused with its code.
 */
import { describe, expect, it } from 'vitest';
import { seedCustomer, seedOffer, seedPartner, seedRelationship, seedRelationshipRequest, seedSubscription, seedTransfer } from '../../db/seed/factories.js';
import { withCloudCapabilities } from '../../services/transfers/license-transfer-policy.js';
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

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

const DAY_MS = 86_400_000;

function create(input: Record<string, unknown>, user: { id: string }, idempotencyKey?: string) {
  return runTransferMutation(execute, 'transferCreate', input, { as: asUser(user), ...(idempotencyKey ? { idempotencyKey } : {}) });
}

function switchInput(world: { customer: { id: string }; subscriptions: { id: string }[] }, extra: Record<string, unknown> = {}) {
  return {
    kind: 'PARTNER_SWITCH',
    customerId: globalId.customer(world.customer.id),
    subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
    ...extra,
  };
}

describe('transferCreate: PARTNER_SWITCH', () => {
  it('creates a PENDING transfer that expires in 30 days, tells both partners and audits it once', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const before = Date.now();

    const payload = await create(switchInput(world), world.target.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer).toMatchObject({ status: 'PENDING', version: 1 });
    expect(payload.subscriptions?.map((subscription) => subscription.id).sort()).toEqual(
      world.subscriptions.map((subscription) => globalId.subscription(subscription.id)).sort(),
    );
    const transfer = await storedTransfer(db(), transferIdOf(payload));
    expect(transfer).toMatchObject({
      kind: 'PARTNER_SWITCH',
      sourcePartnerId: world.source.partner.id,
      targetPartnerId: world.target.partner.id,
      sourceChannel: 'CSP',
      effective: 'IMMEDIATELY',
      createdByActorType: 'USER',
      createdByActorId: world.target.user.id,
    });
    expect(transfer.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(transfer.expiresAt!.getTime() - before).toBeLessThan(30 * DAY_MS + 60_000);
    expect(transfer.lineItems.map((item) => [item.status, item.scheduledAt])).toEqual([
      ['PENDING', null],
      ['PENDING', null],
    ]);

    const audit = await auditEventsNaming(db(), transfer.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnerId: world.target.partner.id, operation: 'transferCreate', actorType: 'USER', targetType: 'Transfer' });
    const events = await outboxEventsOfAggregate(db(), transfer.id);
    expect(events.map((event) => event.type)).toEqual(['transfer.created']);
    expect([...events[0]!.audiencePartnerIds].sort()).toEqual([world.source.partner.id, world.target.partner.id].sort());
    // Nothing moved yet.
    expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(world.source.partner.id);
  });

  it('refuses a partner without an active relationship with RELATIONSHIP_REQUIRED', async () => {
    const world = await partnerSwitchWorld(db());
    const outsider = await partnerOf(db(), world.customer, { relationship: false });
    await seedRelationshipRequest(db(), { partnerId: outsider.partner.id, customerId: world.customer.id });

    const payload = await create(switchInput(world), outsider.user);

    expect(codesOf(payload)[0]).toBe('RELATIONSHIP_REQUIRED');
    expect(payload.transfer).toBeNull();
  });

  it('answers NOT_FOUND for a customer the requester cannot see', async () => {
    const world = await partnerSwitchWorld(db());
    const stranger = await partnerOf(db(), await seedCustomer(db()));

    const payload = await create(switchInput(world), stranger.user);

    expect(payload.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'customerId'] }]);
  });

  it("refuses the seller's own subscription with SELF_TRANSFER", async () => {
    const world = await partnerSwitchWorld(db());

    const payload = await create(switchInput(world), world.source.user);

    expect(codesOf(payload)).toEqual(['SELF_TRANSFER']);
    expect(payload.userErrors[0]!.field).toEqual(['input', 'subscriptionIds', '0']);
  });

  it('refuses subscriptions of two different partners with MIXED_SOURCE_PARTNERS', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const other = await partnerOf(db(), world.customer);
    const otherSubscription = await seedSubscription(db(), { customerId: world.customer.id, billingModel: 'USAGE_BASED', sellerPartnerId: other.partner.id });

    const payload = await create(switchInput({ ...world, subscriptions: [...world.subscriptions, otherSubscription] }), world.target.user);

    expect(payload.userErrors).toMatchObject([{ code: 'MIXED_SOURCE_PARTNERS', field: ['input', 'subscriptionIds', '2'] }]);
  });

  it('refuses a suspended subscription with SUBSCRIPTION_NOT_ACTIVE', async () => {
    const world = await partnerSwitchWorld(db());
    const suspended = await seedSubscription(db(), {
      customerId: world.customer.id,
      billingModel: 'USAGE_BASED',
      sellerPartnerId: world.source.partner.id,
      status: 'SUSPENDED',
    });

    const payload = await create(switchInput({ ...world, subscriptions: [suspended] }), world.target.user);

    expect(codesOf(payload)).toEqual(['SUBSCRIPTION_NOT_ACTIVE']);
  });

  it('refuses a subscription already in an open transfer with ALREADY_IN_TRANSFER', async () => {
    const world = await partnerSwitchWorld(db());
    expect((await create(switchInput(world), world.target.user)).userErrors).toEqual([]);
    const third = await partnerOf(db(), world.customer);

    const payload = await create(switchInput(world), third.user);

    expect(codesOf(payload)).toEqual(['ALREADY_IN_TRANSFER']);
  });

  it('allows a subscription whose earlier transfer was rejected', async () => {
    const world = await partnerSwitchWorld(db());
    await seedTransfer(db(), {
      status: 'REJECTED',
      subscriptionIds: [world.subscriptions[0]!.id],
      targetPartnerId: world.target.partner.id,
      sourcePartnerId: world.source.partner.id,
    });

    expect((await create(switchInput(world), world.target.user)).userErrors).toEqual([]);
  });

  it('refuses a subscription bought through another channel with CHANNEL_NOT_MIGRATABLE', async () => {
    const world = await externalWorld(db());

    const payload = await create(
      { kind: 'PARTNER_SWITCH', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscription.id)] },
      world.target.user,
    );

    expect(codesOf(payload)).toEqual(['CHANNEL_NOT_MIGRATABLE']);
  });

  it("refuses a CSP partner's own tenant with PARTNER_TENANT_NOT_ALLOWED", async () => {
    const world = await partnerSwitchWorld(db(), { customer: { isPartnerTenant: true } });

    const payload = await create(switchInput(world), world.target.user);

    expect(codesOf(payload)[0]).toBe('PARTNER_TENANT_NOT_ALLOWED');
  });

  it('refuses a customer of another cloud with CLOUD_MISMATCH', async () => {
    const world = await partnerSwitchWorld(db(), { customer: { cloud: 'US_GOVERNMENT' } });
    // A GLOBAL partner that (wrongly) got a relationship with a US Government customer.
    const globalPartner = await seedPartner(db(), { cloud: 'GLOBAL' });
    await seedRelationship(db(), { partnerId: globalPartner.id, customerId: world.customer.id });
    const user = await createUser(db(), { partnerId: globalPartner.id });

    const payload = await create(switchInput(world), user);

    expect(codesOf(payload)).toEqual(['CLOUD_MISMATCH']);
    expect(payload.transfer).toBeNull();
  });

  it('refuses a role that cannot create transfers with FORBIDDEN', async () => {
    const world = await partnerSwitchWorld(db());
    const billing = await createUser(db(), { partnerId: world.target.partner.id, role: 'BILLING_ADMIN' });

    const result = await execute('mutation ($input: TransferCreateInput!) { transferCreate(input: $input) { transfer { id } } }', { input: switchInput(world) }, { as: asUser(billing) });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a sales agent create one', async () => {
    const world = await partnerSwitchWorld(db());
    const sales = await createUser(db(), { partnerId: world.target.partner.id, role: 'SALES_AGENT' });

    expect((await create(switchInput(world), sales)).userErrors).toEqual([]);
  });

  it('answers VALIDATION_FAILED naming the field for a malformed input', async () => {
    const world = await partnerSwitchWorld(db());

    const payload = await create(switchInput(world, { subscriptionIds: [] }), world.target.user);

    expect(payload.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'subscriptionIds'] }]);
  });

  describe('license-based subscriptions under TERM_END_ONLY (the default)', () => {
    it('refuses a move before term end with LICENSE_TERM_NOT_ENDED', async () => {
      const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 120 });

      const payload = await create(switchInput(world), world.target.user);

      expect(payload.userErrors).toMatchObject([{ code: 'LICENSE_TERM_NOT_ENDED', field: ['input', 'subscriptionIds', '0'] }]);
      expect(await auditEventsNaming(db(), world.subscriptions[0]!.id)).toEqual([]);
    });

    it('schedules each subscription for its own term end with effective: AT_TERM_END', async () => {
      const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 120 });
      const later = await seedSubscription(db(), {
        customerId: world.customer.id,
        sellerPartnerId: world.source.partner.id,
        termStartDate: new Date(Date.now() - 100 * DAY_MS),
        termEndDate: new Date(Date.now() + 265 * DAY_MS),
      });

      const payload = await create(switchInput({ ...world, subscriptions: [...world.subscriptions, later] }, { effective: 'AT_TERM_END' }), world.target.user);

      expect(payload.userErrors).toEqual([]);
      const transfer = await storedTransfer(db(), transferIdOf(payload));
      expect(transfer).toMatchObject({ status: 'PENDING', effective: 'AT_TERM_END', effectiveAt: later.termEndDate });
      const scheduled = new Map(transfer.lineItems.map((item) => [item.subscriptionId, item.scheduledAt]));
      expect(scheduled.get(world.subscriptions[0]!.id)).toEqual(world.subscriptions[0]!.termEndDate);
      expect(scheduled.get(later.id)).toEqual(later.termEndDate);
    });
  });

  it('moves license-based subscriptions at once where the cloud allows it (ANYTIME)', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 120 });

    const payload = await withCloudCapabilities({ GLOBAL: { licenseTransferPolicy: 'ANYTIME' } }, () => create(switchInput(world), world.target.user));

    expect(payload.userErrors).toEqual([]);
    const transfer = await storedTransfer(db(), transferIdOf(payload));
    expect(transfer.lineItems[0]).toMatchObject({ status: 'PENDING', scheduledAt: null });
  });
});

describe('transferCreate: USAGE_MIGRATION', () => {
  function migrationInput(world: Awaited<ReturnType<typeof externalWorld>>, serviceNames: string[], cancelSource: 'SERVICES' | 'ENTIRE', extra: Record<string, unknown> = {}) {
    return {
      kind: 'USAGE_MIGRATION',
      customerId: globalId.customer(world.customer.id),
      subscriptionIds: [globalId.subscription(world.subscription.id)],
      serviceIds: world.subscription.services.filter((service) => serviceNames.includes(service.name)).map((service) => globalId.service(service.id)),
      cancelSource,
      newSubscription: { offerId: globalId.offer(world.azureOffer.id), term: 'P1M', billingCycle: 'MONTHLY' },
      ...extra,
    };
  }

  it('completes at once: a new CSP subscription gets the chosen services, which become MIGRATED on the source (SERVICES)', async () => {
    const world = await externalWorld(db());

    const payload = await create(migrationInput(world, ['Virtual Machines'], 'SERVICES'), world.target.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer?.status).toBe('COMPLETED');
    const transfer = await storedTransfer(db(), transferIdOf(payload));
    expect(transfer).toMatchObject({ kind: 'USAGE_MIGRATION', sourcePartnerId: null, sourceChannel: 'EA', cancelSource: 'SERVICES' });
    expect(transfer.completedAt).not.toBeNull();
    const [item] = transfer.lineItems;
    expect(item).toMatchObject({ status: 'COMPLETED', subscriptionId: world.subscription.id });

    const created = await storedSubscription(db(), item!.resultSubscriptionId!);
    expect(created).toMatchObject({
      channel: 'CSP',
      billingModel: 'USAGE_BASED',
      status: 'ACTIVE',
      offerId: world.azureOffer.id,
      sellerPartnerId: world.target.partner.id,
      managingPartnerId: world.target.partner.id,
      billingPartnerId: world.target.partner.id,
      migratedFromId: world.subscription.id,
    });
    expect(created.services.map((service) => [service.name, service.status])).toEqual([['Virtual Machines', 'ACTIVE']]);

    const source = await storedSubscription(db(), world.subscription.id);
    expect(source.status).toBe('ACTIVE');
    expect(Object.fromEntries(source.services.map((service) => [service.name, [service.status, service.migratedToSubscriptionId]]))).toEqual({
      'Virtual Machines': ['MIGRATED', created.id],
      Storage: ['ACTIVE', null],
      'Azure SQL Database': ['ACTIVE', null],
    });
    expect(payload.subscriptions?.map((subscription) => subscription.id)).toEqual([globalId.subscription(source.id), globalId.subscription(created.id)]);
    expect(await auditEventsNaming(db(), transfer.id)).toHaveLength(1);
    expect((await outboxEventsOfAggregate(db(), transfer.id)).map((event) => event.type)).toEqual(['transfer.created', 'transfer.completed']);
    expect((await outboxEventsOfAggregate(db(), created.id)).map((event) => event.type)).toEqual(['subscription.created']);
  });

  it('cancels the source and what is left of it with ENTIRE', async () => {
    const world = await externalWorld(db());

    const payload = await create(migrationInput(world, ['Virtual Machines', 'Storage'], 'ENTIRE'), world.target.user);

    expect(payload.userErrors).toEqual([]);
    const source = await storedSubscription(db(), world.subscription.id);
    expect(source.status).toBe('CANCELLED');
    expect(source.cancelledAt).not.toBeNull();
    expect(Object.fromEntries(source.services.map((service) => [service.name, service.status]))).toEqual({
      'Virtual Machines': 'MIGRATED',
      Storage: 'MIGRATED',
      'Azure SQL Database': 'CANCELLED',
    });
  });

  it('refuses a service that is no longer active with SERVICE_NOT_ACTIVE', async () => {
    const world = await externalWorld(db(), { services: ['Virtual Machines', { name: 'Cloud Services', status: 'CANCELLED' }] });

    const payload = await create(migrationInput(world, ['Cloud Services'], 'SERVICES'), world.target.user);

    expect(payload.userErrors).toMatchObject([{ code: 'SERVICE_NOT_ACTIVE', field: ['input', 'serviceIds', '0'] }]);
  });

  it('refuses a Syndication subscription with CHANNEL_NOT_MIGRATABLE', async () => {
    const world = await externalWorld(db(), { channel: 'SYNDICATION' });

    const payload = await create(migrationInput(world, ['Storage'], 'SERVICES'), world.target.user);

    expect(codesOf(payload)).toEqual(['CHANNEL_NOT_MIGRATABLE']);
  });

  it('refuses a license-based source with BILLING_MODEL_MISMATCH', async () => {
    const world = await externalWorld(db(), { billingModel: 'LICENSE_BASED' });

    const payload = await create(migrationInput(world, [], 'SERVICES', { serviceIds: [globalId.service(world.subscription.id)] }), world.target.user);

    expect(codesOf(payload)).toContain('BILLING_MODEL_MISMATCH');
  });

  it('refuses a license-based offer for the new subscription with BILLING_MODEL_MISMATCH', async () => {
    const world = await externalWorld(db());
    const licenses = await seedOffer(db());

    const payload = await create(
      migrationInput(world, ['Storage'], 'SERVICES', { newSubscription: { offerId: globalId.offer(licenses.id), term: 'P1M', billingCycle: 'MONTHLY' } }),
      world.target.user,
    );

    expect(payload.userErrors).toMatchObject([{ code: 'BILLING_MODEL_MISMATCH', field: ['input', 'newSubscription', 'offerId'] }]);
  });

  it('lets Contoso migrate an EA Azure subscription one service at a time (SERVICES), then the rest (ENTIRE)', async () => {
    const world = await externalWorld(db());

    const first = await create(migrationInput(world, ['Virtual Machines'], 'SERVICES'), world.target.user);
    const second = await create(migrationInput(world, ['Storage'], 'SERVICES'), world.target.user);
    expect((await storedSubscription(db(), world.subscription.id)).status).toBe('ACTIVE');
    const last = await create(migrationInput(world, ['Azure SQL Database'], 'ENTIRE'), world.target.user);

    for (const payload of [first, second, last]) expect(payload.userErrors).toEqual([]);
    const source = await storedSubscription(db(), world.subscription.id);
    expect(source.status).toBe('CANCELLED');
    expect(source.services.every((service) => service.status === 'MIGRATED')).toBe(true);
    const created = await db().query.subscriptions.findMany({ where: { migratedFromId: world.subscription.id }, with: { services: true } });
    expect(created.map((subscription) => subscription.services.map((service) => service.name)).flat().sort()).toEqual(
      ['Azure SQL Database', 'Storage', 'Virtual Machines'],
    );
    expect(created.every((subscription) => subscription.channel === 'CSP' && subscription.sellerPartnerId === world.target.partner.id)).toBe(true);
    // Nothing is left to migrate.
    const again = await create(migrationInput(world, ['Storage'], 'SERVICES', { serviceIds: [globalId.service(source.services[0]!.id)] }), world.target.user);
    expect(codesOf(again)).toContain('SUBSCRIPTION_NOT_ACTIVE');
  });

  it('answers a retry with the same Idempotency-Key with the first result, and refuses other input under it with IDEMPOTENCY_KEY_REUSED', async () => {
    const world = await externalWorld(db());
    const key = `migrate-${world.customer.id}`;

    const first = await create(migrationInput(world, ['Storage'], 'SERVICES'), world.target.user, key);
    const retry = await create(migrationInput(world, ['Storage'], 'SERVICES'), world.target.user, key);
    const reused = await create(migrationInput(world, ['Virtual Machines'], 'SERVICES'), world.target.user, key);

    expect(first.userErrors).toEqual([]);
    expect(retry).toEqual(first);
    expect(codesOf(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await db().query.transfers.findMany({ where: { customerId: world.customer.id } })).toHaveLength(1);
  });

  it("refuses a CSP partner's own tenant with PARTNER_TENANT_NOT_ALLOWED", async () => {
    const world = await externalWorld(db(), { customer: { isPartnerTenant: true } });

    const payload = await create(migrationInput(world, ['Storage'], 'SERVICES'), world.target.user);

    expect(codesOf(payload)[0]).toBe('PARTNER_TENANT_NOT_ALLOWED');
    expect((await storedSubscription(db(), world.subscription.id)).services.every((service) => service.status === 'ACTIVE')).toBe(true);
  });

  it('refuses a partner without an active relationship with RELATIONSHIP_REQUIRED', async () => {
    const world = await externalWorld(db());
    const outsider = await partnerOf(db(), world.customer, { relationship: false });
    await seedRelationshipRequest(db(), { partnerId: outsider.partner.id, customerId: world.customer.id });

    const payload = await create(migrationInput(world, ['Storage'], 'SERVICES'), outsider.user);

    expect(codesOf(payload)[0]).toBe('RELATIONSHIP_REQUIRED');
  });

  it('refuses a second subscription in one migration with VALIDATION_FAILED', async () => {
    const world = await externalWorld(db());
    const another = await seedSubscription(db(), { customerId: world.customer.id, channel: 'EA', billingModel: 'USAGE_BASED' });

    const payload = await create(
      migrationInput(world, ['Storage'], 'SERVICES', { subscriptionIds: [globalId.subscription(world.subscription.id), globalId.subscription(another.id)] }),
      world.target.user,
    );

    expect(payload.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'subscriptionIds'] }]);
  });
});

describe('transferCreate: LICENSE_TRANSITION', () => {
  function transitionInput(world: Awaited<ReturnType<typeof externalWorld>>) {
    return { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscription.id)] };
  }

  it("is SCHEDULED for the source's term end and turns the source's auto-renew off at once", async () => {
    const world = await externalWorld(db(), { channel: 'DIRECT', billingModel: 'LICENSE_BASED', termEndInDays: 60, autoRenew: true });

    const payload = await create(transitionInput(world), world.target.user);

    expect(payload.userErrors).toEqual([]);
    expect(payload.transfer?.status).toBe('SCHEDULED');
    const transfer = await storedTransfer(db(), transferIdOf(payload));
    expect(transfer).toMatchObject({ kind: 'LICENSE_TRANSITION', effective: 'AT_TERM_END', effectiveAt: world.subscription.termEndDate, expiresAt: null });
    expect(transfer.lineItems).toMatchObject([{ status: 'SCHEDULED', scheduledAt: world.subscription.termEndDate }]);
    expect(await storedSubscription(db(), world.subscription.id)).toMatchObject({ isAutoRenewEnabled: false, status: 'ACTIVE', version: 2 });
    expect((await outboxEventsOfAggregate(db(), world.subscription.id)).map((event) => event.type)).toEqual(['subscription.updated']);
  });

  it('refuses an Azure subscription with BILLING_MODEL_MISMATCH', async () => {
    const world = await externalWorld(db(), { channel: 'OPEN' });

    expect(codesOf(await create(transitionInput(world), world.target.user))).toEqual(['BILLING_MODEL_MISMATCH']);
  });

  it('refuses a Syndication subscription with CHANNEL_NOT_MIGRATABLE', async () => {
    const world = await externalWorld(db(), { channel: 'SYNDICATION', billingModel: 'LICENSE_BASED' });

    expect(codesOf(await create(transitionInput(world), world.target.user))).toEqual(['CHANNEL_NOT_MIGRATABLE']);
  });

  it('refuses a CSP subscription with CHANNEL_NOT_MIGRATABLE (that is a partner switch)', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED' });

    const payload = await create({ ...switchInput(world), kind: 'LICENSE_TRANSITION' }, world.target.user);

    expect(codesOf(payload)).toContain('CHANNEL_NOT_MIGRATABLE');
  });
});
