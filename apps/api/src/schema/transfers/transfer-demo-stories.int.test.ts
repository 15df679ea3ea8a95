/**
 * The transfer stories of domain.md §7 on the seeded demo world (§12), as its users would live
 * them through GraphQL: Contoso migrates Adatum's EA Azure one service at a time, then the rest;
 * Contoso asks for Fourth Coffee's licenses from Tailspin, is told to wait for the term end,
 * schedules the switch, Tailspin accepts, and the job completes it at the term end; Contoso
 * transitions Adatum's direct Microsoft 365 E3 to CSP at its term end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoServiceId, seedDemoWorld } from '../../db/seed/demo-world.js';
import { applyDueTransitions } from '../../services/due-transitions/apply-due-transitions.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { codesOf, globalId, runTransferMutation, storedSubscription, storedTransfer, transferIdOf } from '../../test/transfer-factories.js';
import type { TransferMutationName } from '../../test/transfer-factories.js';
import { brokenTransferInvariants } from '../../test/transfer-invariants.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

beforeAll(async () => {
  await seedDemoWorld(testDatabase.database.db);
}, 60_000);

const contoso = { id: DEMO.users.contosoAdmin.id };
const tailspin = { id: DEMO.users.tailspinAdmin.id };

function mutate(name: TransferMutationName, input: Record<string, unknown>, user: { id: string }) {
  return runTransferMutation(execute, name, input, { as: asUser(user) });
}

describe('the demo world', () => {
  it("lets Contoso migrate Adatum's EA Azure one service at a time, then the rest with ENTIRE", async () => {
    const source = DEMO.subscriptions.adatumEaAzure;
    const migrate = (services: string[], cancelSource: 'SERVICES' | 'ENTIRE') =>
      mutate(
        'transferCreate',
        {
          kind: 'USAGE_MIGRATION',
          customerId: globalId.customer(DEMO.customers.adatum.id),
          subscriptionIds: [globalId.subscription(source)],
          serviceIds: services.map((name) => globalId.service(demoServiceId('adatumEaAzure', name))),
          cancelSource,
          newSubscription: { offerId: globalId.offer(DEMO.offers.azurePlan.id), term: 'P1M', billingCycle: 'MONTHLY' },
        },
        contoso,
      );

    expect((await migrate(['Virtual Machines'], 'SERVICES')).userErrors).toEqual([]);
    expect((await migrate(['Storage', 'SQL Database'], 'SERVICES')).userErrors).toEqual([]);
    expect((await storedSubscription(db(), source)).status).toBe('ACTIVE');
    expect((await migrate(['App Service', 'Azure Kubernetes Service'], 'ENTIRE')).userErrors).toEqual([]);

    const after = await storedSubscription(db(), source);
    expect(after.status).toBe('CANCELLED');
    expect(after.services.every((service) => service.status === 'MIGRATED')).toBe(true);
    const created = await db().query.subscriptions.findMany({ where: { migratedFromId: source } });
    expect(created).toHaveLength(3);
    expect(created.every((subscription) => subscription.sellerPartnerId === DEMO.partners.contoso.id && subscription.channel === 'CSP')).toBe(true);
  });

  it("switches Fourth Coffee's licenses from Tailspin to Contoso at their term end", async () => {
    const subscriptionId = DEMO.subscriptions.fourthCoffeeCspE5;
    const input = { kind: 'PARTNER_SWITCH', customerId: globalId.customer(DEMO.customers.fourthCoffee.id), subscriptionIds: [globalId.subscription(subscriptionId)] };

    expect(codesOf(await mutate('transferCreate', input, contoso))).toEqual(['LICENSE_TERM_NOT_ENDED']);
    const created = await mutate('transferCreate', { ...input, effective: 'AT_TERM_END' }, contoso);
    expect(created.transfer?.status).toBe('PENDING');
    expect((await mutate('transferAccept', { transferId: created.transfer!.id }, tailspin)).transfer?.status).toBe('SCHEDULED');

    const { termEndDate } = await storedSubscription(db(), subscriptionId);
    await applyDueTransitions(testDatabase.database, termEndDate!);

    expect((await storedTransfer(db(), transferIdOf(created))).status).toBe('COMPLETED');
    expect(await storedSubscription(db(), subscriptionId)).toMatchObject({
      id: subscriptionId,
      sellerPartnerId: DEMO.partners.contoso.id,
      managingPartnerId: DEMO.partners.contoso.id,
      billingPartnerId: DEMO.partners.contoso.id,
    });
  });

  it("transitions Adatum's direct Microsoft 365 E3 to CSP at its term end", async () => {
    const sourceId = DEMO.subscriptions.adatumDirectE3;
    const created = await mutate(
      'transferCreate',
      { kind: 'LICENSE_TRANSITION', customerId: globalId.customer(DEMO.customers.adatum.id), subscriptionIds: [globalId.subscription(sourceId)] },
      contoso,
    );
    expect(created.transfer?.status).toBe('SCHEDULED');
    const source = await storedSubscription(db(), sourceId);
    expect(source.isAutoRenewEnabled).toBe(false);

    await applyDueTransitions(testDatabase.database, source.termEndDate!);

    expect(await storedSubscription(db(), sourceId)).toMatchObject({ status: 'EXPIRED' });
    const [replacement] = await db().query.subscriptions.findMany({ where: { migratedFromId: sourceId } });
    expect(replacement).toMatchObject({ channel: 'CSP', offerId: DEMO.offers.m365E3.id, quantity: 250, sellerPartnerId: DEMO.partners.contoso.id, status: 'ACTIVE' });
  });

  it('keeps every transfer invariant, seeded transfers included', async () => {
    const broken = await brokenTransferInvariants(db());
    // Seeded transfers were not created through the API, so they have no transferCreate audit event.
    expect(broken.filter((entry) => entry.invariant !== 'a user-created transfer has exactly one transferCreate audit event')).toEqual([]);
  });
});
