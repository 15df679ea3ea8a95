/**
 * Factories for the access tests (roles, API keys, tenant isolation): a whole tenant "world" — a
 * partner with one row in every tenant table — so a test can compare what one partner sees with
 * what belongs to another, and `asAppRole`, a partner transaction under the application role,
 * for tests that talk SQL to the row-level security policies directly.
 */
import { sql } from 'drizzle-orm';
import type { AppDatabase, AppTransaction, Database } from '../db/client.js';
import { withPartnerTransaction } from '../db/partner-transaction.js';
import { SET_APP_ROLE_SQL } from '../db/row-level-security.js';
import {
  auditEvents,
  idempotencyRecords,
  outboxEvents,
  webhookDeliveries,
  webhookSubscriptions,
} from '../db/schema/index.js';
import {
  seedCustomer,
  seedIndirectLink,
  seedPartner,
  seedRelationship,
  seedRelationshipRequest,
  seedSubscription,
  seedTransfer,
} from '../db/seed/factories.js';
import { createPartnerWithAdmin, createSession, createUser, unique } from './factories.js';
import type { createApiKey } from './factories.js';

/**
 * Runs `fn` in a partner transaction as the application role, exactly as a request does (the
 * explicit SET is a no-op once partner transactions take the role themselves). Rolls back unless
 * `commit` is set, so probing writes leave nothing behind.
 */
export function asAppRole<T>(
  database: Database,
  partnerId: string,
  fn: (tx: AppTransaction) => Promise<T>,
  { commit = false } = {},
): Promise<T> {
  return withPartnerTransaction(
    database,
    partnerId,
    async (tx) => {
      await tx.execute(sql.raw(SET_APP_ROLE_SQL));
      return fn(tx);
    },
    { shouldCommit: () => commit },
  );
}

/** The ids of one tenant's rows, by table (database ids, not global ids). */
export interface TenantWorld {
  partnerId: string;
  admin: Awaited<ReturnType<typeof createUser>>;
  apiKey: Awaited<ReturnType<typeof createApiKey>>;
  /** Partners it sees besides itself: its indirect provider and the other parties of its transfers. */
  namedPartnerIds: string[];
  /** Rows some tests need by role. */
  named: {
    /** EA Azure (usage-based) with services, of the customer with the ACTIVE relationship. */
    azureSubscriptionId: string;
    azureOfferId: string;
    /** A customer whose relationship with the partner was terminated (visible, no subscriptions). */
    terminatedCustomerId: string;
    /** A partner switch the partner is the source of (it answers it). */
    incomingTransferId: string;
  };
  ids: {
    partners: string[];
    indirectLinks: string[];
    customers: string[];
    relationshipRequests: string[];
    relationships: string[];
    subscriptions: string[];
    subscriptionServices: string[];
    transfers: string[];
    transferLineItems: string[];
    users: string[];
    sessions: string[];
    apiKeys: string[];
    auditEvents: string[];
    idempotencyKeys: string[];
    outboxEvents: string[];
    webhookSubscriptions: string[];
    webhookDeliveries: string[];
  };
}

/**
 * One partner (an indirect reseller, so that every input a partner can send means something for
 * it, the indirect provider's id included) with a row of everything a tenant has: the provider it
 * is linked to, a customer with an ACTIVE relationship through that provider and two
 * subscriptions (CSP licenses it sold, EA Azure with services), a customer with only a pending
 * request, one whose relationship ended, a partner switch it requested and one it is asked to
 * answer, a second user, an API key, a session, an audit event, an idempotency record, an
 * outbox event, and a webhook subscription with a delivery.
 */
export async function createTenantWorld(db: AppDatabase): Promise<TenantWorld> {
  const { partner, admin, apiKey } = await createPartnerWithAdmin(db, {
    kind: 'INDIRECT_RESELLER',
  });
  const provider = await seedPartner(db, { kind: 'INDIRECT_PROVIDER', cloud: partner.cloud });
  const link = await seedIndirectLink(db, { providerId: provider.id, resellerId: partner.id });

  const customer = await seedCustomer(db, { cloud: partner.cloud });
  const relationship = await seedRelationship(db, {
    partnerId: partner.id,
    customerId: customer.id,
    type: 'INDIRECT_RESELLER',
    indirectProviderId: provider.id,
  });
  const licenses = await seedSubscription(db, {
    customerId: customer.id,
    channel: 'CSP',
    sellerPartnerId: partner.id,
    billingPartnerId: provider.id,
  });
  const azure = await seedSubscription(db, {
    customerId: customer.id,
    channel: 'EA',
    billingModel: 'USAGE_BASED',
  });

  const prospect = await seedCustomer(db, { cloud: partner.cloud });
  const request = await seedRelationshipRequest(db, {
    partnerId: partner.id,
    customerId: prospect.id,
  });

  const { transfer, lineItems } = await seedTransfer(db, {
    kind: 'PARTNER_SWITCH',
    targetPartnerId: partner.id,
  });
  const [transferSubscription] = await db.query.transferLineItems.findMany({
    where: { transferId: transfer.id },
    with: { subscription: true },
  });
  if (!transfer.sourcePartnerId || !transferSubscription)
    throw new Error('createTenantWorld: the transfer has no source');
  const incoming = await seedTransfer(db, { kind: 'PARTNER_SWITCH', sourcePartnerId: partner.id });

  const terminated = await seedCustomer(db, { cloud: partner.cloud });
  const terminatedRelationship = await seedRelationship(db, {
    partnerId: partner.id,
    customerId: terminated.id,
    status: 'TERMINATED',
  });

  const agent = await createUser(db, { partnerId: partner.id, role: 'SALES_AGENT' });
  const session = await createSession(db, { userId: admin.id });
  const [audit] = await db
    .insert(auditEvents)
    .values({
      partnerId: partner.id,
      actorType: 'USER',
      actorId: admin.id,
      actorLabel: admin.email,
      operation: 'customerUpdate',
      targetType: 'Customer',
      targetIds: [customer.id],
      before: null,
      after: null,
    })
    .returning();
  const idempotencyKey = unique('idem');
  await db.insert(idempotencyRecords).values({
    partnerId: partner.id,
    key: idempotencyKey,
    operation: 'customerUpdate',
    requestHash: 'x',
    status: 'COMPLETED',
    response: { userErrors: [], refs: {} },
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const [event] = await db
    .insert(outboxEvents)
    .values({
      type: 'customer.updated',
      aggregateType: 'Customer',
      aggregateId: customer.id,
      audiencePartnerIds: [partner.id],
      payload: {},
    })
    .returning();
  if (!audit || !event) throw new Error('createTenantWorld: an insert returned nothing');
  const [webhook] = await db
    .insert(webhookSubscriptions)
    .values({
      partnerId: partner.id,
      url: `https://${unique('hooks').toLowerCase()}.example.test/switchyard`,
      eventTypes: ['customer.updated'],
      secret: unique('whsec'),
    })
    .returning();
  if (!webhook) throw new Error('createTenantWorld: no webhook subscription');
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      partnerId: partner.id,
      webhookSubscriptionId: webhook.id,
      eventId: event.id,
      eventType: event.type,
      retryUntil: new Date(Date.now() + 86_400_000),
    })
    .returning();
  if (!delivery) throw new Error('createTenantWorld: no webhook delivery');

  const transferCustomerSubscriptions = await db.query.subscriptions.findMany({
    where: { customerId: { in: [transfer.customerId, incoming.transfer.customerId] } },
  });
  const transferRelationships = await db.query.relationships.findMany({
    where: {
      partnerId: partner.id,
      customerId: { in: [transfer.customerId, incoming.transfer.customerId] },
    },
  });
  return {
    partnerId: partner.id,
    admin,
    apiKey,
    namedPartnerIds: [provider.id, transfer.sourcePartnerId, incoming.transfer.targetPartnerId],
    named: {
      azureSubscriptionId: azure.id,
      azureOfferId: azure.offerId,
      terminatedCustomerId: terminated.id,
      incomingTransferId: incoming.transfer.id,
    },
    ids: {
      partners: [
        partner.id,
        provider.id,
        transfer.sourcePartnerId,
        incoming.transfer.targetPartnerId,
      ],
      indirectLinks: [link.id],
      customers: [
        customer.id,
        prospect.id,
        transfer.customerId,
        incoming.transfer.customerId,
        terminated.id,
      ],
      relationshipRequests: [request.id],
      relationships: [
        relationship.id,
        terminatedRelationship.id,
        ...transferRelationships.map((row) => row.id),
      ],
      subscriptions: [licenses.id, azure.id, ...transferCustomerSubscriptions.map((row) => row.id)],
      subscriptionServices: azure.services.map((service) => service.id),
      transfers: [incoming.transfer.id, transfer.id],
      transferLineItems: [...incoming.lineItems, ...lineItems].map((item) => item.id),
      users: [admin.id, agent.id],
      sessions: [session.id],
      apiKeys: [apiKey.id],
      auditEvents: [audit.id],
      idempotencyKeys: [idempotencyKey],
      outboxEvents: [event.id],
      webhookSubscriptions: [webhook.id],
      webhookDeliveries: [delivery.id],
    },
  };
}
