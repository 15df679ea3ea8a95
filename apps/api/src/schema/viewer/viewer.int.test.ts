/** `viewer`, `node`/`nodes` visibility and `partners`, executed in-process through the request path. */
import { ROLE_PERMISSIONS } from '@switchyard/domain';
import { describe, expect, it } from 'vitest';
import { indirectLinks } from '../../db/schema/index.js';
import { createApiKey, createPartnerWithAdmin, createUser } from '../../test/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asApiKey, asUser, useExecutor } from '../../test/execute-operation.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

describe('viewer', () => {
  it('describes a signed-in user, its partner and what its role allows', async () => {
    const { partner } = await createPartnerWithAdmin(testDatabase.database.db);
    const agent = await createUser(testDatabase.database.db, { partnerId: partner.id, role: 'HELPDESK_AGENT' });
    const result = await execute('{ viewer { actorType role permissions user { email role } apiKeyName partner { id name cloud kind } } }', {}, { as: asUser(agent) });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      viewer: {
        actorType: 'USER',
        role: 'HELPDESK_AGENT',
        permissions: [...ROLE_PERMISSIONS.HELPDESK_AGENT],
        user: { email: agent.email, role: 'HELPDESK_AGENT' },
        apiKeyName: null,
        partner: { id: encodeGlobalId('Partner', partner.id), name: partner.name, cloud: 'GLOBAL', kind: 'DIRECT_PROVIDER' },
      },
    });
  });

  it('describes an API key', async () => {
    const { partner } = await createPartnerWithAdmin(testDatabase.database.db);
    const key = await createApiKey(testDatabase.database.db, { partnerId: partner.id, role: 'BILLING_ADMIN' });
    const result = await execute('{ viewer { actorType role apiKeyName user { email } } }', {}, { as: asApiKey(key) });
    expect(result.data).toEqual({ viewer: { actorType: 'API_KEY', role: 'BILLING_ADMIN', apiKeyName: key.name, user: null } });
  });

  it('is UNAUTHENTICATED for nobody', async () => {
    const result = await execute('{ viewer { role } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('costs a fixed, small number of statements', async () => {
    const { admin } = await createPartnerWithAdmin(testDatabase.database.db);
    const { database } = testDatabase;
    const { queries } = await database.queryCounter.measure(() => execute('{ viewer { role user { email } partner { name } } }', {}, { as: asUser(admin) }));
    // actor lookup + transaction (2 or 3) + user + partner
    expect(queries).toBe(1 + (database.kind === 'postgres' ? 2 : 3) + 2);
  });
});

describe('node and nodes', () => {
  it('refetch the own partner and linked partners, and answer null for any other id', async () => {
    const { db } = testDatabase.database;
    const own = await createPartnerWithAdmin(db, { kind: 'INDIRECT_PROVIDER' });
    const linked = await createPartnerWithAdmin(db, { kind: 'INDIRECT_RESELLER' });
    const stranger = await createPartnerWithAdmin(db);
    await db.insert(indirectLinks).values({ providerId: own.partner.id, resellerId: linked.partner.id, status: 'ACTIVE' });

    const ids = [own.partner.id, linked.partner.id, stranger.partner.id].map((id) => encodeGlobalId('Partner', id));
    const malformed = ['not-an-id', encodeGlobalId('Partner', 'not-a-uuid'), encodeGlobalId('Customer', own.partner.id)];
    const result = await execute(
      'query ($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Partner { name } } nodes(ids: $ids) { id } }',
      { id: ids[2], ids: [...ids, ...malformed] },
      { as: asUser(own.admin) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null, nodes: [{ id: ids[0] }, { id: ids[1] }, null, null, null, null] });

    const visible = await execute('query ($id: ID!) { node(id: $id) { ... on Partner { name } } }', { id: ids[1] }, { as: asUser(own.admin) });
    expect(visible.data).toEqual({ node: { name: linked.partner.name } });
  });
});

describe('partners', () => {
  it('lists the own partner and linked partners with a total count, paging by name', async () => {
    const { db } = testDatabase.database;
    const own = await createPartnerWithAdmin(db, { kind: 'INDIRECT_PROVIDER', name: 'M provider' });
    for (const name of ['A reseller', 'Z reseller']) {
      const reseller = await createPartnerWithAdmin(db, { kind: 'INDIRECT_RESELLER', name });
      await db.insert(indirectLinks).values({ providerId: own.partner.id, resellerId: reseller.partner.id });
    }
    await createPartnerWithAdmin(db, { name: 'B stranger' });

    const first = await execute<{ partners: { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      '{ partners(first: 2) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }',
      {},
      { as: asUser(own.admin) },
    );
    expect(first.data?.partners.totalCount).toBe(3);
    expect(first.data?.partners.nodes.map((node) => node.name)).toEqual(['A reseller', 'M provider']);
    expect(first.data?.partners.pageInfo.hasNextPage).toBe(true);

    const second = await execute('query ($after: String) { partners(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }', { after: first.data?.partners.pageInfo.endCursor }, { as: asUser(own.admin) });
    expect(second.data).toEqual({ partners: { nodes: [{ name: 'Z reseller' }], pageInfo: { hasNextPage: false } } });
  });
});
