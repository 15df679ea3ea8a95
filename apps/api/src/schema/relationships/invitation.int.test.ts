/**
 * The public invitation flow through GraphQL: a partner sends a request, the customer's
 * administrator opens the invitation URL (no credentials), reads it and accepts or declines it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { partners, relationshipRequests, relationships } from '../../db/schema/index.js';
import {
  seedCustomer,
  seedIndirectLink,
  seedRelationship,
  seedRelationshipRequest,
  seedSubscription,
} from '../../db/seed/factories.js';
import { useTestDatabase } from '../../test/database.js';
import { asUser, useExecutor } from '../../test/execute-operation.js';
import { auditEventsOf, outboxEventsAbout, partnerWithUser } from '../../test/relationship-factories.js';
import { encodeGlobalId } from '../global-id.js';

const testDatabase = useTestDatabase();
const execute = useExecutor(testDatabase);

interface UserErrorData {
  code: string;
  message: string;
  field: string[] | null;
}
interface InvitationData {
  status: string;
  canAnswer: boolean;
  partnerName: string;
  indirectProviderName: string | null;
  relationshipType: string;
  customerCompanyName: string;
  customerPrimaryDomain: string;
  isDelegatedAdminRequested: boolean;
  message: string | null;
  expiresAt: string;
  respondedAt: string | null;
}
interface AnswerPayload {
  invitation: Pick<InvitationData, 'status' | 'canAnswer'> | null;
  userErrors: UserErrorData[];
}

const INVITATION = `query ($token: String!) {
  invitation(token: $token) {
    status canAnswer partnerName indirectProviderName relationshipType customerCompanyName customerPrimaryDomain
    isDelegatedAdminRequested message expiresAt respondedAt
  }
}`;
const ACCEPT = `mutation ($token: String!) {
  relationshipRequestAccept(input: { token: $token }) { invitation { status canAnswer } userErrors { code message field } }
}`;
const DECLINE = `mutation ($token: String!, $reason: String) {
  relationshipRequestDecline(input: { token: $token, reason: $reason }) { invitation { status canAnswer } userErrors { code message field } }
}`;
const CREATE = `mutation ($input: RelationshipRequestCreateInput!) {
  relationshipRequestCreate(input: $input) { invitationUrl userErrors { code message field } }
}`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

const DAY_MS = 86_400_000;

type AcceptData = { relationshipRequestAccept: AnswerPayload };
type DeclineData = { relationshipRequestDecline: AnswerPayload };

async function pendingRequest(overrides: Parameters<typeof seedRelationshipRequest>[1] = {}) {
  const { db } = testDatabase.database;
  const contoso = await partnerWithUser(db, { name: `Contoso ${randomUUID().slice(0, 6)}` });
  const customer = await seedCustomer(db);
  const request = await seedRelationshipRequest(db, { partnerId: contoso.partner.id, customerId: customer.id, ...overrides });
  return { ...contoso, customer, request };
}

describe('the invitation flow', () => {
  it('create → URL → invitation → accept → ACTIVE relationship → the partner sees the customer’s subscriptions', async () => {
    const { db } = testDatabase.database;
    // Adatum buys Azure from Tailspin (CSP) and Microsoft 365 under an Enterprise Agreement.
    const customer = await seedCustomer(db, { companyName: 'Adatum' });
    const csp = await seedSubscription(db, { customerId: customer.id, billingModel: 'USAGE_BASED' });
    const ea = await seedSubscription(db, { customerId: customer.id, channel: 'EA' });
    const contoso = await partnerWithUser(db, { name: 'Contoso Cloud Services', role: 'SALES_AGENT' });
    const subscriptionIds = [csp.id, ea.id].map((id) => encodeGlobalId('Subscription', id));

    const unseen = await execute<{ nodes: unknown[] }>(NODES, { ids: subscriptionIds }, { as: asUser(contoso.user) });
    expect(unseen.data?.nodes).toEqual([null, null]);

    // 1. Contoso asks, naming the customer by the primary domain its administrator gave.
    const created = await execute<{ relationshipRequestCreate: { invitationUrl: string | null; userErrors: UserErrorData[] } }>(
      CREATE,
      { input: { primaryDomain: customer.primaryDomain, delegatedAdmin: true, message: 'We would like to support your Azure.' } },
      { as: asUser(contoso.user) },
    );
    expect(created.data?.relationshipRequestCreate.userErrors).toEqual([]);
    const url = created.data?.relationshipRequestCreate.invitationUrl ?? '';
    const token = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));

    // 2. The customer's administrator opens the page: nobody signed in.
    const shown = await execute<{ invitation: InvitationData | null }>(INVITATION, { token });
    expect(shown.errors).toBeUndefined();
    expect(shown.data?.invitation).toMatchObject({
      status: 'PENDING',
      canAnswer: true,
      partnerName: 'Contoso Cloud Services',
      indirectProviderName: null,
      relationshipType: 'RESELLER',
      customerCompanyName: 'Adatum',
      customerPrimaryDomain: customer.primaryDomain,
      isDelegatedAdminRequested: true,
      message: 'We would like to support your Azure.',
      respondedAt: null,
    });
    expect(Date.parse(shown.data?.invitation?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 89 * DAY_MS);

    // 3. … and accepts.
    const accepted = await execute<AcceptData>(ACCEPT, { token });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.relationshipRequestAccept).toEqual({ invitation: { status: 'ACCEPTED', canAnswer: false }, userErrors: [] });

    // 4. Contoso has an ACTIVE relationship, with the delegated admin it asked for.
    const [relationship] = await db
      .select()
      .from(relationships)
      .where(and(eq(relationships.partnerId, contoso.partner.id), eq(relationships.customerId, customer.id)));
    expect(relationship).toMatchObject({ type: 'RESELLER', status: 'ACTIVE', hasDelegatedAdmin: true });

    // The audit log says the customer's administrator accepted, in Contoso's log.
    const audit = await auditEventsOf(db, contoso.partner.id);
    expect(audit.map((event) => [event.operation, event.actorType])).toEqual([
      ['relationshipRequestCreate', 'USER'],
      ['relationshipRequestAccept', 'CUSTOMER'],
    ]);
    expect(audit[1]).toMatchObject({ actorId: customer.id, actorLabel: `Administrator of Adatum (${customer.primaryDomain})` });
    expect((await outboxEventsAbout(db, relationship?.id ?? '')).map((event) => event.type)).toEqual(['relationship.created']);

    // 5. Contoso now sees every subscription of the customer, whatever channel sold it.
    const seen = await execute<{ nodes: unknown[] }>(NODES, { ids: subscriptionIds }, { as: asUser(contoso.user) });
    expect(seen.data?.nodes).toEqual(subscriptionIds.map((id) => ({ id })));
  });

  it('answers an invitation once: accepting again is refused with INVITATION_ALREADY_USED and the page shows ACCEPTED', async () => {
    const { db } = testDatabase.database;
    const { partner, request } = await pendingRequest();
    expect((await execute<AcceptData>(ACCEPT, { token: request.token })).data?.relationshipRequestAccept.userErrors).toEqual([]);

    const again = await execute<AcceptData>(ACCEPT, { token: request.token });
    const declined = await execute<DeclineData>(DECLINE, { token: request.token });

    expect(again.data?.relationshipRequestAccept).toMatchObject({ invitation: { status: 'ACCEPTED' }, userErrors: [{ code: 'INVITATION_ALREADY_USED' }] });
    expect(declined.data?.relationshipRequestDecline.userErrors.map((error) => error.code)).toEqual(['INVITATION_ALREADY_USED']);
    expect((await auditEventsOf(db, partner.id)).map((event) => event.operation)).toEqual(['relationshipRequestAccept']);
  });

  it('refuses an invitation 90 days old with INVITATION_EXPIRED, even before the job expired it', async () => {
    const { db } = testDatabase.database;
    const sent = new Date(Date.now() - 91 * DAY_MS);
    const { partner, customer, request } = await pendingRequest({ createdAt: sent, expiresAt: new Date(sent.getTime() + 90 * DAY_MS) });

    const shown = await execute<{ invitation: InvitationData | null }>(INVITATION, { token: request.token });
    const accepted = await execute<AcceptData>(ACCEPT, { token: request.token });

    expect(shown.data?.invitation).toMatchObject({ status: 'EXPIRED', canAnswer: false });
    expect(accepted.data?.relationshipRequestAccept).toMatchObject({
      invitation: { status: 'EXPIRED', canAnswer: false },
      userErrors: [{ code: 'INVITATION_EXPIRED', field: null }],
    });
    expect(await db.select().from(relationships).where(eq(relationships.customerId, customer.id))).toEqual([]);
    expect(await auditEventsOf(db, partner.id)).toEqual([]);
  });

  it('accepts an invitation on its 89th day', async () => {
    const sent = new Date(Date.now() - 89 * DAY_MS);
    const { request } = await pendingRequest({ createdAt: sent, expiresAt: new Date(sent.getTime() + 90 * DAY_MS) });
    const accepted = await execute<AcceptData>(ACCEPT, { token: request.token });
    expect(accepted.data?.relationshipRequestAccept.userErrors).toEqual([]);
  });

  it('declines with a reason: DECLINED, no relationship, the reason in the audit log and the partner’s event', async () => {
    const { db } = testDatabase.database;
    const { partner, customer, request } = await pendingRequest();

    const declined = await execute<DeclineData>(DECLINE, { token: request.token, reason: 'We work with another partner.' });

    expect(declined.data?.relationshipRequestDecline).toEqual({ invitation: { status: 'DECLINED', canAnswer: false }, userErrors: [] });
    expect(await db.select().from(relationships).where(eq(relationships.customerId, customer.id))).toEqual([]);
    const [audit] = await auditEventsOf(db, partner.id);
    expect(audit).toMatchObject({ operation: 'relationshipRequestDecline', actorType: 'CUSTOMER', after: { reason: 'We work with another partner.' } });
    const [event] = await outboxEventsAbout(db, request.id);
    expect(event).toMatchObject({ type: 'relationshipRequest.declined', audiencePartnerIds: [partner.id], payload: { reason: 'We work with another partner.' } });
  });

  it('refuses an invitation the partner revoked with INVITATION_REVOKED', async () => {
    const { request } = await pendingRequest({ status: 'REVOKED' });
    const accepted = await execute<AcceptData>(ACCEPT, { token: request.token });
    expect(accepted.data?.relationshipRequestAccept).toMatchObject({ invitation: { status: 'REVOKED' }, userErrors: [{ code: 'INVITATION_REVOKED' }] });
  });

  it('knows no invitation for an unknown token (NOT_FOUND on the token, a null invitation) and refuses an empty one', async () => {
    const unknown = await execute<AcceptData>(ACCEPT, { token: 'not-a-token-we-issued' });
    const shown = await execute<{ invitation: InvitationData | null }>(INVITATION, { token: 'not-a-token-we-issued' });
    const empty = await execute<DeclineData>(DECLINE, { token: '   ' });

    expect(unknown.data?.relationshipRequestAccept).toMatchObject({ invitation: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'token'] }] });
    expect(shown.data).toEqual({ invitation: null });
    expect(empty.data?.relationshipRequestDecline).toMatchObject({ invitation: null, userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'token'] }] });
  });

  it('works the same from a browser where another partner’s user is signed in: it acts for the requesting partner', async () => {
    const { db } = testDatabase.database;
    const { partner, customer, request } = await pendingRequest();
    const tailspin = await partnerWithUser(db);

    const shown = await execute<{ invitation: InvitationData | null }>(INVITATION, { token: request.token }, { as: asUser(tailspin.user) });
    const accepted = await execute<AcceptData>(ACCEPT, { token: request.token }, { as: asUser(tailspin.user) });

    expect(shown.data?.invitation?.status).toBe('PENDING');
    expect(accepted.data?.relationshipRequestAccept.userErrors).toEqual([]);
    const started = await db.select().from(relationships).where(eq(relationships.customerId, customer.id));
    expect(started.map((row) => row.partnerId)).toEqual([partner.id]);
    expect((await auditEventsOf(db, partner.id)).map((event) => event.actorType)).toEqual(['CUSTOMER']);
    expect(await auditEventsOf(db, tailspin.partner.id)).toEqual([]);
  });

  it('replays a retried acceptance with the same Idempotency-Key instead of refusing it as used', async () => {
    const { db } = testDatabase.database;
    const { partner, request } = await pendingRequest();
    const idempotencyKey = randomUUID();

    const first = await execute<AcceptData>(ACCEPT, { token: request.token }, { idempotencyKey });
    const retry = await execute<AcceptData>(ACCEPT, { token: request.token }, { idempotencyKey });

    expect(first.data?.relationshipRequestAccept.userErrors).toEqual([]);
    expect(retry.data).toEqual(first.data);
    expect(await auditEventsOf(db, partner.id)).toHaveLength(1);
  });

  it('lets exactly one of a racing acceptance and decline win', async () => {
    const { db } = testDatabase.database;
    const { partner, request } = await pendingRequest();

    const [accepted, declined] = await Promise.all([
      execute<AcceptData>(ACCEPT, { token: request.token }),
      execute<DeclineData>(DECLINE, { token: request.token }),
    ]);

    const errors = [accepted.data?.relationshipRequestAccept.userErrors, declined.data?.relationshipRequestDecline.userErrors];
    expect(errors.filter((list) => list?.length === 0)).toHaveLength(1);
    expect(errors.flat().map((error) => error?.code)).toEqual(['INVITATION_ALREADY_USED']);
    expect(await auditEventsOf(db, partner.id)).toHaveLength(1);
    const [row] = await db.select().from(relationshipRequests).where(eq(relationshipRequests.id, request.id));
    expect(row?.version).toBe(2);
  });

  describe('from an indirect reseller', () => {
    it('starts the reseller’s INDIRECT_RESELLER relationship and its provider’s INDIRECT_PROVIDER one', async () => {
      const { db } = testDatabase.database;
      const link = await seedIndirectLink(db);
      const customer = await seedCustomer(db);
      const request = await seedRelationshipRequest(db, { partnerId: link.resellerId, customerId: customer.id, indirectProviderId: link.providerId });

      const shown = await execute<{ invitation: InvitationData | null }>(INVITATION, { token: request.token });
      const accepted = await execute<AcceptData>(ACCEPT, { token: request.token });

      const [provider] = await db.select().from(partners).where(eq(partners.id, link.providerId));
      expect(shown.data?.invitation).toMatchObject({ relationshipType: 'INDIRECT_RESELLER', indirectProviderName: provider?.name });
      expect(accepted.data?.relationshipRequestAccept.userErrors).toEqual([]);
      const started = await db.select().from(relationships).where(eq(relationships.customerId, customer.id));
      expect(started.map((row) => [row.partnerId, row.type, row.indirectProviderId]).sort()).toEqual(
        [
          [link.resellerId, 'INDIRECT_RESELLER', link.providerId],
          [link.providerId, 'INDIRECT_PROVIDER', null],
        ].sort(),
      );
    });

    it('keeps the provider’s existing relationship rather than starting a second one', async () => {
      const { db } = testDatabase.database;
      const link = await seedIndirectLink(db);
      const customer = await seedCustomer(db);
      const existing = await seedRelationship(db, { partnerId: link.providerId, customerId: customer.id, type: 'INDIRECT_PROVIDER' });
      const request = await seedRelationshipRequest(db, { partnerId: link.resellerId, customerId: customer.id, indirectProviderId: link.providerId });

      const accepted = await execute<AcceptData>(ACCEPT, { token: request.token });

      expect(accepted.data?.relationshipRequestAccept.userErrors).toEqual([]);
      const providers = await db.select().from(relationships).where(and(eq(relationships.customerId, customer.id), eq(relationships.partnerId, link.providerId)));
      expect(providers.map((row) => row.id)).toEqual([existing.id]);
    });
  });
});
