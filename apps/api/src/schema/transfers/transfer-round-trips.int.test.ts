/**
 * What a partner switch costs in round trips to PostgreSQL: the request transaction pipelines
 * (db/partner-transaction.ts), and the transfer services send the statements that do not depend on
 * each other together (db/together.ts), so each write to the connection is one wait.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { describeWrite, socketWrites } from '../../test/socket-writes.js';
import { globalId, partnerSwitchWorld, runTransferMutation, transferIdOf } from '../../test/transfer-factories.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

describe.runIf(testDatabase.kind === 'postgres')('a partner switch, in round trips', () => {
  it('is created in four round trips after the caller is loaded, and accepted in five', async () => {
    const { database } = testDatabase;
    const world = await partnerSwitchWorld(database.db);
    const createInput = {
      kind: 'PARTNER_SWITCH',
      customerId: globalId.customer(world.customer.id),
      subscriptionIds: world.subscriptions.map((subscription) => globalId.subscription(subscription.id)),
    };
    // A first request: each process waits for its first setup's answer before pipelining.
    await execute('query { viewer { role } }', {}, { as: asUser(world.target.user) });

    const created = await socketWrites(database, () => runTransferMutation(execute, 'transferCreate', createInput, { as: asUser(world.target.user) }));
    expect(created.result.userErrors).toEqual([]);
    expect(created.writes.map(describeWrite)).toEqual([
      'statement', // the caller, loaded before the transaction
      // BEGIN and the partner; the customer; the subscriptions locked, their services and open
      // transfers; the requester's relationship held.
      'BEGIN+statement+statement+statement+statement+statement',
      'statement+statement', // the transfer and its line items
      'statement', // the audit and outbox events
      'COMMIT', // the payload is answered from the rows written
    ]);

    const transferId = globalId.transfer(transferIdOf(created.result));
    const accepted = await socketWrites(database, () =>
      runTransferMutation(execute, 'transferAccept', { transferId }, { as: asUser(world.source.user) }),
    );
    expect(accepted.result.userErrors).toEqual([]);
    expect(accepted.result.transfer?.status).toBe('COMPLETED');
    expect(accepted.writes.map(describeWrite)).toEqual([
      'statement',
      'BEGIN+statement+statement', // the transfer locked, its line items
      'statement+statement+statement', // the subscriptions locked, their services and open transfers
      // The subscription handed over, the line item and the transfer updated, the subscription's audience.
      'statement+statement+statement+statement',
      'statement', // the audit and outbox events
      'COMMIT', // the payload is answered from the rows written
    ]);
  });
});
