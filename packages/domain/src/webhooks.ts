/**
 * Webhooks' vocabulary. The event types are every event the API's services emit into the outbox,
 * named `<object>.<what happened>` (both in camelCase): what a webhook subscription can ask for.
 * The API types `OutboxEvent.type` as this union, so an event missing here does not compile. A
 * partner receives an event only when it is in the event's audience (domain.md §8: what it may see).
 */
import type { Permission } from './roles.js';

/** Webhook subscriptions and their delivery log are an integration's credentials, like API keys. */
export const WEBHOOKS_PERMISSION = 'apiKeys:manage' as const satisfies Permission;

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

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
  'subscription.serviceCancelled',
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
  'indirectLink.suspended',
  'indirectLink.reactivated',
  'indirectLink.revoked',
  'apiKey.created',
  'apiKey.revoked',
  'user.invited',
  'user.updated',
  'webhookSubscription.created',
  'webhookSubscription.updated',
  'webhookSubscription.deleted',
  'subscriptionImport.created',
  'subscriptionImport.started',
  'subscriptionImport.completed',
  'subscriptionImport.cancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
