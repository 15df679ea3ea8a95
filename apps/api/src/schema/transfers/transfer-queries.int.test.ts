/** `transfers` (direction, status, kind, customer), `Transfer`/`TransferLineItem` fields, and who sees them (domain.md §7, §8). */
import { describe, expect, it } from 'vitest';
import { seedTransfer } from '../../db/seed/factories.js';
import { createPartnerWithAdmin } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;
const DAY = 24 * 60 * 60 * 1000;

interface TransfersData {
  transfers: { totalCount: number; nodes: { id: string; kind: string; status: string; direction: string }[] };
}
const TRANSFERS = `query Transfers($direction: TransferDirection, $status: TransferStatus, $kind: TransferKind, $customerId: ID) {
  transfers(first: 50, direction: $direction, status: $status, kind: $kind, customerId: $customerId) { totalCount nodes { id kind status direction } }
}`;
const gid = (transfer: { id: string }) => encodeGlobalId('Transfer', transfer.id);

/** Us, a partner we ask subscriptions of, a partner that asks ours, and an outsider. */
async function transferWorld() {
  const us = await createPartnerWithAdmin(db());
  const other = await createPartnerWithAdmin(db());
  const outsider = await createPartnerWithAdmin(db());
  const now = Date.now();
  const incoming = await seedTransfer(db(), { sourcePartnerId: us.partner.id, targetPartnerId: other.partner.id, createdAt: new Date(now - 3 * DAY) });
  const outgoing = await seedTransfer(db(), { sourcePartnerId: other.partner.id, targetPartnerId: us.partner.id, status: 'REJECTED', createdAt: new Date(now - 2 * DAY) });
  const migration = await seedTransfer(db(), { kind: 'USAGE_MIGRATION', targetPartnerId: us.partner.id, status: 'COMPLETED', createdAt: new Date(now - DAY) });
  const unrelated = await seedTransfer(db(), { targetPartnerId: outsider.partner.id });
  return { us, other, outsider, incoming: incoming.transfer, outgoing: outgoing.transfer, migration, unrelated: unrelated.transfer };
}

describe('transfers', () => {
  it('lists the transfers you are source or target of, newest first, each with its direction', async () => {
    const world = await transferWorld();
    const result = await execute<TransfersData>(TRANSFERS, {}, { as: asUser(world.us.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.transfers).toEqual({
      totalCount: 3,
      nodes: [
        { id: gid(world.migration.transfer), kind: 'USAGE_MIGRATION', status: 'COMPLETED', direction: 'OUTGOING' },
        { id: gid(world.outgoing), kind: 'PARTNER_SWITCH', status: 'REJECTED', direction: 'OUTGOING' },
        { id: gid(world.incoming), kind: 'PARTNER_SWITCH', status: 'PENDING', direction: 'INCOMING' },
      ],
    });
  });

  it('filters by direction, status, kind and customer: INCOMING and PENDING are the ones awaiting your answer', async () => {
    const world = await transferWorld();
    const ids = async (variables: Record<string, unknown>) =>
      (await execute<TransfersData>(TRANSFERS, variables, { as: asUser(world.us.admin) })).data?.transfers.nodes.map((node) => node.id);

    expect(await ids({ direction: 'INCOMING', status: 'PENDING' })).toEqual([gid(world.incoming)]);
    expect(await ids({ direction: 'OUTGOING' })).toEqual([gid(world.migration.transfer), gid(world.outgoing)]);
    expect(await ids({ status: 'REJECTED' })).toEqual([gid(world.outgoing)]);
    expect(await ids({ kind: 'USAGE_MIGRATION' })).toEqual([gid(world.migration.transfer)]);
    expect(await ids({ customerId: encodeGlobalId('Customer', world.incoming.customerId) })).toEqual([gid(world.incoming)]);
    expect(await ids({ customerId: encodeGlobalId('Customer', world.unrelated.customerId) })).toEqual([]);
  });

  it('shows each party the same transfer from its own side, and nobody else anything', async () => {
    const world = await transferWorld();
    const theirs = await execute<TransfersData>(TRANSFERS, { direction: 'OUTGOING', status: 'PENDING' }, { as: asUser(world.other.admin) });
    const outsiders = await execute<TransfersData>(TRANSFERS, {}, { as: asUser(world.outsider.admin) });
    const refetch = await execute<{ nodes: ({ id: string } | null)[] }>(
      `query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [gid(world.incoming), gid(world.unrelated)] },
      { as: asUser(world.us.admin) },
    );

    expect(theirs.data?.transfers.nodes).toEqual([{ id: gid(world.incoming), kind: 'PARTNER_SWITCH', status: 'PENDING', direction: 'OUTGOING' }]);
    expect(outsiders.data?.transfers.nodes.map((node) => node.id)).toEqual([gid(world.unrelated)]);
    expect(refetch.data?.nodes).toEqual([{ id: gid(world.incoming) }, null]);
  });

  it('describes a completed usage migration: parties, line items, the services moved and the subscription it produced', async () => {
    const world = await transferWorld();
    const { transfer, lineItems } = world.migration;
    const [lineItem] = lineItems;
    const result = await execute(
      `query T($id: ID!) { node(id: $id) { ... on Transfer {
        kind status sourceChannel cancelSource sourcePartner { id } targetPartner { id } customer { id } version createdByActorType
        lineItems { id status subscription { id } resultSubscription { id channel migratedFrom { id } } services { name status migratedTo { id } } }
      } } }`,
      { id: gid(transfer) },
      { as: asUser(world.us.admin) },
    );

    expect(result.errors).toBeUndefined();
    const resultId = encodeGlobalId('Subscription', lineItem?.resultSubscriptionId ?? '');
    const migratedServices: unknown = expect.arrayContaining([expect.objectContaining({ status: 'MIGRATED', migratedTo: { id: resultId } })]);
    const sourceId = encodeGlobalId('Subscription', lineItem?.subscriptionId ?? '');
    expect(result.data).toEqual({
      node: {
        kind: 'USAGE_MIGRATION',
        status: 'COMPLETED',
        sourceChannel: transfer.sourceChannel,
        cancelSource: transfer.cancelSource,
        sourcePartner: null,
        targetPartner: { id: encodeGlobalId('Partner', world.us.partner.id) },
        customer: { id: encodeGlobalId('Customer', transfer.customerId) },
        version: 1,
        createdByActorType: transfer.createdByActorType,
        lineItems: [
          {
            id: encodeGlobalId('TransferLineItem', lineItem?.id ?? ''),
            status: 'COMPLETED',
            subscription: { id: sourceId },
            resultSubscription: { id: resultId, channel: 'CSP', migratedFrom: { id: sourceId } },
            services: migratedServices,
          },
        ],
      },
    });
    expect((lineItem?.serviceIds ?? []).length).toBeGreaterThan(0);
  });

  it('loads line items and their services in as many statements for many transfers as for one', async () => {
    const us = await createPartnerWithAdmin(db());
    for (let index = 0; index < 8; index += 1) await seedTransfer(db(), { kind: 'USAGE_MIGRATION', targetPartnerId: us.partner.id });
    const page = `query P($first: Int!) { transfers(first: $first) { nodes { id customer { companyName } targetPartner { name } lineItems { status subscription { id offer { name } } services { name } } } } }`;
    const count = async (first: number) => {
      const { result, queries } = await testDatabase.database.queryCounter.measure(() =>
        execute<{ transfers: { nodes: { lineItems: { services: unknown[] }[] }[] } }>(page, { first }, { as: asUser(us.admin) }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.transfers.nodes).toHaveLength(first);
      expect(result.data?.transfers.nodes.every((node) => (node.lineItems[0]?.services.length ?? 0) > 0)).toBe(true);
      return queries;
    };
    expect(await count(8)).toBe(await count(1));
  });
});
