/** `indirectLinkInvite`, `indirectLinkAccept` and `indirectLinkUpdate` through GraphQL. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { indirectLinks } from '../../db/schema/index.js';
import { seedIndirectLink } from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, outboxEventsAbout, partnerWithUser } from '../../test/relationship-factories.js';
import { databaseIdOf, encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

interface LinkPayload {
  indirectLink: { id: string; status: string; version: number } | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}

const INVITE = `mutation ($input: IndirectLinkInviteInput!) {
  indirectLinkInvite(input: $input) { indirectLink { id status version } userErrors { code message field } }
}`;
const ACCEPT = `mutation ($input: IndirectLinkAcceptInput!) {
  indirectLinkAccept(input: $input) { indirectLink { id status version } userErrors { code message field } }
}`;
const UPDATE = `mutation ($input: IndirectLinkUpdateInput!) {
  indirectLinkUpdate(input: $input) { indirectLink { id status version } userErrors { code message field } }
}`;

type InviteData = { indirectLinkInvite: LinkPayload };
type AcceptData = { indirectLinkAccept: LinkPayload };
type UpdateData = { indirectLinkUpdate: LinkPayload };

async function providerAndReseller() {
  const { db } = testDatabase.database;
  const provider = await partnerWithUser(db, { kind: 'INDIRECT_PROVIDER', role: 'ADMIN_AGENT' });
  const reseller = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER', role: 'ADMIN_AGENT' });
  return { provider, reseller };
}

describe('indirectLinkInvite and indirectLinkAccept', () => {
  it('a provider invites a reseller by partner number (INVITED); the reseller accepts (ACTIVE); both hear of each step', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();

    const invited = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: reseller.partner.partnerNumber, message: 'Welcome' } }, { as: asUser(provider.user) });
    expect(invited.data?.indirectLinkInvite).toMatchObject({ indirectLink: { status: 'INVITED', version: 1 }, userErrors: [] });
    const linkId = invited.data?.indirectLinkInvite.indirectLink?.id ?? '';

    const accepted = await execute<AcceptData>(ACCEPT, { input: { indirectLinkId: linkId, expectedVersion: 1 } }, { as: asUser(reseller.user) });
    expect(accepted.data?.indirectLinkAccept).toEqual({ indirectLink: { id: linkId, status: 'ACTIVE', version: 2 }, userErrors: [] });

    const id = databaseIdOf(linkId, 'IndirectLink') ?? '';
    const [row] = await db.select().from(indirectLinks).where(eq(indirectLinks.id, id));
    expect(row).toMatchObject({ providerId: provider.partner.id, resellerId: reseller.partner.id, status: 'ACTIVE' });
    expect(row?.acceptedAt).toBeInstanceOf(Date);
    expect((await auditEventsOf(db, provider.partner.id)).map((event) => event.operation)).toEqual(['indirectLinkInvite']);
    expect((await auditEventsOf(db, reseller.partner.id)).map((event) => event.operation)).toEqual(['indirectLinkAccept']);
    const events = await outboxEventsAbout(db, id);
    expect(events.map((event) => event.type)).toEqual(['indirectLink.invited', 'indirectLink.accepted']);
    expect(events.every((event) => [provider.partner.id, reseller.partner.id].every((partnerId) => event.audiencePartnerIds.includes(partnerId)))).toBe(true);
  });

  it('refuses partners of the wrong kinds with PARTNER_KIND_NOT_ALLOWED', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const direct = await partnerWithUser(db);

    const notAReseller = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: direct.partner.partnerNumber } }, { as: asUser(provider.user) });
    const notAProvider = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: reseller.partner.partnerNumber } }, { as: asUser(direct.user) });

    expect(notAReseller.data?.indirectLinkInvite.userErrors).toMatchObject([{ code: 'PARTNER_KIND_NOT_ALLOWED', field: ['input', 'resellerPartnerNumber'] }]);
    expect(notAProvider.data?.indirectLinkInvite.userErrors).toMatchObject([{ code: 'PARTNER_KIND_NOT_ALLOWED' }]);
    expect(await auditEventsOf(db, provider.partner.id)).toEqual([]);
  });

  it('refuses a reseller of another cloud with CLOUD_MISMATCH and an unknown number with NOT_FOUND', async () => {
    const { db } = testDatabase.database;
    const { provider } = await providerAndReseller();
    const federal = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER', cloud: 'US_GOVERNMENT' });

    const otherCloud = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: federal.partner.partnerNumber } }, { as: asUser(provider.user) });
    const unknown = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: '000001' } }, { as: asUser(provider.user) });

    expect(otherCloud.data?.indirectLinkInvite.userErrors.map((error) => error.code)).toEqual(['CLOUD_MISMATCH']);
    expect(unknown.data?.indirectLinkInvite.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'resellerPartnerNumber'] }]);
  });

  it('refuses a second live link with INDIRECT_LINK_ALREADY_EXISTS, but invites again after a revocation', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const link = await seedIndirectLink(db, { providerId: provider.partner.id, resellerId: reseller.partner.id, status: 'SUSPENDED' });
    const input = { resellerPartnerNumber: reseller.partner.partnerNumber };

    const twice = await execute<InviteData>(INVITE, { input }, { as: asUser(provider.user) });
    expect(twice.data?.indirectLinkInvite.userErrors.map((error) => error.code)).toEqual(['INDIRECT_LINK_ALREADY_EXISTS']);

    await db.update(indirectLinks).set({ status: 'REVOKED', revokedAt: new Date() }).where(eq(indirectLinks.id, link.id));
    const again = await execute<InviteData>(INVITE, { input }, { as: asUser(provider.user) });
    expect(again.data?.indirectLinkInvite).toMatchObject({ indirectLink: { status: 'INVITED' }, userErrors: [] });
  });

  it('lets only the reseller accept: the provider is FORBIDDEN (as a rule), a stranger gets NOT_FOUND', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const stranger = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER' });
    const link = await seedIndirectLink(db, { providerId: provider.partner.id, resellerId: reseller.partner.id, status: 'INVITED' });
    const indirectLinkId = encodeGlobalId('IndirectLink', link.id);

    const byProvider = await execute<AcceptData>(ACCEPT, { input: { indirectLinkId } }, { as: asUser(provider.user) });
    const byStranger = await execute<AcceptData>(ACCEPT, { input: { indirectLinkId, expectedVersion: 9 } }, { as: asUser(stranger.user) });

    expect(byProvider.data?.indirectLinkAccept.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    expect(byStranger.data?.indirectLinkAccept.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'No indirect link with this id.', field: ['input', 'indirectLinkId'] }]);
  });

  it('refuses accepting a link that is not waiting with INVALID_TRANSITION, and a stale version with STALE_VERSION', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const active = await seedIndirectLink(db, { providerId: provider.partner.id, resellerId: reseller.partner.id });
    const indirectLinkId = encodeGlobalId('IndirectLink', active.id);

    const notWaiting = await execute<AcceptData>(ACCEPT, { input: { indirectLinkId } }, { as: asUser(reseller.user) });
    const stale = await execute<AcceptData>(ACCEPT, { input: { indirectLinkId, expectedVersion: 3 } }, { as: asUser(reseller.user) });

    expect(notWaiting.data?.indirectLinkAccept.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);
    expect(stale.data?.indirectLinkAccept.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);
  });

  it('is FORBIDDEN for a sales agent', async () => {
    const { db } = testDatabase.database;
    const sales = await partnerWithUser(db, { kind: 'INDIRECT_PROVIDER', role: 'SALES_AGENT' });
    const { reseller } = await providerAndReseller();
    const result = await execute<InviteData>(INVITE, { input: { resellerPartnerNumber: reseller.partner.partnerNumber } }, { as: asUser(sales.user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('indirectLinkUpdate', () => {
  it('the provider suspends, reactivates and revokes a link; revoked is final', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const link = await seedIndirectLink(db, { providerId: provider.partner.id, resellerId: reseller.partner.id });
    const indirectLinkId = encodeGlobalId('IndirectLink', link.id);
    const move = (status: string, expectedVersion?: number) =>
      execute<UpdateData>(UPDATE, { input: { indirectLinkId, status, expectedVersion } }, { as: asUser(provider.user) });

    expect((await move('SUSPENDED', 1)).data?.indirectLinkUpdate.indirectLink).toMatchObject({ status: 'SUSPENDED', version: 2 });
    expect((await move('ACTIVE', 2)).data?.indirectLinkUpdate.indirectLink).toMatchObject({ status: 'ACTIVE', version: 3 });
    expect((await move('REVOKED', 3)).data?.indirectLinkUpdate.indirectLink).toMatchObject({ status: 'REVOKED', version: 4 });
    expect((await move('ACTIVE')).data?.indirectLinkUpdate.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);

    const [row] = await db.select().from(indirectLinks).where(eq(indirectLinks.id, link.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect((await outboxEventsAbout(db, link.id)).map((event) => event.type)).toEqual([
      'indirectLink.suspended',
      'indirectLink.reactivated',
      'indirectLink.revoked',
    ]);
    expect(await auditEventsOf(db, provider.partner.id, 'indirectLinkUpdate')).toHaveLength(3);
  });

  it('refuses the reseller with FORBIDDEN, a stranger with NOT_FOUND, and a move that does not exist with INVALID_TRANSITION', async () => {
    const { db } = testDatabase.database;
    const { provider, reseller } = await providerAndReseller();
    const stranger = await partnerWithUser(db, { kind: 'INDIRECT_PROVIDER' });
    const link = await seedIndirectLink(db, { providerId: provider.partner.id, resellerId: reseller.partner.id });
    const indirectLinkId = encodeGlobalId('IndirectLink', link.id);

    const byReseller = await execute<UpdateData>(UPDATE, { input: { indirectLinkId, status: 'SUSPENDED' } }, { as: asUser(reseller.user) });
    const byStranger = await execute<UpdateData>(UPDATE, { input: { indirectLinkId, status: 'SUSPENDED' } }, { as: asUser(stranger.user) });
    const toInvited = await execute<UpdateData>(UPDATE, { input: { indirectLinkId, status: 'INVITED' } }, { as: asUser(provider.user) });
    const sameStatus = await execute<UpdateData>(UPDATE, { input: { indirectLinkId, status: 'ACTIVE' } }, { as: asUser(provider.user) });

    expect(byReseller.data?.indirectLinkUpdate.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    expect(byStranger.data?.indirectLinkUpdate.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    expect(toInvited.data?.indirectLinkUpdate.userErrors).toMatchObject([{ code: 'VALIDATION_FAILED', field: ['input', 'status'] }]);
    expect(sameStatus.data?.indirectLinkUpdate.userErrors.map((error) => error.code)).toEqual(['INVALID_TRANSITION']);
    const [row] = await db.select().from(indirectLinks).where(eq(indirectLinks.id, link.id));
    expect(row?.status).toBe('ACTIVE');
    expect(await auditEventsOf(db, provider.partner.id)).toEqual([]);
    expect(await auditEventsOf(db, reseller.partner.id)).toEqual([]);
  });
});
