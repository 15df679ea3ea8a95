/** A webhook delivery's status, as a badge: green once delivered, red once given up on. */
import type { WebhookDeliveryStatus } from '@switchyard/domain';
import { Badge } from '@switchyard/ui';
import type { BadgeTone } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';

const TONES: Record<WebhookDeliveryStatus, BadgeTone> = {
  PENDING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'danger',
};

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`webhookDeliveryStatus.${status}`)}</Badge>;
}
