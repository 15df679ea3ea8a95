/**
 * Bulk import of subscriptions bought elsewhere (domain.md §5, "or in bulk from a CSV file"): the
 * vocabulary of an import and of its rows, and the rules for starting and cancelling one. The file
 * format itself is in inputs/external-subscription-csv.ts.
 */
import type { UserError } from './errors.js';
import { fromReasons, userError } from './rule-result.js';
import type { RuleResult } from './rule-result.js';

/**
 * PREVIEW: read and checked, nothing applied yet; QUEUED: started, waiting for the background job;
 * RUNNING: rows are being applied; COMPLETED: every valid row was applied or refused;
 * CANCELLED: stopped before the end (rows already applied stay).
 */
export const SUBSCRIPTION_IMPORT_STATUSES = ['PREVIEW', 'QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export type SubscriptionImportStatus = (typeof SUBSCRIPTION_IMPORT_STATUSES)[number];

/**
 * INVALID: the row failed validation, so it is never applied; PENDING: valid, not applied yet;
 * APPLIED: registered as a subscription; REFUSED: the registration's rules refused it;
 * SKIPPED: the import was cancelled before its turn.
 */
export const SUBSCRIPTION_IMPORT_ROW_OUTCOMES = ['INVALID', 'PENDING', 'APPLIED', 'REFUSED', 'SKIPPED'] as const;
export type SubscriptionImportRowOutcome = (typeof SUBSCRIPTION_IMPORT_ROW_OUTCOMES)[number];

export interface SubscriptionImportFacts {
  status: SubscriptionImportStatus;
  validRowCount: number;
}

/** Only a previewed import starts, once, and only when it has a row to apply. */
export function checkSubscriptionImportStart(subscriptionImport: SubscriptionImportFacts): RuleResult {
  const reasons: UserError[] = [];
  if (subscriptionImport.status !== 'PREVIEW') {
    reasons.push(
      userError(
        'INVALID_TRANSITION',
        subscriptionImport.status === 'CANCELLED'
          ? 'This import was cancelled: preview the file again to import it.'
          : 'This import has already been started.',
      ),
    );
  } else if (subscriptionImport.validRowCount === 0) {
    reasons.push(userError('VALIDATION_FAILED', 'No row of this file is valid: correct the file and preview it again.'));
  }
  return fromReasons(reasons);
}

/** An import can be cancelled until it has completed; rows already applied stay applied. */
export function checkSubscriptionImportCancel(subscriptionImport: SubscriptionImportFacts): RuleResult {
  if (subscriptionImport.status === 'COMPLETED' || subscriptionImport.status === 'CANCELLED') {
    return fromReasons([userError('INVALID_TRANSITION', `This import is already ${subscriptionImport.status.toLowerCase()}.`)]);
  }
  return fromReasons([]);
}
