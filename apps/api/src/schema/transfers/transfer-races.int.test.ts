/**
 * Transfers under concurrency, on PostgreSQL (real parallel transactions; PGlite serialises its one
 * connection, so there is no race to lose there): racing requests never both win, a duplicate
 * request runs once, and afterwards no invariant over the tables is broken.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import {
  auditEventsNaming,
  codesOf,
  globalId,
  partnerOf,
  partnerSwitchWorld,
  runTransferMutation,
  storedSubscription,
  storedTransfer,
  transferIdOf,
} from '../../test/transfer-factories.js';
import type { PartnerSwitchWorld } from '../../test/transfer-factories.js';
import { brokenTransferInvariants } from '../../test/transfer-invariants.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

function switchInput(world: PartnerSwitchWorld) {
  return {
    kind: 'PARTNER_SWITCH',
    customerId: globalId.customer(world.customer.id),
    subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
  };
}

describe.runIf(testDatabase.kind === 'postgres')('transfers under concurrency', () => {
  it('20 concurrent transferCreate on one subscription: exactly one transfer, the rest ALREADY_IN_TRANSFER', async () => {
    const world = await partnerSwitchWorld(db());
    const requesters = [world.target];
    for (let index = 1; index < 20; index += 1) requesters.push(await partnerOf(db(), world.customer));

    const payloads = await Promise.all(
      requesters.map((requester) => runTransferMutation(execute, 'transferCreate', switchInput(world), { as: asUser(requester.user) })),
    );

    const winners = payloads.filter((payload) => payload.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    expect(payloads.filter((payload) => payload !== winners[0]).map((payload) => codesOf(payload))).toEqual(
      Array.from({ length: 19 }, () => ['ALREADY_IN_TRANSFER']),
    );
    const transfers = await db().query.transferLineItems.findMany({ where: { subscriptionId: world.subscriptions[0]!.id } });
    expect(transfers).toHaveLength(1);
    const audit = await auditEventsNaming(db(), world.subscriptions[0]!.id);
    expect(audit.map((event) => event.operation)).toEqual(['transferCreate']);
  });

  it('transferAccept racing transferCancel: exactly one wins, and the transfer shows which', async () => {
    for (let round = 0; round < 5; round += 1) {
      const world = await partnerSwitchWorld(db());
      const created = await runTransferMutation(execute, 'transferCreate', switchInput(world), { as: asUser(world.target.user) });
      const transferId = created.transfer!.id;

      const [accepted, cancelled] = await Promise.all([
        runTransferMutation(execute, 'transferAccept', { transferId }, { as: asUser(world.source.user) }),
        runTransferMutation(execute, 'transferCancel', { transferId }, { as: asUser(world.target.user) }),
      ]);

      const acceptWon = accepted.userErrors.length === 0;
      const cancelWon = cancelled.userErrors.length === 0;
      expect(acceptWon !== cancelWon).toBe(true);
      expect(codesOf(acceptWon ? cancelled : accepted)).toEqual(['TRANSFER_NOT_PENDING']);
      const transfer = await storedTransfer(db(), transferIdOf(created));
      expect(transfer.status).toBe(acceptWon ? 'COMPLETED' : 'CANCELLED');
      expect((await storedSubscription(db(), world.subscriptions[0]!.id)).sellerPartnerId).toBe(
        acceptWon ? world.target.partner.id : world.source.partner.id,
      );
      const answers = (await auditEventsNaming(db(), transfer.id)).filter((event) => event.operation !== 'transferCreate');
      expect(answers.map((event) => event.operation)).toEqual([acceptWon ? 'transferAccept' : 'transferCancel']);
    }
  });

  it('20 concurrent requests with one Idempotency-Key: one execution, identical answers', async () => {
    const world = await partnerSwitchWorld(db(), { count: 3 });
    const key = `race-${world.customer.id}`;

    const payloads = await Promise.all(
      Array.from({ length: 20 }, () =>
        runTransferMutation(execute, 'transferCreate', switchInput(world), { as: asUser(world.target.user), idempotencyKey: key }),
      ),
    );

    expect(payloads[0]!.userErrors).toEqual([]);
    for (const payload of payloads) expect(payload).toEqual(payloads[0]);
    const lineItems = await db().query.transferLineItems.findMany({ where: { subscriptionId: world.subscriptions[0]!.id } });
    expect(lineItems).toHaveLength(1);
    const audit = await auditEventsNaming(db(), transferIdOf(payloads[0]!));
    expect(audit).toMatchObject([{ operation: 'transferCreate', idempotencyKey: key }]);
  });

  it('leaves every invariant over the tables intact', async () => {
    expect(await brokenTransferInvariants(db())).toEqual([]);
  });
});
