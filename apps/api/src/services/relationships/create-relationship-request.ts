/**
 * `relationshipRequestCreate` (domain.md §6): the acting partner asks a customer for a reseller
 * relationship. The customer is one it can see (by id; otherwise NOT_FOUND) or the one in its cloud
 * with the primary domain the customer's administrator gave it — the way to reach a customer it
 * has never worked with; sending the request makes the customer's profile visible to it. The domain's `checkRelationshipRequestCreate` decides — same cloud
 * (CLOUD_MISMATCH), a customer in the partner's markets (MARKET_NOT_SUPPORTED), never a partner
 * tenant (PARTNER_TENANT_NOT_ALLOWED), no active relationship yet (RELATIONSHIP_ALREADY_EXISTS), no
 * other pending request (RELATIONSHIP_REQUEST_ALREADY_PENDING), and an indirect reseller names a
 * provider it has an `ACTIVE` link with (INDIRECT_LINK_REQUIRED) — and plans the relationship and
 * the expiry (90 days).
 *
 * The invitation URL carries a fresh random token and is returned in this payload only: the
 * database keeps the token's hash. A retry replayed by its Idempotency-Key therefore returns the
 * request without the URL (nobody can rebuild it); revoke the request and send a new one to get
 * another link.
 */
import {
  assertAllowed,
  checkRelationshipRequestCreate,
  DomainError,
  relationshipRequestAtDeadline,
  relationshipRequestCreateInputSchema,
} from '@switchyard/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { AppTransaction } from '../../db/client.js';
import { readAsSystem } from '../../db/partner-switch.js';
import {
  customers,
  indirectLinks,
  relationshipRequests,
  relationships,
} from '../../db/schema/index.js';
import { visibleCustomersFilter } from '../../schema/customers/visibility.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import { nextVersion, requireDatabaseId } from '../mutation/lock-row.js';
import type { MutationDefinition } from '../mutation/run-mutation.js';
import {
  toCustomerFacts,
  toIndirectLinkFacts,
  toPartnerFacts,
  toRelationshipFacts,
} from '../subscriptions/subscription-facts.js';
import { newInvitation, toRelationshipRequestFacts } from './invitation.js';
import type { RelationshipRequestRow } from './invitation.js';
import { relationshipRequestEvent } from './relationship-events.js';
import { requestSnapshot } from './request-snapshot.js';

/** The new request, with its invitation URL on the first run only. */
export type CreatedRelationshipRequest = RelationshipRequestRow & { invitationUrl?: string };

/** The customer by id (visible to the caller) or by primary domain (in the caller's cloud). */
async function findCustomer(
  tx: AppTransaction,
  context: Context,
  input: { customerId?: string | undefined; primaryDomain?: string | undefined },
) {
  const { primaryDomain } = input;
  if (primaryDomain !== undefined) {
    // The customer is not visible to the partner before the request exists: the system looks it up.
    const [byDomain] = await readAsSystem(tx, (system) =>
      system
        .select()
        .from(customers)
        .where(
          and(
            eq(customers.cloud, context.partner.cloud),
            eq(customers.primaryDomain, primaryDomain),
          ),
        ),
    );
    if (!byDomain) {
      throw new DomainError('NOT_FOUND', 'No customer in your cloud has this primary domain.', {
        field: ['primaryDomain'],
      });
    }
    return byDomain;
  }
  const customerId = requireDatabaseId(input.customerId ?? '', 'Customer', 'customer', [
    'customerId',
  ]);
  const [visible] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), visibleCustomersFilter(context)));
  if (!visible)
    throw new DomainError('NOT_FOUND', 'No customer with this id.', { field: ['customerId'] });
  return visible;
}

export const relationshipRequestCreate: MutationDefinition<
  typeof relationshipRequestCreateInputSchema,
  { relationshipRequest: CreatedRelationshipRequest }
> = {
  operation: 'relationshipRequestCreate',
  input: relationshipRequestCreateInputSchema,
  payloadTables: { relationshipRequest: 'relationshipRequests' },
  async run(input, { tx, context, now }) {
    const partner = context.partner;
    const indirectProviderId =
      input.indirectProviderId === undefined
        ? undefined
        : requireDatabaseId(input.indirectProviderId, 'Partner', 'partner', ['indirectProviderId']);

    const customer = await findCustomer(tx, context, input);

    // The partner's pending request to this customer, if any, locked: one past its expiry that the
    // job has not closed yet is expired here, so the new request can take its place (the partial
    // unique index allows one pending request per partner and customer).
    const pending = await tx
      .select()
      .from(relationshipRequests)
      .where(
        and(
          eq(relationshipRequests.partnerId, partner.id),
          eq(relationshipRequests.customerId, customer.id),
          eq(relationshipRequests.status, 'PENDING'),
        ),
      )
      .for('update');
    const active = await tx
      .select()
      .from(relationships)
      .where(
        and(
          eq(relationships.partnerId, partner.id),
          eq(relationships.customerId, customer.id),
          eq(relationships.status, 'ACTIVE'),
        ),
      );
    const links =
      partner.kind === 'INDIRECT_RESELLER'
        ? await tx
            .select()
            .from(indirectLinks)
            .where(eq(indirectLinks.resellerId, partner.id))
            .orderBy(asc(indirectLinks.id))
            .for('share')
        : [];

    const decision = checkRelationshipRequestCreate({
      partner: toPartnerFacts(partner),
      customer: toCustomerFacts(customer),
      relationships: active.map(toRelationshipFacts),
      requests: pending.map((request) => toRelationshipRequestFacts(request, partner)),
      indirectLinks: links.map(toIndirectLinkFacts),
      input: { indirectProviderId },
      now,
    });
    assertAllowed(decision);

    const lapsed = pending.filter(
      (request) =>
        relationshipRequestAtDeadline(toRelationshipRequestFacts(request, partner), now).action ===
        'EXPIRE',
    );
    const expired: RelationshipRequestRow[] = [];
    for (const request of lapsed) {
      const [row] = await tx
        .update(relationshipRequests)
        .set({ status: 'EXPIRED', ...nextVersion(relationshipRequests, now) })
        .where(eq(relationshipRequests.id, request.id))
        .returning();
      if (row) expired.push(row);
    }

    const invitation = newInvitation(context.publicUrl);
    const [request] = await tx
      .insert(relationshipRequests)
      .values({
        partnerId: partner.id,
        customerId: customer.id,
        indirectProviderId: decision.indirectProviderId,
        isDelegatedAdminRequested: input.delegatedAdmin,
        message: input.message ?? null,
        status: 'PENDING',
        tokenHash: invitation.tokenHash,
        expiresAt: decision.expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!request) throw new Error('relationshipRequestCreate: the insert returned no row');

    return {
      payload: { relationshipRequest: { ...request, invitationUrl: invitation.url } },
      audit: {
        targetType: 'RelationshipRequest',
        targetIds: [request.id, customer.id, ...expired.map((row) => row.id)],
        before: expired.length > 0 ? { lapsedRequests: lapsed.map(requestSnapshot) } : null,
        after: {
          request: requestSnapshot(request),
          ...(expired.length > 0 ? { expiredRequests: expired.map(requestSnapshot) } : {}),
        },
      },
      events: [
        ...expired.map((row) => relationshipRequestEvent('relationshipRequest.expired', row)),
        relationshipRequestEvent('relationshipRequest.created', request, {
          relationshipType: decision.relationshipType,
          indirectProviderId:
            decision.indirectProviderId && encodeGlobalId('Partner', decision.indirectProviderId),
        }),
      ],
    };
  },
};
