/**
 * Turns a rule's refusal into the DomainError that rolls the mutation back. `runMutation` reports
 * one error per refusal, so when a rule gives several, the one about the whole request (no
 * `field`: no relationship, a partner tenant, another cloud) is reported before one about a single
 * item: it is the one to fix first, and fixing an item would not help while it stands.
 */
import { DomainError } from '@switchyard/domain';
import type { UserError } from '@switchyard/domain';

export function refusalOf(errors: readonly UserError[]): DomainError {
  const chosen = errors.find((error) => !error.field) ?? errors[0];
  return chosen ? DomainError.fromUserError(chosen) : new DomainError('VALIDATION_FAILED', 'The request was refused.');
}
