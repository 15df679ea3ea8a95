/**
 * What accepting and declining an invitation share: the request behind the token, locked so two
 * answers take turns (the second finds it answered: INVITATION_ALREADY_USED), with its customer;
 * and the audit log's name for who answered — the customer's administrator, who signs in nowhere.
 */
import { DomainError } from '@switchyard/domain';
import { and, eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { customers, relationshipRequests } from '../../db/schema/index.js';
import type { AuditActor } from '../mutation/audit.js';
import { invitationTokenHash } from './invitation.js';
import type { RelationshipRequestRow } from './invitation.js';
import type { CustomerRow } from './relationship-events.js';

export async function lockInvitation(
  tx: AppTransaction,
  token: string,
  partnerId: string,
): Promise<{ request: RelationshipRequestRow; customer: CustomerRow }> {
  const [request] = await tx
    .select()
    .from(relationshipRequests)
    .where(
      and(
        eq(relationshipRequests.tokenHash, invitationTokenHash(token)),
        eq(relationshipRequests.partnerId, partnerId),
      ),
    )
    .for('update');
  if (!request) throw unknownInvitation();
  const [customer] = await tx.select().from(customers).where(eq(customers.id, request.customerId));
  if (!customer) throw new Error(`Relationship request ${request.id} has no customer`);
  return { request, customer };
}

/** The same answer for a token that never existed and one mistyped: nothing to tell them apart. */
export function unknownInvitation(): DomainError {
  return new DomainError(
    'NOT_FOUND',
    'This invitation link is not valid. Open it again from the message you received, or ask the partner for a new one.',
    {
      field: ['token'],
    },
  );
}

/** The customer's administrator, as the audit log names them (id: the customer's). */
export function customerAdministrator(customer: CustomerRow): AuditActor {
  return {
    type: 'customer',
    id: customer.id,
    label: `Administrator of ${customer.companyName} (${customer.primaryDomain})`,
  };
}
