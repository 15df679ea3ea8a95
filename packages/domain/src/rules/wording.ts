/** Shared phrasing for rule messages, so a subscription or channel is named the same everywhere. Internal. */
import { CHANNEL_RULES } from '../channels.js';
import type { Channel } from '../channels.js';
import type { SubscriptionFacts } from '../facts.js';

/** "Microsoft 365 E3", or "This subscription" when the offer's name is not at hand. */
export function subscriptionName(subscription: Pick<SubscriptionFacts, 'offerName'>): string {
  return subscription.offerName ?? 'This subscription';
}

export function channelLabel(channel: Channel): string {
  return CHANNEL_RULES[channel].label;
}

const STATUS_WORDS = {
  PENDING: 'not active yet',
  ACTIVE: 'active',
  SUSPENDED: 'suspended',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
} as const satisfies Record<SubscriptionFacts['status'], string>;

/** "Microsoft 365 E3 is suspended" */
export function subscriptionIs(
  subscription: Pick<SubscriptionFacts, 'offerName' | 'status'>,
): string {
  return `${subscriptionName(subscription)} is ${STATUS_WORDS[subscription.status]}`;
}
