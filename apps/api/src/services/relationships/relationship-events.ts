/**
 * Outbox events of customers, relationship requests and relationships (domain.md §9). Payloads
 * carry global ids, as the API shows them. Audiences are the partners allowed to see the object
 * (domain.md §8): a customer's partners (an `ACTIVE` relationship or a pending request), a
 * request's sender, a relationship's partner and, for an indirect reseller's, its provider.
 */
import { sql } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { rawRows } from '../../db/raw-rows.js';
import type { customers, relationships } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import type { OutboxEvent } from '../mutation/audit.js';
import type { RelationshipRequestRow } from './invitation.js';

export type CustomerRow = typeof customers.$inferSelect;
export type RelationshipRow = typeof relationships.$inferSelect;

/**
 * The partners working with the customer: an `ACTIVE` relationship or a pending request (stable
 * order). Other partners' rows are not the caller's to see, so a database function answers
 * (migration `audience-functions`), in one statement.
 */
export async function customerAudience(tx: AppTransaction, customerId: string): Promise<string[]> {
  const rows = rawRows<{ id: string }>(
    await tx.execute(sql`select id from public.app_customer_audience(${customerId}::uuid) as id`),
  );
  return rows.map((row) => row.id);
}

/** A relationship's partner and, for an indirect reseller's, the provider it names. */
export function relationshipAudience(
  relationship: Pick<RelationshipRow, 'partnerId' | 'indirectProviderId'>,
): string[] {
  return relationship.indirectProviderId
    ? [relationship.partnerId, relationship.indirectProviderId]
    : [relationship.partnerId];
}

export function customerEvent(
  type: 'customer.created' | 'customer.updated',
  customer: CustomerRow,
  audiencePartnerIds: string[],
): OutboxEvent {
  return {
    type,
    aggregateType: 'Customer',
    aggregateId: customer.id,
    audiencePartnerIds,
    payload: {
      customerId: encodeGlobalId('Customer', customer.id),
      companyName: customer.companyName,
      primaryDomain: customer.primaryDomain,
      country: customer.country,
      cloud: customer.cloud,
      version: customer.version,
    },
  };
}

export type RelationshipRequestEventType =
  | 'relationshipRequest.created'
  | 'relationshipRequest.accepted'
  | 'relationshipRequest.declined'
  | 'relationshipRequest.revoked'
  | 'relationshipRequest.expired';

/** Only the sender sees a request (the provider it names hears of the relationship, not the request). */
export function relationshipRequestEvent(
  type: RelationshipRequestEventType,
  request: RelationshipRequestRow,
  details: Record<string, unknown> = {},
): OutboxEvent {
  return {
    type,
    aggregateType: 'RelationshipRequest',
    aggregateId: request.id,
    audiencePartnerIds: [request.partnerId],
    payload: {
      relationshipRequestId: encodeGlobalId('RelationshipRequest', request.id),
      customerId: encodeGlobalId('Customer', request.customerId),
      status: request.status,
      isDelegatedAdminRequested: request.isDelegatedAdminRequested,
      expiresAt: request.expiresAt,
      version: request.version,
      ...details,
    },
  };
}

/** `actingPartnerId` hears of it too: a reseller starting its provider's relationship is in its audience. */
export function relationshipEvent(
  type: 'relationship.created' | 'relationship.terminated',
  relationship: RelationshipRow,
  actingPartnerId: string,
): OutboxEvent {
  return {
    type,
    aggregateType: 'Relationship',
    aggregateId: relationship.id,
    audiencePartnerIds: [...new Set([...relationshipAudience(relationship), actingPartnerId])],
    payload: {
      relationshipId: encodeGlobalId('Relationship', relationship.id),
      customerId: encodeGlobalId('Customer', relationship.customerId),
      partnerId: encodeGlobalId('Partner', relationship.partnerId),
      type: relationship.type,
      indirectProviderId:
        relationship.indirectProviderId &&
        encodeGlobalId('Partner', relationship.indirectProviderId),
      status: relationship.status,
      hasDelegatedAdmin: relationship.hasDelegatedAdmin,
      version: relationship.version,
    },
  };
}
