/**
 * The one mapping from a constraint the database enforced to the domain's error code. The code
 * checks rules first; these are the backstops that hold when two requests race past the check.
 */
import { DomainError } from '@switchyard/domain';
import { postgresErrorOf } from '../../db/postgres-error.js';

interface ConstraintRefusal {
  code: DomainError['code'];
  message: string;
  field?: string[];
}

const CONSTRAINT_REFUSALS: Record<string, ConstraintRefusal> = {
  transfer_line_items_one_open_per_subscription: {
    code: 'ALREADY_IN_TRANSFER',
    message: 'A subscription is already in another open transfer.',
  },
  relationships_one_active_key: {
    code: 'RELATIONSHIP_ALREADY_EXISTS',
    message: 'This partner already has an active relationship with the customer.',
  },
  relationship_requests_one_pending_key: {
    code: 'RELATIONSHIP_REQUEST_ALREADY_PENDING',
    message: 'A relationship request to this customer is already waiting for an answer.',
  },
  customers_cloud_primary_domain_key: {
    code: 'VALIDATION_FAILED',
    message: 'Another customer in this cloud already uses this primary domain.',
    field: ['input', 'primaryDomain'],
  },
  indirect_links_provider_reseller_key: {
    code: 'INDIRECT_LINK_ALREADY_EXISTS',
    message: 'Your organisation already has a link with this reseller.',
    field: ['input', 'resellerPartnerNumber'],
  },
  users_email_key: {
    code: 'VALIDATION_FAILED',
    message: 'A user with this email already exists.',
    field: ['input', 'email'],
  },
};

/** A DomainError for a known constraint violation, or undefined (then it is a bug: rethrow). */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  const postgresError = postgresErrorOf(error);
  if (!postgresError?.constraint) return undefined;
  const refusal = CONSTRAINT_REFUSALS[postgresError.constraint];
  if (!refusal) return undefined;
  return new DomainError(refusal.code, refusal.message, {
    ...(refusal.field ? { field: refusal.field } : {}),
    internalMessage: `constraint ${postgresError.constraint}`,
  });
}

/** PostgreSQL's lock_timeout fired (SQLSTATE 55P03). */
export function isLockTimeout(error: unknown): boolean {
  return postgresErrorOf(error)?.code === '55P03';
}
