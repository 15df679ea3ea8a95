/**
 * What every rule returns: allowed (sometimes with what follows from it, e.g. the billing partner),
 * or refused with one or more reasons. The API turns the reasons into `userErrors`; the admin app
 * shows them beside a disabled button. Nothing here throws, so both can ask before acting.
 */
import { DomainError } from './errors.js';
import type { ErrorCode, UserError } from './errors.js';

export type RuleResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; errors: UserError[] };

export function allow(): { ok: true };
export function allow<T extends object>(value: T): { ok: true } & T;
export function allow(value: object = {}): { ok: true } {
  return { ...value, ok: true };
}

export function userError(
  code: ErrorCode,
  message: string,
  field?: readonly (string | number)[],
): UserError {
  return field ? { code, message, field: field.map(String) } : { code, message };
}

export function refuse(
  code: ErrorCode,
  message: string,
  field?: readonly (string | number)[],
): { ok: false; errors: UserError[] } {
  return { ok: false, errors: [userError(code, message, field)] };
}

/** Allowed when no reason was collected; otherwise refused with all of them. */
export function fromReasons(reasons: UserError[]): RuleResult;
export function fromReasons<T extends object>(reasons: UserError[], value: T): RuleResult<T>;
export function fromReasons(reasons: UserError[], value: object = {}): RuleResult {
  return reasons.length === 0 ? allow(value) : { ok: false, errors: reasons };
}

/**
 * Throws the first reason as a DomainError when the rule refused. For code that runs inside a
 * transaction and wants a refusal to roll it back; callers that report every reason read `errors`.
 */
export function assertAllowed<T extends object>(
  result: RuleResult<T>,
): asserts result is { ok: true } & T {
  if (!result.ok) {
    const [first] = result.errors;
    throw first
      ? DomainError.fromUserError(first)
      : new DomainError('VALIDATION_FAILED', 'The request was refused.');
  }
}
