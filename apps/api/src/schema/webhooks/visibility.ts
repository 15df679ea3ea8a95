/**
 * Which webhook subscriptions and deliveries the caller may see: its own partner's, and only with a
 * role that manages integrations (`apiKeys:manage`); to anyone else an id is one that does not exist.
 */
import { roleAllows, WEBHOOKS_PERMISSION } from '@switchyard/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';
import { applicationFilter } from '../application-filters.js';

export { WEBHOOKS_PERMISSION };

export function ownWebhookSubscriptionsFilter(context: Context, table: typeof webhookSubscriptions = webhookSubscriptions): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export function ownWebhookDeliveriesFilter(context: Context, table: typeof webhookDeliveries = webhookDeliveries): SQL {
  return applicationFilter(() => eq(table.partnerId, context.partner.id));
}

export async function visibleWebhookSubscriptionIds(ids: string[], context: Context): Promise<string[]> {
  if (!roleAllows(context.actor.role, WEBHOOKS_PERMISSION)) return [];
  const rows = await context.db
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(and(inArray(webhookSubscriptions.id, ids), ownWebhookSubscriptionsFilter(context)));
  return rows.map((row) => row.id);
}

export async function visibleWebhookDeliveryIds(ids: string[], context: Context): Promise<string[]> {
  if (!roleAllows(context.actor.role, WEBHOOKS_PERMISSION)) return [];
  const rows = await context.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.id, ids), ownWebhookDeliveriesFilter(context)));
  return rows.map((row) => row.id);
}
