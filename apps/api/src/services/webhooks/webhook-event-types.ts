/**
 * The event types a webhook subscription can ask for: the outbox events the services emit
 * (`grep "type: '" src/services`), named `<object>.<what happened>`. A partner receives an event
 * only when it is in the event's audience (domain.md §8: what it may see).
 */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'relationshipRequest.created',
  'relationshipRequest.accepted',
  'relationshipRequest.declined',
  'relationshipRequest.revoked',
  'relationshipRequest.expired',
  'relationship.created',
  'relationship.terminated',
  'subscription.created',
  'subscription.registered',
  'subscription.updated',
  'subscription.managed',
  'subscription.suspended',
  'subscription.reactivated',
  'subscription.cancelled',
  'subscription.renewed',
  'subscription.expired',
  'transfer.created',
  'transfer.scheduled',
  'transfer.updated',
  'transfer.completed',
  'transfer.rejected',
  'transfer.cancelled',
  'transfer.expired',
  'transfer.failed',
  'indirectLink.invited',
  'indirectLink.accepted',
  'apiKey.created',
  'apiKey.revoked',
  'user.invited',
  'user.updated',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
