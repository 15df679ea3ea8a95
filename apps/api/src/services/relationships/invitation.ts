/**
 * Invitations: the single-use link a relationship request sends to the customer's administrator
 * (domain.md §6). The token is 32 random bytes (base64url) and travels only in the URL returned
 * once by `relationshipRequestCreate`; the database keeps its SHA-256 (`tokenHash`), so whoever
 * reads the database cannot answer an invitation. Everything here finds a request by that hash.
 *
 * `InvitationView` is what the public invitation page shows: who asks for what, and whether it can
 * still be answered. It names the partners and the customer, nothing else of theirs.
 */
import {
  relationshipRequestAtDeadline,
  RELATIONSHIP_TYPE_BY_PARTNER_KIND,
} from '@switchyard/domain';
import type {
  RelationshipRequestFacts,
  RelationshipRequestStatus,
  RelationshipType,
} from '@switchyard/domain';
import { eq } from 'drizzle-orm';
import { generateToken, hashSecret } from '../../auth/secrets.js';
import type { AppDatabase } from '../../db/client.js';
import { relationshipRequests } from '../../db/schema/index.js';
import type { partners } from '../../db/schema/index.js';

export type RelationshipRequestRow = typeof relationshipRequests.$inferSelect;

/** Bytes of entropy in an invitation token. */
export const INVITATION_TOKEN_BYTES = 32;

export function invitationTokenHash(token: string): string {
  return hashSecret(token.trim());
}

/** A new token, its stored hash and the page URL that carries it. */
export function newInvitation(publicUrl: string): {
  token: string;
  tokenHash: string;
  url: string;
} {
  const token = generateToken(INVITATION_TOKEN_BYTES);
  return { token, tokenHash: invitationTokenHash(token), url: invitationUrl(publicUrl, token) };
}

/** The admin app's public invitation page for `token`. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invitations/${encodeURIComponent(token)}`;
}

/** The partner whose request the token belongs to: what a token-authorised operation acts for. */
export async function findInvitationPartnerId(
  db: AppDatabase,
  tokenHash: string,
): Promise<string | undefined> {
  const [request] = await db
    .select({ partnerId: relationshipRequests.partnerId })
    .from(relationshipRequests)
    .where(eq(relationshipRequests.tokenHash, tokenHash));
  return request?.partnerId;
}

/** A request as the domain's rules read it; its relationship type follows from the requester's kind. */
export function toRelationshipRequestFacts(
  request: RelationshipRequestRow,
  requester: Pick<typeof partners.$inferSelect, 'kind'>,
): RelationshipRequestFacts {
  return {
    id: request.id,
    partnerId: request.partnerId,
    customerId: request.customerId,
    status: request.status,
    relationshipType: RELATIONSHIP_TYPE_BY_PARTNER_KIND[requester.kind],
    indirectProviderId: request.indirectProviderId,
    createdAt: request.createdAt,
  };
}

export interface InvitationView {
  /** As of the request's time: a pending request past its expiry reads `EXPIRED` even before the job ran. */
  status: RelationshipRequestStatus;
  canAnswer: boolean;
  partnerName: string;
  partnerDomain: string;
  /** The indirect provider an indirect reseller sells through, who gets a relationship too. */
  indirectProviderName: string | null;
  relationshipType: RelationshipType;
  customerCompanyName: string;
  customerPrimaryDomain: string;
  isDelegatedAdminRequested: boolean;
  message: string | null;
  sentAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
}

/** The invitation behind `tokenHash`, read in the requesting partner's transaction. */
export async function loadInvitation(
  db: AppDatabase,
  tokenHash: string,
  now: Date,
): Promise<InvitationView | undefined> {
  const request = await db.query.relationshipRequests.findFirst({
    where: { tokenHash },
    with: {
      partner: { columns: { name: true, domain: true, kind: true } },
      indirectProvider: { columns: { name: true } },
      customer: { columns: { companyName: true, primaryDomain: true } },
    },
  });
  if (!request) return undefined;
  const facts = toRelationshipRequestFacts(request, request.partner);
  const status =
    relationshipRequestAtDeadline(facts, now).action === 'EXPIRE' ? 'EXPIRED' : request.status;
  return {
    status,
    canAnswer: status === 'PENDING',
    partnerName: request.partner.name,
    partnerDomain: request.partner.domain,
    indirectProviderName: request.indirectProvider?.name ?? null,
    relationshipType: facts.relationshipType,
    customerCompanyName: request.customer.companyName,
    customerPrimaryDomain: request.customer.primaryDomain,
    isDelegatedAdminRequested: request.isDelegatedAdminRequested,
    message: request.message,
    sentAt: request.createdAt,
    expiresAt: request.expiresAt,
    respondedAt: request.respondedAt,
  };
}
