/** `relationshipRequestCreate` and `relationshipRequestRevoke` through GraphQL: every rule with its code. */
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, relationshipRequests } from '../../db/schema/index.js';
import {
  seedCustomer,
  seedIndirectLink,
  seedRelationship,
  seedRelationshipRequest,
} from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, outboxEventsAbout, partnerWithUser } from '../../test/relationship-factories.js';
import { databaseIdOf, encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

interface UserErrorData {
  code: string;
  message: string;
  field: string[] | null;
}
interface RequestData {
  id: string;
  status: string;
  expiresAt: string;
  version: number;
}
interface CreateData {
  relationshipRequestCreate: { relationshipRequest: RequestData | null; invitationUrl: string | null; userErrors: UserErrorData[] };
}
interface RevokeData {
  relationshipRequestRevoke: { relationshipRequest: RequestData | null; userErrors: UserErrorData[] };
}

const CREATE = `mutation ($input: RelationshipRequestCreateInput!) {
  relationshipRequestCreate(input: $input) {
    relationshipRequest { id status expiresAt version }
    invitationUrl
    userErrors { code message field }
  }
}`;

const REVOKE = `mutation ($input: RelationshipRequestRevokeInput!) {
  relationshipRequestRevoke(input: $input) {
    relationshipRequest { id status version }
    userErrors { code message field }
  }
}`;

const DAY_MS = 86_400_000;

/** A customer the partner can see without a live relationship: it worked with it before. */
async function formerCustomer(partnerId: string, overrides: Parameters<typeof seedCustomer>[1] = {}) {
  const { db } = testDatabase.database;
  const customer = await seedCustomer(db, overrides);
  await seedRelationship(db, { partnerId, customerId: customer.id, status: 'TERMINATED' });
  return customer;
}

function codes(result: { data?: CreateData | null }) {
  return result.data?.relationshipRequestCreate.userErrors.map((error) => error.code);
}

describe('relationshipRequestCreate', () => {
  it('sends a PENDING request expiring in 90 days, with a single-use invitation URL whose token is stored only as its hash', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { role: 'SALES_AGENT' });
    const customer = await formerCustomer(contoso.partner.id);
    const before = Date.now();

    const result = await execute<CreateData>(
      CREATE,
      { input: { customerId: encodeGlobalId('Customer', customer.id), delegatedAdmin: true, message: 'Hello from Contoso' } },
      { as: asUser(contoso.user) },
    );

    expect(result.errors).toBeUndefined();
    const payload = result.data?.relationshipRequestCreate;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.relationshipRequest).toMatchObject({ status: 'PENDING', version: 1 });
    const expiresIn = Date.parse(payload?.relationshipRequest?.expiresAt ?? '') - before;
    expect(expiresIn).toBeGreaterThanOrEqual(90 * DAY_MS - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(90 * DAY_MS + 60_000);

    const match = /^http:\/\/localhost:4000\/invitations\/([A-Za-z0-9_-]{43})$/.exec(payload?.invitationUrl ?? '');
    expect(match, payload?.invitationUrl ?? 'no URL').not.toBeNull();
    const token = match?.[1] ?? '';
    const requestId = databaseIdOf(payload?.relationshipRequest?.id ?? '', 'RelationshipRequest') ?? '';
    const [row] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.id, requestId));
    expect(row).toMatchObject({ isDelegatedAdminRequested: true, message: 'Hello from Contoso', tokenHash: createHash('sha256').update(token).digest('hex') });

    // Neither the audit log nor the events carry the token or its hash.
    const audit = await auditEventsOf(db, contoso.partner.id);
    expect(audit.map((event) => event.operation)).toEqual(['relationshipRequestCreate']);
    const written = JSON.stringify([audit, await outboxEventsAbout(db, requestId)]);
    expect(written).not.toContain(token);
    expect(written).not.toContain(row?.tokenHash);
  });

  it('reaches a customer the partner has never worked with by its primary domain', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    await seedRelationship(db, { customerId: customer.id });

    const result = await execute<CreateData>(CREATE, { input: { primaryDomain: customer.primaryDomain.toUpperCase() } }, { as: asUser(contoso.user) });

    expect(result.data?.relationshipRequestCreate.userErrors).toEqual([]);
    const [row] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.partnerId, contoso.partner.id));
    expect(row?.customerId).toBe(customer.id);
  });

  it('answers NOT_FOUND for a customer id the partner cannot see, and for an unknown primary domain', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const stranger = await seedCustomer(db);

    const byId = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', stranger.id) } }, { as: asUser(contoso.user) });
    const byDomain = await execute<CreateData>(CREATE, { input: { primaryDomain: `nobody-${randomUUID()}.onmicrosoft.com` } }, { as: asUser(contoso.user) });

    expect(byId.data?.relationshipRequestCreate.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'No customer with this id.', field: ['input', 'customerId'] }]);
    expect(byDomain.data?.relationshipRequestCreate.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'primaryDomain'] }]);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('refuses a customer of another cloud with CLOUD_MISMATCH', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const federal = await formerCustomer(contoso.partner.id, { cloud: 'US_GOVERNMENT' });
    const result = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', federal.id) } }, { as: asUser(contoso.user) });
    expect(codes(result)).toEqual(['CLOUD_MISMATCH']);
  });

  it('refuses a customer outside the partner’s markets with MARKET_NOT_SUPPORTED', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { markets: ['US'] });
    const french = await formerCustomer(contoso.partner.id, { country: 'FR' });
    const result = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', french.id) } }, { as: asUser(contoso.user) });
    expect(codes(result)).toEqual(['MARKET_NOT_SUPPORTED']);
  });

  it('refuses a CSP partner’s own tenant with PARTNER_TENANT_NOT_ALLOWED', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const partnerTenant = await formerCustomer(contoso.partner.id, { isPartnerTenant: true });
    const result = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', partnerTenant.id) } }, { as: asUser(contoso.user) });
    expect(codes(result)).toEqual(['PARTNER_TENANT_NOT_ALLOWED']);
  });

  it('refuses a customer the partner already has an ACTIVE relationship with: RELATIONSHIP_ALREADY_EXISTS', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    await seedRelationship(db, { partnerId: contoso.partner.id, customerId: customer.id });
    const result = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', customer.id) } }, { as: asUser(contoso.user) });
    expect(codes(result)).toEqual(['RELATIONSHIP_ALREADY_EXISTS']);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('refuses a second pending request, but replaces one whose 90 days have passed (expiring it)', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const customer = await seedCustomer(db);
    const pending = await seedRelationshipRequest(db, { partnerId: contoso.partner.id, customerId: customer.id });
    const customerId = encodeGlobalId('Customer', customer.id);

    const second = await execute<CreateData>(CREATE, { input: { customerId } }, { as: asUser(contoso.user) });
    expect(codes(second)).toEqual(['RELATIONSHIP_REQUEST_ALREADY_PENDING']);

    const long = new Date(Date.now() - 91 * DAY_MS);
    await db
      .update(relationshipRequests)
      .set({ createdAt: long, expiresAt: new Date(long.getTime() + 90 * DAY_MS) })
      .where(eq(relationshipRequests.id, pending.id));
    const replacing = await execute<CreateData>(CREATE, { input: { customerId } }, { as: asUser(contoso.user) });
    expect(replacing.data?.relationshipRequestCreate.userErrors).toEqual([]);
    const [lapsed] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.id, pending.id));
    expect(lapsed?.status).toBe('EXPIRED');
    expect((await outboxEventsAbout(db, pending.id)).map((event) => event.type)).toEqual(['relationshipRequest.expired']);
  });

  it('lets an indirect reseller name a provider it has an ACTIVE link with, and refuses INDIRECT_LINK_REQUIRED otherwise', async () => {
    const { db } = testDatabase.database;
    const northwind = await partnerWithUser(db, { kind: 'INDIRECT_RESELLER' });
    const active = await seedIndirectLink(db, { resellerId: northwind.partner.id });
    const suspended = await seedIndirectLink(db, { resellerId: northwind.partner.id, status: 'SUSPENDED' });
    const customer = await formerCustomer(northwind.partner.id);
    const customerId = encodeGlobalId('Customer', customer.id);

    const noProvider = await execute<CreateData>(CREATE, { input: { customerId } }, { as: asUser(northwind.user) });
    const throughSuspended = await execute<CreateData>(
      CREATE,
      { input: { customerId, indirectProviderId: encodeGlobalId('Partner', suspended.providerId) } },
      { as: asUser(northwind.user) },
    );
    expect(codes(noProvider)).toEqual(['INDIRECT_LINK_REQUIRED']);
    expect(codes(throughSuspended)).toEqual(['INDIRECT_LINK_REQUIRED']);
    expect(throughSuspended.data?.relationshipRequestCreate.userErrors[0]?.field).toEqual(['input', 'indirectProviderId']);

    const allowed = await execute<CreateData>(
      CREATE,
      { input: { customerId, indirectProviderId: encodeGlobalId('Partner', active.providerId) } },
      { as: asUser(northwind.user) },
    );
    expect(allowed.data?.relationshipRequestCreate.userErrors).toEqual([]);
    const [row] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.partnerId, northwind.partner.id));
    expect(row?.indirectProviderId).toBe(active.providerId);
  });

  it('is FORBIDDEN for a helpdesk agent', async () => {
    const { db } = testDatabase.database;
    const helpdesk = await partnerWithUser(db, { role: 'HELPDESK_AGENT' });
    const customer = await formerCustomer(helpdesk.partner.id);
    const result = await execute<CreateData>(CREATE, { input: { customerId: encodeGlobalId('Customer', customer.id) } }, { as: asUser(helpdesk.user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('relationshipRequestRevoke', () => {
  it('withdraws a pending request at the expected version', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db, { role: 'ADMIN_AGENT' });
    const request = await seedRelationshipRequest(db, { partnerId: contoso.partner.id });
    const requestId = encodeGlobalId('RelationshipRequest', request.id);

    const result = await execute<RevokeData>(REVOKE, { input: { requestId, expectedVersion: 1 } }, { as: asUser(contoso.user) });

    expect(result.data?.relationshipRequestRevoke).toEqual({ relationshipRequest: { id: requestId, status: 'REVOKED', version: 2 }, userErrors: [] });
    expect((await auditEventsOf(db, contoso.partner.id)).map((event) => event.operation)).toEqual(['relationshipRequestRevoke']);
    expect((await outboxEventsAbout(db, request.id)).map((event) => event.type)).toEqual(['relationshipRequest.revoked']);
  });

  it('refuses a request already answered with INVITATION_ALREADY_USED', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const accepted = await seedRelationshipRequest(db, { partnerId: contoso.partner.id, status: 'ACCEPTED' });
    const result = await execute<RevokeData>(REVOKE, { input: { requestId: encodeGlobalId('RelationshipRequest', accepted.id) } }, { as: asUser(contoso.user) });
    expect(result.data?.relationshipRequestRevoke.userErrors.map((error) => error.code)).toEqual(['INVITATION_ALREADY_USED']);
    expect(await auditEventsOf(db, contoso.partner.id)).toEqual([]);
  });

  it('refuses a stale expectedVersion with STALE_VERSION', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const request = await seedRelationshipRequest(db, { partnerId: contoso.partner.id, version: 2 });
    const result = await execute<RevokeData>(REVOKE, { input: { requestId: encodeGlobalId('RelationshipRequest', request.id), expectedVersion: 1 } }, { as: asUser(contoso.user) });
    expect(result.data?.relationshipRequestRevoke.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);
  });

  it('answers NOT_FOUND for another partner’s request, even with a wrong version', async () => {
    const { db } = testDatabase.database;
    const contoso = await partnerWithUser(db);
    const theirs = await seedRelationshipRequest(db);
    const result = await execute<RevokeData>(REVOKE, { input: { requestId: encodeGlobalId('RelationshipRequest', theirs.id), expectedVersion: 7 } }, { as: asUser(contoso.user) });
    expect(result.data?.relationshipRequestRevoke.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'No relationship request with this id.', field: ['input', 'requestId'] }]);
    const [row] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.id, theirs.id));
    expect(row?.status).toBe('PENDING');
  });

  it('is FORBIDDEN for a sales agent (who may send requests but not revoke them)', async () => {
    const { db } = testDatabase.database;
    const sales = await partnerWithUser(db, { role: 'SALES_AGENT' });
    const request = await seedRelationshipRequest(db, { partnerId: sales.partner.id });
    const result = await execute<RevokeData>(REVOKE, { input: { requestId: encodeGlobalId('RelationshipRequest', request.id) } }, { as: asUser(sales.user) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.select().from(auditEvents).where(eq(auditEvents.partnerId, sales.partner.id))).toEqual([]);
  });
});
