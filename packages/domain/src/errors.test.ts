import { describe, expect, it } from 'vitest';

import { DomainError, ERROR_CODES, ErrorCode, isDomainError } from './errors.js';
import { allow, assertAllowed, fromReasons, refuse } from './rule-result.js';

describe('error codes', () => {
  it('lists each code once, and the ErrorCode object maps each to itself', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(ErrorCode[code]).toBe(code);
  });

  it('keeps every code named in domain.md §10', () => {
    const specified = [
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
    ];
    expect(specified.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual(
      [],
    );
  });
});

describe('rule results', () => {
  it.each([
    [
      'allows with no reasons',
      fromReasons([], { billingPartnerId: 'p' }),
      { ok: true, billingPartnerId: 'p' },
    ],
    [
      'refuses with its reasons',
      fromReasons([{ code: 'NOT_SELLER', message: 'm' }]),
      { ok: false, errors: [{ code: 'NOT_SELLER', message: 'm' }] },
    ],
    [
      'refuses with a field path as strings',
      refuse('VALIDATION_FAILED', 'm', ['serviceIds', 2]),
      {
        ok: false,
        errors: [{ code: 'VALIDATION_FAILED', message: 'm', field: ['serviceIds', '2'] }],
      },
    ],
  ])('%s', (_name, result, expected) => {
    expect(result).toEqual(expected);
  });

  it('assertAllowed passes an allowed result and throws the first refusal as a DomainError', () => {
    expect(() => assertAllowed(allow())).not.toThrow();
    let thrown: unknown;
    try {
      assertAllowed(
        refuse('QUANTITY_DECREASE_NOT_ALLOWED', 'Too late to remove seats.', ['quantity']),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(isDomainError(thrown) ? thrown.toUserError() : undefined).toEqual({
      code: 'QUANTITY_DECREASE_NOT_ALLOWED',
      message: 'Too late to remove seats.',
      field: ['quantity'],
    });
  });
});
