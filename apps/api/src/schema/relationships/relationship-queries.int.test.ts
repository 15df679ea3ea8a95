/** `relationshipRequests`, `indirectLinks`, and `node` for relationships, requests and links: only your own (domain.md §2, §6, §8). */
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { seedCustomer, seedIndirectLink, seedRelationship, seedRelationshipRequest } from '../../db/seed/factories.js';
import { createPartnerWithAdmin } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';
import { schema } from '../index.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);
const db = () => testDatabase.database.db;

interface RequestsData {
  relationshipRequests: { totalCount: number; nodes: { id: string; status: string; customer: { id: string }; partner: { id: string }; indirectProvider: { id: string } | null }[] };
}
const REQUESTS = `query Requests($status: RelationshipRequestStatus, $customerId: ID) {
  relationshipRequests(first: 50, status: $status, customerId: $customerId) { totalCount nodes { id status customer { id } partner { id } indirectProvider { id } } }
}`;
const requestId = (row: { id: string }) => encodeGlobalId('RelationshipRequest', row.id);

describe('relationshipRequests', () => {
  it('lists the requests you sent or that name you as indirect provider, newest first, and filters them', async () => {
    const own = await createPartnerWithAdmin(db());
    const customer = await seedCustomer(db());
    const now = Date.now();
    const pending = await seedRelationshipRequest(db(), { partnerId: own.partner.id, customerId: customer.id, createdAt: new Date(now - 1000) });
    const declined = await seedRelationshipRequest(db(), { partnerId: own.partner.id, status: 'DECLINED', createdAt: new Date(now - 2000) });
    const naming = await seedRelationshipRequest(db(), { indirectProviderId: own.partner.id, createdAt: new Date(now - 3000) });
    await seedRelationshipRequest(db(), { customerId: customer.id });

    const all = await execute<RequestsData>(REQUESTS, {}, { as: asUser(own.admin) });
    const onlyPending = await execute<RequestsData>(REQUESTS, { status: 'PENDING', customerId: encodeGlobalId('Customer', customer.id) }, { as: asUser(own.admin) });

    expect(all.errors).toBeUndefined();
    expect(all.data?.relationshipRequests.nodes.map((node) => node.id)).toEqual([pending, declined, naming].map(requestId));
    expect(all.data?.relationshipRequests.nodes[2]?.indirectProvider).toEqual({ id: encodeGlobalId('Partner', own.partner.id) });
    expect(onlyPending.data?.relationshipRequests).toMatchObject({ totalCount: 1, nodes: [{ id: requestId(pending), status: 'PENDING' }] });
  });

  it('never exposes the invitation token or its hash', () => {
    const type = schema.getType('RelationshipRequest');
    expect(isObjectType(type)).toBe(true);
    const names = isObjectType(type) ? Object.keys(type.getFields()) : [];
    expect(names).toContain('status');
    expect(names.filter((name) => /token|hash/i.test(name))).toEqual([]);
  });
});

describe('node for relationships, requests and indirect links', () => {
  it('resolves your own and is null for another partner’s, exactly like a missing id', async () => {
    const own = await createPartnerWithAdmin(db());
    const customer = await seedCustomer(db());
    const mine = await seedRelationship(db(), { partnerId: own.partner.id, customerId: customer.id });
    const theirs = await seedRelationship(db(), { customerId: customer.id });
    const myRequest = await seedRelationshipRequest(db(), { partnerId: own.partner.id });
    const theirRequest = await seedRelationshipRequest(db(), { customerId: customer.id });
    const myLink = await seedIndirectLink(db(), { providerId: own.partner.id, resellerId: (await createPartnerWithAdmin(db(), { kind: 'INDIRECT_RESELLER' })).partner.id });
    const theirLink = await seedIndirectLink(db());
    const ids = [
      encodeGlobalId('Relationship', mine.id),
      encodeGlobalId('Relationship', theirs.id),
      requestId(myRequest),
      requestId(theirRequest),
      encodeGlobalId('IndirectLink', myLink.id),
      encodeGlobalId('IndirectLink', theirLink.id),
    ];

    const result = await execute<{ nodes: ({ id: string } | null)[] }>(`query N($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, { as: asUser(own.admin) });

    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([{ id: ids[0] }, null, { id: ids[2] }, null, { id: ids[4] }, null]);
  });
});

describe('indirectLinks', () => {
  it('lists the links you are provider or reseller of, newest invitation first, by status', async () => {
    const provider = await createPartnerWithAdmin(db(), { kind: 'INDIRECT_PROVIDER' });
    const now = Date.now();
    const active = await seedIndirectLink(db(), { providerId: provider.partner.id, invitedAt: new Date(now - 2000) });
    const invited = await seedIndirectLink(db(), { providerId: provider.partner.id, status: 'INVITED', invitedAt: new Date(now - 1000) });
    await seedIndirectLink(db());
    const query = `query Links($status: IndirectLinkStatus) { indirectLinks(first: 10, status: $status) { totalCount nodes { id status provider { id } reseller { id } invitedAt } } }`;

    const all = await execute<{ indirectLinks: { totalCount: number; nodes: { id: string; status: string }[] } }>(query, {}, { as: asUser(provider.admin) });
    const onlyActive = await execute<{ indirectLinks: { nodes: { id: string }[] } }>(query, { status: 'ACTIVE' }, { as: asUser(provider.admin) });

    expect(all.errors).toBeUndefined();
    expect(all.data?.indirectLinks.totalCount).toBe(2);
    expect(all.data?.indirectLinks.nodes.map((node) => node.id)).toEqual([invited, active].map((link) => encodeGlobalId('IndirectLink', link.id)));
    expect(onlyActive.data?.indirectLinks.nodes.map((node) => node.id)).toEqual([encodeGlobalId('IndirectLink', active.id)]);
  });
});
