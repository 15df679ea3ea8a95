/**
 * The webhooks feature's addresses, under settings. A subscription's delivery log keeps its status
 * filter and page in the URL, like every list.
 */
import { WEBHOOK_DELIVERY_STATUSES } from '@switchyard/domain';
import type { WebhookDeliveryStatus } from '@switchyard/domain';
import { withSearchParams } from '../../app/router';

export const webhookListPath = '/settings/webhooks';
export const webhookPathPattern = `${webhookListPath}/:id`;

export function webhookUrl(id: string, status?: WebhookDeliveryStatus): string {
  return withSearchParams(`${webhookListPath}/${encodeURIComponent(id)}`, { status });
}

export function readDeliveryStatus(
  searchParams: URLSearchParams,
): WebhookDeliveryStatus | undefined {
  const status = searchParams.get('status');
  return (WEBHOOK_DELIVERY_STATUSES as readonly (string | null)[]).includes(status)
    ? (status as WebhookDeliveryStatus)
    : undefined;
}
