/** The audit snapshots and outbox events of webhook subscriptions: never the secret. */
import type { webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';
import { encodeGlobalId } from '../../schema/global-id.js';
import { generateToken } from '../../auth/secrets.js';
import type { AuditEntry, OutboxEvent } from '../mutation/audit.js';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${generateToken(32)}`;
}

export function webhookSubscriptionSnapshot(subscription: WebhookSubscriptionRow) {
  const { secret: _secret, ...rest } = subscription;
  return rest;
}

export function webhookSubscriptionAudit(before: WebhookSubscriptionRow | null, after: WebhookSubscriptionRow | null): AuditEntry {
  const target = after ?? before;
  if (!target) throw new Error('webhookSubscriptionAudit: neither before nor after');
  return {
    targetType: 'WebhookSubscription',
    targetIds: [target.id],
    before: before && webhookSubscriptionSnapshot(before),
    after: after && webhookSubscriptionSnapshot(after),
  };
}

export function webhookSubscriptionEvent(
  type: 'webhookSubscription.created' | 'webhookSubscription.updated' | 'webhookSubscription.deleted',
  subscription: WebhookSubscriptionRow,
): OutboxEvent {
  return {
    type,
    aggregateType: 'WebhookSubscription',
    aggregateId: subscription.id,
    audiencePartnerIds: [subscription.partnerId],
    payload: {
      webhookSubscriptionId: encodeGlobalId('WebhookSubscription', subscription.id),
      url: subscription.url,
      eventTypes: subscription.eventTypes,
      isEnabled: subscription.isEnabled,
      version: subscription.version,
    },
  };
}
