/**
 * Error codes: the stable strings integrators switch on (domain.md §10). Every refusal in
 * Switchyard carries exactly one of these, from the rule function to the API's `userErrors`
 * to the admin app's message. Add a code when a new rule needs one; never reuse one.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CLOUD_MISMATCH',
  'CLOUD_CLOSED',
  'MARKET_NOT_SUPPORTED',
  'PARTNER_TENANT_NOT_ALLOWED',
  'RELATIONSHIP_REQUIRED',
  'RELATIONSHIP_ALREADY_EXISTS',
  'RELATIONSHIP_HAS_ACTIVE_SUBSCRIPTIONS',
  'INVITATION_EXPIRED',
  'INVITATION_ALREADY_USED',
  'INDIRECT_LINK_REQUIRED',
  'SUBSCRIPTION_NOT_ACTIVE',
  'CANCELLATION_WINDOW_PASSED',
  'QUANTITY_DECREASE_NOT_ALLOWED',
  'NOT_SELLER',
  'CHANNEL_NOT_MIGRATABLE',
  'BILLING_MODEL_MISMATCH',
  'LICENSE_TERM_NOT_ENDED',
  'ALREADY_IN_TRANSFER',
  'SELF_TRANSFER',
  'MIXED_SOURCE_PARTNERS',
  'TRANSFER_NOT_PENDING',
  'NOT_TRANSFER_PARTY',
  'STALE_VERSION',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'RATE_LIMITED',
  'QUERY_TOO_COSTLY',
  // Added beyond domain.md §10, each for a rule that had no code of its own:
  /** The state machine has no such move (e.g. accepting a revoked indirect link). */
  'INVALID_TRANSITION',
  /** A rule about the caller's partner kind (e.g. only an indirect provider invites resellers). */
  'PARTNER_KIND_NOT_ALLOWED',
  /** Too many failed sign-ins in a row: wait before trying again. */
  'LOGIN_THROTTLED',
  /** The partner withdrew the relationship request behind this invitation. */
  'INVITATION_REVOKED',
  /** The partner already has a pending relationship request to this customer. */
  'RELATIONSHIP_REQUEST_ALREADY_PENDING',
  /** The provider and reseller already have a link that is not revoked. */
  'INDIRECT_LINK_ALREADY_EXISTS',
  /** A subscription from another channel changes only through the partner that manages it. */
  'NOT_MANAGING_PARTNER',
  /** The channel's subscriptions cannot be taken over (`subscriptionManage`): CSP and Syndication. */
  'CHANNEL_NOT_MANAGEABLE',
  /** The Azure service is already cancelled or migrated. */
  'SERVICE_NOT_ACTIVE',
  /** The change would leave the partner without an active global admin (nobody could manage users). */
  'LAST_GLOBAL_ADMIN',
  /** The customer already has this subscription from this channel (same offer, reference and term start). */
  'SUBSCRIPTION_ALREADY_REGISTERED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCode = Object.fromEntries(ERROR_CODES.map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

/** One refusal: a code, a message for a partner's staff, and the input path it is about (if any). */
export interface UserError {
  code: ErrorCode;
  message: string;
  /** Path of the offending field inside the mutation's input, e.g. `['quantity']` or `['serviceIds', '2']`; absent for whole-request rules. */
  field?: string[];
}

/**
 * The one error class of the domain. It travels intact from a rule to the API (which maps it
 * to `userErrors`) to the admin app. `message` is for the user; `internalMessage` for logs only.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string[] | undefined;
  readonly internalMessage: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string[]; internalMessage?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.internalMessage = options.internalMessage;
  }

  /** Rebuilds the error from a rule's refusal, so it can be thrown (and roll a transaction back). */
  static fromUserError(error: UserError, internalMessage?: string): DomainError {
    return new DomainError(error.code, error.message, {
      ...(error.field ? { field: error.field } : {}),
      ...(internalMessage ? { internalMessage } : {}),
    });
  }

  toUserError(): UserError {
    return this.field
      ? { code: this.code, message: this.message, field: this.field }
      : { code: this.code, message: this.message };
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
