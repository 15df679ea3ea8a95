/**
 * `CustomerSubscription.transferEligibility` through GraphQL (domain.md §7, §11): the pre-check
 * answers with the very reasons `transferCreate` refuses with, prefills a usage migration, and
 * costs a fixed number of queries for a whole page of subscriptions.
 */
import { describe, expect, it } from 'vitest';
import { seedSubscription } from '../../db/seed/factories.js';
import { withCloudCapabilities } from '../../services/transfers/license-transfer-policy.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { externalWorld, globalId, partnerOf, partnerSwitchWorld, runTransferMutation } from '../../test/transfer-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface Eligibility {
  kind: string | null;
  eligible: boolean;
  reasons: { code: string; message: string }[];
  scheduleAt: string | null;
  usageMigrationDefaults: { offerId: string; term: string; billingCycle: string; autoRenew: boolean } | null;
}

const ELIGIBILITY = `query ($id: ID!, $kind: TransferKind, $effective: TransferEffective) {
  node(id: $id) { ... on CustomerSubscription { transferEligibility(kind: $kind, effective: $effective) {
    kind eligible reasons { code message } scheduleAt usageMigrationDefaults { offerId term billingCycle autoRenew }
  } } }
}`;

async function eligibilityOf(subscriptionId: string, user: { id: string }, variables: Record<string, unknown> = {}): Promise<Eligibility> {
  const result = await execute<{ node: { transferEligibility: Eligibility } | null }>(
    ELIGIBILITY,
    { id: globalId.subscription(subscriptionId), ...variables },
    { as: asUser(user) },
  );
  expect(result.errors).toBeUndefined();
  if (!result.data?.node) throw new Error('The subscription is not visible');
  return result.data.node.transferEligibility;
}

describe('transferEligibility', () => {
  it('says a CSP Azure subscription of another partner can move by partner switch', async () => {
    const world = await partnerSwitchWorld(db());

    expect(await eligibilityOf(world.subscriptions[0]!.id, world.target.user)).toEqual({
      kind: 'PARTNER_SWITCH',
      eligible: true,
      reasons: [],
      scheduleAt: null,
      usageMigrationDefaults: null,
    });
  });

  it('explains a refusal with the code and words transferCreate refuses with', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 100 });
    const subscription = world.subscriptions[0]!;

    const eligibility = await eligibilityOf(subscription.id, world.target.user);
    const refused = await runTransferMutation(
      execute,
      'transferCreate',
      { kind: 'PARTNER_SWITCH', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(subscription.id)] },
      { as: asUser(world.target.user) },
    );

    expect(eligibility).toMatchObject({ kind: 'PARTNER_SWITCH', eligible: false, reasons: [{ code: 'LICENSE_TERM_NOT_ENDED' }] });
    expect(refused.userErrors.map(({ code, message }) => ({ code, message }))).toEqual(eligibility.reasons);
  });

  it('says when a move at term end would happen, and that ANYTIME moves it at once', async () => {
    const world = await partnerSwitchWorld(db(), { billingModel: 'LICENSE_BASED', termEndInDays: 100 });
    const subscription = world.subscriptions[0]!;

    const atTermEnd = await eligibilityOf(subscription.id, world.target.user, { effective: 'AT_TERM_END' });
    const anytime = await withCloudCapabilities({ GLOBAL: { licenseTransferPolicy: 'ANYTIME' } }, () => eligibilityOf(subscription.id, world.target.user));

    expect(atTermEnd).toMatchObject({ eligible: true, scheduleAt: subscription.termEndDate!.toISOString() });
    expect(anytime).toMatchObject({ eligible: true, scheduleAt: null });
  });

  it("says ALREADY_IN_TRANSFER for a subscription in another partner's open transfer, which the caller cannot see", async () => {
    const world = await partnerSwitchWorld(db());
    const rival = await partnerOf(db(), world.customer);
    const created = await runTransferMutation(
      execute,
      'transferCreate',
      { kind: 'PARTNER_SWITCH', customerId: globalId.customer(world.customer.id), subscriptionIds: [globalId.subscription(world.subscriptions[0]!.id)] },
      { as: asUser(rival.user) },
    );
    expect(created.userErrors).toEqual([]);

    const eligibility = await eligibilityOf(world.subscriptions[0]!.id, world.target.user);

    expect(eligibility).toMatchObject({ eligible: false, reasons: [{ code: 'ALREADY_IN_TRANSFER' }] });
  });

  it("refuses the seller's own subscription with SELF_TRANSFER", async () => {
    const world = await partnerSwitchWorld(db());

    expect((await eligibilityOf(world.subscriptions[0]!.id, world.source.user)).reasons.map((reason) => reason.code)).toEqual(['SELF_TRANSFER']);
  });

  it('prefills the new CSP subscription of a usage migration from the source', async () => {
    const world = await externalWorld(db());

    expect(await eligibilityOf(world.subscription.id, world.target.user)).toEqual({
      kind: 'USAGE_MIGRATION',
      eligible: true,
      reasons: [],
      scheduleAt: null,
      usageMigrationDefaults: { offerId: globalId.offer(world.subscription.offerId), term: 'P1M', billingCycle: 'MONTHLY', autoRenew: true },
    });
  });

  it('answers for another kind when asked, with CHANNEL_NOT_MIGRATABLE or BILLING_MODEL_MISMATCH', async () => {
    const world = await externalWorld(db());

    const asSwitch = await eligibilityOf(world.subscription.id, world.target.user, { kind: 'PARTNER_SWITCH' });
    const asTransition = await eligibilityOf(world.subscription.id, world.target.user, { kind: 'LICENSE_TRANSITION' });

    expect(asSwitch.reasons.map((reason) => reason.code)).toEqual(['CHANNEL_NOT_MIGRATABLE']);
    expect(asTransition.reasons.map((reason) => reason.code)).toEqual(['BILLING_MODEL_MISMATCH']);
  });

  it('says a Syndication subscription cannot move at all', async () => {
    const world = await externalWorld(db(), { channel: 'SYNDICATION' });

    expect(await eligibilityOf(world.subscription.id, world.target.user)).toMatchObject({ kind: null, eligible: false, reasons: [{ code: 'CHANNEL_NOT_MIGRATABLE' }] });
  });

  it('answers a page of subscriptions in a fixed number of queries', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const query = `query ($customerId: ID!) { subscriptions(customerId: $customerId, first: 50) { nodes { id transferEligibility { eligible } } } }`;
    const run = () => execute<{ subscriptions: { nodes: { transferEligibility: { eligible: boolean } }[] } }>(
      query,
      { customerId: globalId.customer(world.customer.id) },
      { as: asUser(world.target.user) },
    );
    const { queries: forTwo } = await testDatabase.database.queryCounter.measure(run);
    for (let index = 0; index < 8; index += 1) {
      await seedSubscription(db(), { customerId: world.customer.id, billingModel: 'USAGE_BASED', sellerPartnerId: world.source.partner.id });
    }

    const { result, queries: forTen } = await testDatabase.database.queryCounter.measure(run);

    expect(result.data?.subscriptions.nodes).toHaveLength(10);
    expect(result.data?.subscriptions.nodes.every((node) => node.transferEligibility.eligible)).toBe(true);
    expect(forTen).toBe(forTwo);
  });

  it('answers a later mutation of the same operation afresh, not from before the earlier one', async () => {
    const world = await partnerSwitchWorld(db(), { count: 2 });
    const [first, second] = world.subscriptions.map((subscription) => globalId.subscription(subscription.id));
    const input = (subscriptionId: string) => ({ kind: 'PARTNER_SWITCH', customerId: globalId.customer(world.customer.id), subscriptionIds: [subscriptionId] });
    // Each payload asks about both subscriptions, through the transfer's customer.
    const eligibilities = 'transfer { customer { subscriptions(first: 10) { nodes { id transferEligibility { eligible reasons { code } } } } } } userErrors { code }';
    type Payload = { transfer: { customer: { subscriptions: { nodes: { id: string; transferEligibility: { eligible: boolean; reasons: { code: string }[] } }[] } } }; userErrors: unknown[] };

    const result = await execute<{ one: Payload; two: Payload }>(
      `mutation ($one: TransferCreateInput!, $two: TransferCreateInput!) {
        one: transferCreate(input: $one) { ${eligibilities} }
        two: transferCreate(input: $two) { ${eligibilities} }
      }`,
      { one: input(first!), two: input(second!) },
      { as: asUser(world.target.user) },
    );

    expect(result.errors).toBeUndefined();
    const answers = (payload: Payload) =>
      Object.fromEntries(payload.transfer.customer.subscriptions.nodes.map((node) => [node.id, node.transferEligibility.reasons.map((reason) => reason.code)]));
    expect(answers(result.data!.one)).toEqual({ [first!]: ['ALREADY_IN_TRANSFER'], [second!]: [] });
    expect(answers(result.data!.two)).toEqual({ [first!]: ['ALREADY_IN_TRANSFER'], [second!]: ['ALREADY_IN_TRANSFER'] });
  });
});
