/** Subscription vocabulary (domain.md §5). */
export const SUBSCRIPTION_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'EXPIRED'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** `CANCELLED` and `EXPIRED` are final. */
export const FINAL_SUBSCRIPTION_STATUSES = ['CANCELLED', 'EXPIRED'] as const satisfies readonly SubscriptionStatus[];

/** The moves a person (not the clock) can make. Term-end moves are in `subscriptionAtTermEnd`. */
export const SUBSCRIPTION_TRANSITIONS = [
  { from: 'PENDING', to: 'ACTIVE' },
  { from: 'ACTIVE', to: 'SUSPENDED' },
  { from: 'SUSPENDED', to: 'ACTIVE' },
  { from: 'ACTIVE', to: 'CANCELLED' },
  { from: 'SUSPENDED', to: 'CANCELLED' },
] as const satisfies readonly { from: SubscriptionStatus; to: SubscriptionStatus }[];

/** A named Azure service of a usage-based subscription. */
export const SERVICE_STATUSES = ['ACTIVE', 'CANCELLED', 'MIGRATED'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** A CSP license-based subscription may be cancelled, or lose seats, this long after (re)starting its term. */
export const CANCELLATION_WINDOW_DAYS = 7;
