/**
 * When a failed delivery is tried again: 30 s × 2^(attempt − 1), at most an hour apart, for
 * 24 hours after the event (or after a redelivery); then it is FAILED.
 */
export const WEBHOOK_RETRY_BASE_MS = 30_000;
export const WEBHOOK_RETRY_MAX_DELAY_MS = 3_600_000;
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** Each attempt waits at most this long for the receiver's answer. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/** The wait after failed attempt number `attempt` (1 for the first). */
export function webhookRetryDelayMs(attempt: number): number {
  return Math.min(WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1), WEBHOOK_RETRY_MAX_DELAY_MS);
}

export function webhookRetryUntil(from: Date): Date {
  return new Date(from.getTime() + WEBHOOK_RETRY_WINDOW_MS);
}
